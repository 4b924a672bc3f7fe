"""`nkcase check` and unlock against edits made straight in the database, with the real key.

Each tamper is done the way an insider (or a bug) would: a plain SQLCipher connection keyed with
the vault's real data key, editing rows without going through nkcase. Rollbacks copy an older
vault.db over a newer one, as anyone with the files can, without the passphrase.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from nkcase.errors import IntegrityError
from nkcase.services import audit, cases, editing, vaults
from nkcase.vault import engine as db
from nkcase.vault.anchor import VaultRolledBack
from nkcase.vault.keyslots import TEST_KDF, KeyFile
from nkcase.vault.models import AuditEntry, Consent, Interview
from nkcase.vault.vault import Vault
from tests.conftest import PASSPHRASE, run_cli, seed_files

SEED = seed_files()[0]


def _sql(folder: Path, key: bytes, *statements: str) -> None:
    """Run SQL on vault.db through a raw SQLCipher connection keyed with the real key."""
    conn = db.sqlcipher.connect(str(folder / "vault.db"))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def imported(vault: Vault) -> tuple[Path, bytes, int]:
    """A closed vault folder with one imported case and a later edit; its data key."""
    (case_id, _p), *_ = cases.import_case_file(vault, SEED, propose=False)
    with vault.session() as s:
        case = cases.find_case(s, case_id)
        iv = case.interviews[0]
        cases.set_interview_text(s, case, iv.id, "translation", "An edited translation.")
    key = vault.data_key
    folder = vault.folder
    vault.close()
    return folder, key, case_id


def _check(folder: Path, accept: bool = False) -> vaults.CheckReport:
    with vaults.open_vault(folder, passphrase=PASSPHRASE, accept_rollback=accept) as v:
        return vaults.check_vault(v)


def test_untouched_vault_passes(imported):
    folder, _key, _case = imported
    report = _check(folder)
    assert report.ok, report.problems
    assert report.audit_entries > 3


@pytest.mark.parametrize(
    "statement, named",
    [
        ("UPDATE text_versions SET text = 'forged' WHERE id = 1", "text_versions row 1"),
        ("UPDATE interviews SET translation = 'forged' WHERE id = 1", "interviews row 1"),
        ("UPDATE interviews SET narrative = 'forged' WHERE id = 1", "interviews row 1"),
        ("UPDATE consents SET withdrawn_on = NULL, storage = 0", "consents row"),
        ("DELETE FROM text_versions WHERE id = 1", "text_versions row 1: deleted"),
        (
            "INSERT INTO text_versions (case_id, field_key, version, text, sha256, actor, action,"
            " created_at) SELECT case_id, field_key, 99, 'x', sha256, actor, action, created_at"
            " FROM text_versions WHERE id = 1",
            "not recorded",
        ),
    ],
)
def test_row_edits_outside_nkcase_are_named(imported, statement, named):
    folder, key, _case = imported
    _sql(folder, key, statement)
    report = _check(folder)
    assert not report.ok
    assert any(named in p for p in report.problems), report.problems


def test_cli_check_fails_on_a_changed_consent(imported, tmp_path):
    folder, key, _case = imported
    _sql(folder, key, "UPDATE consents SET share_with = '[\"dprk_gov\"]'")
    proc = run_cli("check", "--vault", folder)
    assert proc.returncode == IntegrityError.exit_code, proc.stderr
    assert "consents row" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("cut", [1, 3])
def test_cutting_the_audit_log_tail_is_refused(imported, cut):
    folder, key, _case = imported
    _sql(
        folder,
        key,
        "DELETE FROM audit_log WHERE id IN "
        f"(SELECT id FROM audit_log ORDER BY id DESC LIMIT {cut})",
    )
    with pytest.raises(VaultRolledBack, match="ends before entry"):
        vaults.open_vault(folder, passphrase=PASSPHRASE)
    proc = run_cli("check", "--vault", folder)
    assert proc.returncode == IntegrityError.exit_code
    assert "--accept-rollback" in proc.stderr and "Traceback" not in proc.stderr


def test_rewritten_tail_is_refused(imported):
    """The last entry replaced by another with a consistent hash: still not the anchored one."""
    folder, key, _case = imported
    with vaults.open_vault(folder, passphrase=PASSPHRASE) as v, v.session() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        last_id, prev = last.id, last.prev_hash
        at = last.at.isoformat()
    forged = audit.entry_hash(prev, at, "local-user", "case.viewed", None, {})
    _sql(
        folder,
        key,
        f"UPDATE audit_log SET action = 'case.viewed', detail = '{{}}', case_id = NULL, "
        f"hash = '{forged}' WHERE id = {last_id}",
    )
    with pytest.raises(VaultRolledBack, match=f"entry {last_id} is not the one"):
        vaults.open_vault(folder, passphrase=PASSPHRASE)


def test_older_vault_db_is_refused_at_unlock_then_accepted_and_audited(vault, tmp_path):
    """The issue's case: a consent withdrawal undone by copying back an older vault.db."""
    (case_id, _p), *_ = cases.import_case_file(vault, SEED, propose=False)
    folder = vault.folder
    vault.close()
    old = tmp_path / "old-vault.db"
    shutil.copy2(folder / "vault.db", old)
    with vaults.open_vault(folder, passphrase=PASSPHRASE) as v, v.session() as s:
        editing.withdraw_consent(s, case_id, "2024-05-01")
    (folder / "vault.db-wal").unlink(missing_ok=True)
    (folder / "vault.db-shm").unlink(missing_ok=True)
    shutil.copy2(old, folder / "vault.db")

    with pytest.raises(VaultRolledBack, match="older copy"):
        vaults.open_vault(folder, passphrase=PASSPHRASE)
    # Every command that unlocks refuses, the export included (nothing is written).
    out = tmp_path / "packet.zip"
    proc = run_cli(
        "export", "--vault", folder, "--case", str(case_id), "--target", "sr_slavery", "--out", out
    )
    assert proc.returncode == IntegrityError.exit_code, proc.stderr
    assert "older vault.db" in proc.stderr and not out.exists()

    proc = run_cli("check", "--vault", folder, "--accept-rollback")
    assert proc.returncode == 0, proc.stderr
    with vaults.open_vault(folder, passphrase=PASSPHRASE) as v, v.session() as s:
        accepted = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "vault.rollback_accepted")
        ).one()
        assert "ends before entry" in accepted.detail["reason"]
        assert s.get(Consent, case_id).withdrawn_on is None  # the older copy, as accepted


