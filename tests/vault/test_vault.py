import json
import os
from pathlib import Path

import pytest

from nkcase.errors import (
    DatabaseDamaged,
    DiskFull,
    KeyFileDamaged,
    VaultExists,
    VaultNotFound,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from nkcase.services import cases, vaults
from nkcase.vault.keyslots import TEST_KDF
from nkcase.vault.vault import Vault
from tests.conftest import ORGANISATION, PASSPHRASE

CASE = Path(__file__).resolve().parent.parent / "data" / "one_case.json"


def test_create_open_and_recovery(vault_dir):
    vault, recovery = vaults.create_vault(vault_dir, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    cases.import_case_file(vault, CASE)
    vault.close()
    assert sorted(p.name for p in vault_dir.iterdir()) >= ["keys.json", "vault.db"]
    assert oct(vault_dir.stat().st_mode & 0o777) == "0o700"
    with vaults.open_vault(vault_dir, passphrase=PASSPHRASE) as v, v.session() as s:
        assert cases.count_cases(s) == 1
        assert vaults.organisation(s) == ORGANISATION
        assert vaults.signing_key(s).public_key() is not None
    with vaults.open_vault(vault_dir, recovery_key=recovery) as v, v.session() as s:
        assert cases.count_cases(s) == 1


def test_wrong_secrets_are_named(vault, vault_dir):
    vault.close()
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        vaults.open_vault(vault_dir, passphrase="plum-vortex-harbor-quietly-82")
    with pytest.raises(WrongRecoveryKey, match="Wrong recovery key"):
        vaults.open_vault(vault_dir, recovery_key="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")


def test_no_vault_and_existing_vault(vault, vault_dir, tmp_path):
    with pytest.raises(VaultNotFound, match="no vault"):
        vaults.open_vault(tmp_path / "elsewhere", passphrase=PASSPHRASE)
    with pytest.raises(VaultExists):
        vaults.create_vault(vault_dir, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)


def test_weak_passphrase_creates_nothing(tmp_path):
    with pytest.raises(WeakPassphrase):
        vaults.create_vault(tmp_path / "v", ORGANISATION, "password123", kdf=TEST_KDF)
    assert not (tmp_path / "v").exists()


def test_damaged_key_file_is_named(vault, vault_dir):
    vault.close()
    keys = vault_dir / "keys.json"
    raw = bytearray(keys.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    keys.write_bytes(bytes(raw))
    with pytest.raises(KeyFileDamaged, match="key file"):
        vaults.open_vault(vault_dir, passphrase=PASSPHRASE)
    keys.unlink()
    with pytest.raises(KeyFileDamaged, match="missing"):
        vaults.open_vault(vault_dir, passphrase=PASSPHRASE)


def _flip(path: Path, offset: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0xFF]))


def _checkpointed(vault: Vault) -> None:
    with vault.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def test_damaged_first_page_is_named(vault, vault_dir):
    cases.import_case_file(vault, CASE)
    _checkpointed(vault)
    vault.close()
    _flip(vault_dir / "vault.db", 100)
    with pytest.raises(DatabaseDamaged, match="damaged"):
        vaults.open_vault(vault_dir, passphrase=PASSPHRASE)


def test_damaged_data_page_is_found_by_check_and_reads(vault, vault_dir):
    cases.import_case_file(vault, CASE)
    _checkpointed(vault)
    vault.close()
    db = vault_dir / "vault.db"
    pages = db.stat().st_size // 4096
    _flip(db, (pages - 2) * 4096 + 1000)
    v = vaults.open_vault(vault_dir, passphrase=PASSPHRASE)
    try:
        report = vaults.check_vault(v)
        assert not report.ok
        assert any("integrity" in p or "damaged" in p or "pages" in p for p in report.problems)
        with pytest.raises(DatabaseDamaged), v.session() as s:
            # Read every table through the ORM: some page is bad.
            for row in cases.list_cases(s):
                cases.case_to_dict(cases.find_case(s, row.id))
            s.execute(cases.select(cases.TextVersion)).all()
            s.connection().exec_driver_sql("SELECT * FROM search_index").all()
            s.connection().exec_driver_sql("SELECT * FROM audit_log").all()
    finally:
        v.close()


def test_folder_reveals_nothing_without_the_key(vault, vault_dir):
    cases.import_case_file(vault, CASE)
    vault.close()
    data = json.loads(CASE.read_text(encoding="utf-8"))
    secrets = [
        "Kim Myong Chol",
        "김명철",
        "Ri Sun Hui",
        "Hoeryong",
        "logging",
        "NGO-2026-0007",
        "withholding_of_wages",
        "pseudonym",
        "CREATE TABLE",
        "SQLite format 3",
        ORGANISATION,
        data["cases"][0]["interviews"][0]["narrative"][:30],
    ]
    for path in vault_dir.iterdir():
        raw = path.read_bytes()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in raw, (path.name, secret)


def test_change_passphrase_rewraps_only(vault, vault_dir):
    cases.import_case_file(vault, CASE)
    db_before = (vault_dir / "vault.db").stat().st_mtime_ns
    new = "violet-kettle-moraine-31-ash"
    with pytest.raises(WrongPassphrase):
        vaults.change_passphrase(vault, "not-it-at-all-99", new, kdf=TEST_KDF)
    with pytest.raises(WeakPassphrase):
        vaults.change_passphrase(vault, PASSPHRASE, "short", kdf=TEST_KDF)
    vaults.change_passphrase(vault, PASSPHRASE, new, kdf=TEST_KDF)
    vault.close()
    assert (vault_dir / "vault.db").stat().st_mtime_ns >= db_before
    with pytest.raises(WrongPassphrase):
        vaults.open_vault(vault_dir, passphrase=PASSPHRASE)
    with vaults.open_vault(vault_dir, passphrase=new) as v, v.session() as s:
        assert cases.count_cases(s) == 1


def test_key_file_write_is_atomic(vault, vault_dir, monkeypatch):
    """A failure while writing the key file leaves the old file whole and no temp file."""
    before = (vault_dir / "keys.json").read_bytes()

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(DiskFull):  # ENOSPC is the one disk-full error (exit 8)
        vaults.change_passphrase(vault, PASSPHRASE, "violet-kettle-moraine-31-ash", kdf=TEST_KDF)
    monkeypatch.undo()
    assert (vault_dir / "keys.json").read_bytes() == before
    assert [p.name for p in vault_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_change_leaves_the_open_vault_consistent(vault, vault_dir, monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda *_: (_ for _ in ()).throw(OSError(28, "full")))
    with pytest.raises(DiskFull):
        vaults.change_passphrase(vault, PASSPHRASE, "violet-kettle-moraine-31-ash", kdf=TEST_KDF)
    monkeypatch.undo()
    assert vault.keyfile.to_bytes() == (vault_dir / "keys.json").read_bytes()
