"""A full disk is a full disk: one message, exit 8, and the vault exactly as it was (issue 9,
item 4). Never "damaged, restore from a backup" (which would throw newer work away), never
"internal error".

The disk is a real one: a 6 MiB tmpfs mounted for the test (skipped, saying why, where mounting
is not permitted), filled with a plain file until the kernel answers ENOSPC.
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from nkcase.errors import DiskFull, is_disk_full
from nkcase.packets import export
from nkcase.services import backup, cases, vaults
from nkcase.services.audit import verify_chain
from nkcase.vault import attachments
from nkcase.vault.keyslots import TEST_KDF
from nkcase.vault.vault import Vault
from tests.conftest import ORGANISATION, PASSPHRASE, run_cli, seed_files
from tests.packets.conftest import exportable, review_all

MESSAGE = "The disk is full: free space on"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {proc.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Write a file until the disk is full; returns it (delete it to free the space)."""
    filler = disk / "filler"
    block = b"\0" * 4096
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        while True:
            try:
                os.write(fd, block)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                if len(block) == 1:
                    break
                block = block[: len(block) // 2]
    finally:
        os.close(fd)
    return filler


def state(folder: Path) -> tuple[bytes, int, int, list[str]]:
    """What must not change: the key file's bytes, the cases, the audit chain."""
    with Vault.unlock(folder, PASSPHRASE) as vault, vault.session() as session:
        chain = verify_chain(session)
        assert chain.problems == []
        return (
            (folder / "keys.json").read_bytes(),
            cases.count_cases(session),
            chain.entries,
            sorted(c.pseudonym for c in cases.list_cases(session)),
        )


def _make_vault(disk: Path) -> Path:
    folder = disk / "vault"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    try:
        cases.import_case_file(vault, seed_files()[0])
        review_all(vault, exportable(vault, "sr_slavery")[0])
    finally:
        vault.close()
    return folder


OPERATIONS = ("import", "attach", "backup", "export", "passphrase")


def _operate(op: str, vault: Vault, disk: Path) -> None:
    if op == "import":
        cases.import_case_file(vault, seed_files()[1])
    elif op == "attach":
        with vault.session() as session:
            case_id = cases.find_case(session, "1").id
        attachments.add_attachment(vault, case_id, io.BytesIO(os.urandom(3 << 20)), "a.jpg")
    elif op == "backup":
        backup.write_backup(vault, disk / "b.nkbackup")
    elif op == "export":
        ref = exportable(vault, "sr_slavery")[0]
        export.export_packet(vault, [ref], "sr_slavery", disk / "p.zip")
    else:
        vaults.change_passphrase(vault, PASSPHRASE, "cobalt-meadow-sparrow-lantern-42", TEST_KDF)


@pytest.mark.parametrize("op", OPERATIONS)
def test_each_write_on_a_full_disk_is_disk_full_and_changes_nothing(small_disk, op):
    folder = _make_vault(small_disk)
    before = state(folder)
    vault = Vault.unlock(folder, PASSPHRASE)  # open first: its WAL files already exist
    try:
        filler = fill(small_disk)
        with pytest.raises(DiskFull) as caught:
            _operate(op, vault, small_disk)
        assert str(caught.value).startswith(f"{MESSAGE} {small_disk}")
        assert caught.value.exit_code == 8
    finally:
        vault.close()
    filler.unlink()
    assert state(folder) == before
    leftovers = [p.name for p in small_disk.iterdir() if p.name not in ("vault", "filler")]
    assert leftovers == []
    assert sorted(p.name for p in folder.iterdir()) == ["keys.json", "vault.db"]


@pytest.mark.parametrize("command", ["list", "import", "backup", "passphrase"])
def test_cli_on_a_full_disk_says_so_with_exit_8(small_disk, tmp_path, command):
    folder = _make_vault(small_disk)
    before = state(folder)
    args: list[str | Path] = {
        "list": ["list"],
        "import": ["import", seed_files()[1]],
        "backup": ["backup", "--out", small_disk / "b.nkbackup"],
        "passphrase": ["passphrase", "change", "--new-passphrase-file", tmp_path / "new"],
    }[command]
    (tmp_path / "new").write_text("cobalt-meadow-sparrow-lantern-42\n")
    filler = fill(small_disk)
    proc = run_cli(*args, "--vault", folder)
    assert proc.returncode == 8, proc.stderr
    assert proc.stderr.startswith(f"error: {MESSAGE} {small_disk}"), proc.stderr
    for wrong in ("damaged", "internal error", "backup", "Traceback"):
        assert wrong not in proc.stderr.replace("b.nkbackup", "")
    filler.unlink()
    assert state(folder) == before


def test_disk_full_is_recognised_in_every_form():
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert is_disk_full(OSError(errno.EDQUOT, "Disk quota exceeded"))
    win = OSError(errno.EIO, "disk full")
    win.winerror = 112  # type: ignore[attr-defined]
    assert is_disk_full(win)
    wrapped = RuntimeError("wrapped")
    wrapped.__cause__ = OSError(errno.ENOSPC, "x")
    assert is_disk_full(wrapped)
    from nkcase.vault import engine as db

    assert is_disk_full(db.sqlcipher.OperationalError("database or disk is full"))
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert not is_disk_full(db.sqlcipher.DatabaseError("file is not a database"))


def test_the_gui_says_disk_full_for_a_driver_error_too():
    from nkcase.gui.errors import user_message
    from nkcase.vault import engine as db

    raw = db.sqlcipher.OperationalError("database or disk is full")
    shown = user_message(raw)
    assert shown.startswith("The disk is full.") and "damaged" not in shown
    shown = user_message(OSError(errno.ENOSPC, "No space left on device", "/media/usb/x.zip"))
    assert "The disk is full: free space on /" in shown