def test_removing_the_anchor_from_keys_json_is_refused(imported):
    folder, _key, _case = imported
    keyfile = KeyFile.load(folder / "keys.json")
    assert keyfile.anchor is not None
    keyfile.anchor = None
    keyfile.save(folder / "keys.json")  # a valid checksum: anyone can recompute it
    with pytest.raises(VaultRolledBack, match="no longer records"):
        vaults.open_vault(folder, passphrase=PASSPHRASE)


def test_database_ahead_of_the_anchor_is_normal(imported):
    """A crash between a commit and the anchor write leaves the database ahead: accepted."""
    folder, _key, case_id = imported
    before = KeyFile.load(folder / "keys.json")
    with vaults.open_vault(folder, passphrase=PASSPHRASE) as v, v.session() as s:
        s.get(Interview, 1).translation = "Changed again."
        audit.record(s, "text.edited", case_id=case_id, detail={})
    before.save(folder / "keys.json")  # as if the anchor write never happened
    assert _check(folder).ok


def test_anchor_hides_the_audit_log_size(imported):
    folder, _key, _case = imported
    raw = (folder / "keys.json").read_bytes()
    anchor = KeyFile.from_bytes(raw).anchor
    assert anchor is not None and b'"anchor"' in raw
    with vaults.open_vault(folder, passphrase=PASSPHRASE) as v, v.session() as s:
        last_id = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
        last_hash = s.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    assert last_hash not in raw.decode() and f"[{last_id}," not in raw.decode()


def test_key_file_changes_keep_the_anchor(imported):
    """A passphrase change or a rekey rewrites keys.json: the anchor must travel with it, or a
    crash before the next audit commit would look like a rolled-back database."""
    from nkcase.services import keys

    folder, _key, _case = imported
    with vaults.open_vault(folder, passphrase=PASSPHRASE) as v:
        anchored = KeyFile.load(folder / "keys.json").anchor
        assert anchored is not None
        new = "quartz-lantern-meadow-orbit-55"
        vaults.change_passphrase(v, PASSPHRASE, new, kdf=TEST_KDF)
        keys.rekey(v, PASSPHRASE, kdf=TEST_KDF)
    # Both wrote an audit entry (so the anchor moved on); an older anchor still opens, because
    # the database is ahead of it, and a missing one would be refused.
    stale = KeyFile.load(folder / "keys.json")
    stale.anchor = anchored
    stale.save(folder / "keys.json")
    assert _check(folder).ok


def test_a_restored_backup_opens_without_acceptance(imported, tmp_path):
    from nkcase.services import backup

    folder, _key, _case = imported
    with vaults.open_vault(folder, passphrase=PASSPHRASE) as v:
        backup.write_backup(v, tmp_path / "b.nkbackup")
    with vaults.open_vault(folder, passphrase=PASSPHRASE) as v, v.session() as s:
        s.get(Interview, 1).translation = "Written after the backup."
    backup.restore_backup(tmp_path / "b.nkbackup", tmp_path / "restored", passphrase=PASSPHRASE)
    assert _check(tmp_path / "restored").ok


def test_a_killed_anchor_write_leaves_no_temporary_key_file(imported):
    folder, _key, _case = imported
    leftover = folder / ".keys.json.k1ll3d.tmp"
    leftover.write_bytes((folder / "keys.json").read_bytes()[:100])
    _check(folder)
    assert not leftover.exists()
