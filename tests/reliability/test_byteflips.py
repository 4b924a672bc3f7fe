"""A flipped byte in the database, the key file, an attachment or a backup: always detected,
always as a clear NkcaseError (never a traceback, never silently wrong data)."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import pytest

from nkcase.errors import (
    AttachmentDamaged,
    BackupDamaged,
    DatabaseDamaged,
    KeyFileDamaged,
    NkcaseError,
    UnsupportedFormat,
)
from nkcase.services import backup, cases, vaults
from nkcase.vault import attachments as att
from nkcase.vault.keyslots import TEST_KDF
from tests.conftest import ORGANISATION, PASSPHRASE

DATA = Path(__file__).resolve().parents[1] / "data" / "one_case.json"
FLIPS = 40


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A closed vault with a case and a 1.5 MiB attachment, fully checkpointed."""
    folder = tmp_path_factory.mktemp("pristine") / "v"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    with vault:
        cases.import_case_file(vault, DATA)
        att.add_attachment(vault, 1, io.BytesIO(random.Random(1).randbytes(1_500_000)), "a.wav")
        backup.write_backup(vault, folder.parent / "b.nkbak")
    vault = vaults.open_vault(folder, PASSPHRASE)  # reopen/close: WAL checkpointed into vault.db
    vault.close()
    return folder


def _flipped_copy(src: Path, dst: Path, name: str, pos: int) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    for extra in ("vault.db-wal", "vault.db-shm"):
        (dst / extra).unlink(missing_ok=True)
    data = bytearray((dst / name).read_bytes())
    data[pos % len(data)] ^= 1 << (pos % 8)
    (dst / name).write_bytes(bytes(data))
    return dst


def _detects(folder: Path) -> NkcaseError | str:
    """The clear error, or 'check' when `check` reports the problem; raises if undetected."""
    try:
        vault = vaults.open_vault(folder, PASSPHRASE)
    except NkcaseError as exc:
        return exc
    with vault:
        report = vaults.check_vault(vault)
        if not report.ok:
            return "check"
        try:
            with vault.session() as s:
                att.read_bytes(s, 1)
        except NkcaseError as exc:
            return exc
    raise AssertionError("a flipped byte went unnoticed")


def test_database_byte_flips(pristine, tmp_path):
    size = (pristine / "vault.db").stat().st_size
    rng = random.Random(7)
    positions = [0, 5, 15, 16, 20, 4095, 4096, size - 1] + [
        rng.randrange(size) for _ in range(FLIPS)
    ]
    for pos in positions:
        result = _detects(_flipped_copy(pristine, tmp_path / "v", "vault.db", pos))
        assert result == "check" or isinstance(result, DatabaseDamaged | AttachmentDamaged), (
            pos,
            result,
        )


def test_attachment_byte_flips(pristine, tmp_path):
    # The attachment's chunks fill the middle of the file: flip only there.
    size = (pristine / "vault.db").stat().st_size
    rng = random.Random(8)
    for _ in range(FLIPS):
        pos = rng.randrange(size // 4, size * 3 // 4)
        result = _detects(_flipped_copy(pristine, tmp_path / "v", "vault.db", pos))
        assert result == "check" or isinstance(result, DatabaseDamaged | AttachmentDamaged)


def test_key_file_byte_flips(pristine, tmp_path):
    size = (pristine / "keys.json").stat().st_size
    for pos in range(0, size, max(1, size // FLIPS)):
        result = _detects(_flipped_copy(pristine, tmp_path / "v", "keys.json", pos))
        assert isinstance(result, KeyFileDamaged | UnsupportedFormat), (pos, result)
        assert "key file" in str(result)


def test_backup_byte_flips(pristine, tmp_path):
    raw = (pristine.parent / "b.nkbak").read_bytes()
    rng = random.Random(9)
    for pos in [rng.randrange(len(raw)) for _ in range(FLIPS)]:
        data = bytearray(raw)
        data[pos] ^= 0x01
        (tmp_path / "b").write_bytes(bytes(data))
        with pytest.raises(NkcaseError) as info:
            backup.restore_backup(tmp_path / "b", tmp_path / "r", passphrase=PASSPHRASE)
        assert isinstance(info.value, BackupDamaged | UnsupportedFormat)
        assert not (tmp_path / "r").exists()
