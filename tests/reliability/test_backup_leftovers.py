"""A killed backup leaves nothing that opens, and its leftover goes at the next backup (issue 9,
item 9). A real child process writes a backup and is killed with SIGKILL while it seals."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from nkcase.services import backup, cases, vaults
from nkcase.vault import attachments
from nkcase.vault.atomic import atomic_writer, discard_stale_temps
from nkcase.vault.keyslots import TEST_KDF
from tests.conftest import ORGANISATION, PASSPHRASE, ROOT, run_cli, seed_files

WORKER = textwrap.dedent(
    """
    import sys, time
    from nkcase.services import backup, vaults
    vault = vaults.open_vault(sys.argv[1], sys.argv[3])
    def slow(done, total):
        if done >= total // 3:
            print("SEALING", flush=True)
            time.sleep(60)
    backup.write_backup(vault, sys.argv[2], progress=slow)
    """
)


@pytest.fixture
def big_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    try:
        case_id = cases.import_case_file(vault, seed_files()[0])[0][0]
        with vault.session() as session:
            cid = cases.find_case(session, str(case_id)).id
        attachments.add_attachment(vault, cid, io.BytesIO(os.urandom(4 << 20)), "scan.jpg")
    finally:
        vault.close()
    return folder


def _killed_backup(folder: Path, out: Path) -> list[Path]:
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(folder), str(out), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "SEALING"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return sorted(out.parent.glob(f".{out.name}.*.tmp"))


def test_killed_backup_leaves_no_key_slots_and_the_next_backup_removes_it(big_vault, tmp_path):
    dest = tmp_path / "usb"
    dest.mkdir()
    out = dest / "vault.nkbackup"
    leftovers = _killed_backup(big_vault, out)
    assert len(leftovers) == 1 and not out.exists()
    raw = leftovers[0].read_bytes()
    assert len(raw) > 1 << 20  # it was well under way
    # No magic, no header: the key slots (and the vault id) are not in the file yet.
    assert b"NKCASE-BACKUP" not in raw and b"keyfile" not in raw
    keys = (big_vault / "keys.json").read_bytes()
    assert b"wrapped_key" not in raw and keys[:200] not in raw

    proc = run_cli("backup", "--vault", big_vault, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert sorted(dest.iterdir()) == [out]
    assert backup.verify_backup(out, PASSPHRASE)["snapshot_size"] > 4 << 20
    # The vault folder keeps no snapshot either.
    assert sorted(p.name for p in big_vault.iterdir()) == ["keys.json", "vault.db"]


def test_a_live_writers_temp_file_is_left_alone(tmp_path):
    target = tmp_path / "x.zip"
    with atomic_writer(target) as fh:
        fh.write(b"partial")
        (live,) = tmp_path.glob(".x.zip.*.tmp")
        assert discard_stale_temps(target) == 0  # held by this writer
        assert live.exists()
    assert target.read_bytes() == b"partial"
    dead = tmp_path / ".x.zip.abcd1234.tmp"
    dead.write_bytes(b"left by a killed writer")
    other = tmp_path / ".x.zip.notours.tmp"  # not our pattern: never touched
    other.write_bytes(b"someone else's")
    assert discard_stale_temps(target) == 1
    assert not dead.exists() and other.exists()


def test_a_killed_key_file_write_is_removed_at_the_next_unlock(tmp_path):
    folder = tmp_path / "vault"
    vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)[0].close()
    leftover = folder / ".keys.json.k2j4x9a1.tmp"
    leftover.write_bytes((folder / "keys.json").read_bytes())  # what a killed save leaves
    vaults.open_vault(folder, PASSPHRASE).close()
    assert not leftover.exists()
