"""A vault on read-only media can be read and searched; changes and exports (which are
recorded in the vault) are refused with one clear message (issue 9, item 10)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from nkcase.services import vaults
from nkcase.vault.keyslots import TEST_KDF
from tests.conftest import ORGANISATION, PASSPHRASE, run_cli, seed_files
from tests.packets.conftest import exportable, review_all

READ_ONLY = "This vault is on read-only media"


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "stick"
    mount.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {proc.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _write_protect(mount: Path, on: bool) -> None:
    flag = "ro" if on else "rw"
    subprocess.run(["mount", "-o", f"remount,{flag}", str(mount)], check=True)


def test_read_list_search_export_and_refuse_writes(stick, tmp_path):
    from nkcase.services import cases

    folder = stick / "vault"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    try:
        cases.import_case_file(vault, seed_files()[0])
        ref = exportable(vault, "sr_slavery")[0]
        review_all(vault, ref)
    finally:
        vault.close()
    files_before = {p.name: p.read_bytes() for p in folder.iterdir()}
    _write_protect(stick, True)
    try:
        listed = run_cli("list", "--vault", folder)
        assert listed.returncode == 0, listed.stderr
        assert ref in listed.stdout
        assert run_cli("show", ref, "--vault", folder).returncode == 0
        assert run_cli("search", "passport", "--vault", folder).returncode == 0
        # An export is recorded in the vault (custody, the map back from the packet's names):
        # refused, before any packet is written.
        out = tmp_path / "packet.zip"
        exported = run_cli(
            "export", "--target", "sr_slavery", "--case", ref, "--out", out, "--vault", folder
        )
        assert exported.returncode == 1 and READ_ONLY in exported.stderr, exported.stderr
        assert not out.exists() and list(tmp_path.glob(".packet.zip.*")) == []
        refused = run_cli("import", seed_files()[1], "--vault", folder)
        assert refused.returncode == 1
        assert refused.stderr.startswith(f"error: {READ_ONLY} ({folder})"), refused.stderr
        assert "damaged" not in refused.stderr and "internal error" not in refused.stderr
    finally:
        _write_protect(stick, False)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == files_before
