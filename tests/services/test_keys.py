"""Key slots, recovery key, rekey (incl. every crash point of the switch) and duress."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from nkcase.errors import KeySlotError, WeakPassphrase, WrongPassphrase, WrongRecoveryKey
from nkcase.services import cases, keys, vaults
from nkcase.vault.keyslots import TEST_KDF, KeyFile
from nkcase.vault.vault import REKEY_DB_NAME, REKEY_KEYS_NAME, Vault
from tests.conftest import ORGANISATION, PASSPHRASE

SECOND = "cobalt-meadow-sparrow-lantern-42"
DURESS = "velvet-granite-orchid-tundra-77"
NEW = "amber-fjord-pelican-tractor-19"


@pytest.fixture
def opened(tmp_path):
    vault, recovery = vaults.create_vault(tmp_path / "v", ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    cases.import_case_file(vault, Path(__file__).resolve().parents[1] / "data/one_case.json")
    yield vault, recovery
    vault.close()


def _contents(vault: Vault) -> list[dict]:
    with vault.session() as s:
        return [cases.case_to_dict(cases.find_case(s, str(r.id))) for r in cases.list_cases(s)]


def test_add_list_remove_passphrase_slots(opened):
    vault, _ = opened
    slot = keys.add_passphrase(vault, SECOND, label="Min-ji's laptop", kdf=TEST_KDF)
    listed = keys.list_slots(vault)
    assert [s.kind for s in listed] == ["passphrase", "recovery", "passphrase"]
    assert [s.label for s in listed if s.id == slot.id] == ["Min-ji's laptop"]
    assert sum(s.current for s in listed) == 1
    raw = vault.keys_path.read_bytes()
    assert b"Min-ji" not in raw and b"label" not in raw  # names live inside the vault only
    vaults.open_vault(vault.folder, SECOND).close()
    keys.remove_slot(vault, slot.id)
    with pytest.raises(WrongPassphrase):
        vaults.open_vault(vault.folder, SECOND)
    first = keys.list_slots(vault)[0]
    with pytest.raises(KeySlotError, match="last passphrase"):
        keys.remove_slot(vault, first.id)
    with pytest.raises(KeySlotError, match="recovery"):
        keys.remove_slot(vault, keys.list_slots(vault)[1].id)
    with pytest.raises(KeySlotError, match="no key slot"):
        keys.remove_slot(vault, "nope")
    with pytest.raises(WeakPassphrase):
        keys.add_passphrase(vault, "short", kdf=TEST_KDF)
    vaults.open_vault(vault.folder, PASSPHRASE).close()
    with vault.session() as s:
        actions = [r[0] for r in s.execute(text("SELECT action FROM audit_log"))]
    assert actions.count("keyslot.added") == 1 and actions.count("keyslot.removed") == 1


def test_regenerated_recovery_key_replaces_the_old(opened):
    vault, old = opened
    new = keys.regenerate_recovery_key(vault)
    with pytest.raises(WrongRecoveryKey):
        vaults.open_vault(vault.folder, recovery_key=old)
    with vaults.open_vault(vault.folder, recovery_key=new) as again:
        assert _contents(again) == _contents(vault)
    assert [s.kind for s in keys.list_slots(vault)].count("recovery") == 1


def test_rekey_changes_the_data_key_and_keeps_everything(opened):
    vault, old_recovery = opened
    keys.add_passphrase(vault, SECOND, kdf=TEST_KDF)
    before = _contents(vault)
    old_key = vault.data_key
    old_db = vault.db_path.read_bytes()
    steps: list[tuple[int, int]] = []
    result = keys.rekey(vault, NEW, kdf=TEST_KDF, progress=lambda d, t: steps.append((d, t)))
    assert vault.data_key != old_key
    assert steps and steps[-1][0] == steps[-1][1]
    assert result.dropped_slots == 1
    assert _contents(vault) == before  # the open vault keeps working
    assert vault.db_path.read_bytes()[:16] != old_db[:16]  # a new file (new salt)
    vault.close()
    for wrong in (PASSPHRASE, SECOND):
        with pytest.raises(WrongPassphrase):
            vaults.open_vault(vault.folder, wrong)
    with pytest.raises(WrongRecoveryKey):
        vaults.open_vault(vault.folder, recovery_key=old_recovery)
    with vaults.open_vault(vault.folder, NEW) as again:
        assert _contents(again) == before
        report = vaults.check_vault(again)
        assert report.ok, report.problems
    vaults.open_vault(vault.folder, recovery_key=result.recovery_key).close()
    assert sorted(p.name for p in vault.folder.iterdir() if "rekey" in p.name) == []


@pytest.mark.parametrize(
    "crash_point",
    [
        "partial-new-db",  # killed while copying pages
        "new-db-complete",  # copy done, key file not yet committed
        "key-tmp-written",  # the new key file's temp file written, not renamed
        "committed",  # keys.json.rekey landed; nothing switched yet
        "db-switched",  # vault.db replaced, keys.json not yet
        "wal-removed",  # the old WAL dropped, nothing else moved
    ],
)
def test_rekey_interrupted_at_each_step_opens_old_or_new(tmp_path, crash_point):
    # Build the two states (old and new files) for real, then lay them out as a crash would.
    old, _ = vaults.create_vault(tmp_path / "old", ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    cases.import_case_file(old, Path(__file__).resolve().parents[1] / "data/one_case.json")
    before = _contents(old)
    old.close()
    shutil.copytree(tmp_path / "old", tmp_path / "new")
    new = vaults.open_vault(tmp_path / "new", PASSPHRASE)
    keys.rekey(new, NEW, kdf=TEST_KDF)
    new.close()
    v = tmp_path / "old"
    newdb = (tmp_path / "new" / "vault.db").read_bytes()
    newkeys = (tmp_path / "new" / "keys.json").read_bytes()
    (v / "vault.db-wal").write_bytes(b"")  # the old database's (checkpointed) WAL
    if crash_point == "partial-new-db":
        (v / REKEY_DB_NAME).write_bytes(newdb[: len(newdb) // 2])
    elif crash_point == "new-db-complete":
        (v / REKEY_DB_NAME).write_bytes(newdb)
    elif crash_point == "key-tmp-written":
        (v / REKEY_DB_NAME).write_bytes(newdb)
        (v / f".{REKEY_KEYS_NAME}.abc123.tmp").write_bytes(newkeys)
    elif crash_point == "committed":
        (v / REKEY_DB_NAME).write_bytes(newdb)
        (v / REKEY_KEYS_NAME).write_bytes(newkeys)
    elif crash_point == "wal-removed":
        (v / "vault.db-wal").unlink()
        (v / REKEY_DB_NAME).write_bytes(newdb)
        (v / REKEY_KEYS_NAME).write_bytes(newkeys)
    else:
        (v / "vault.db").write_bytes(newdb)
        (v / REKEY_KEYS_NAME).write_bytes(newkeys)
    committed = crash_point in ("committed", "db-switched", "wal-removed")
    opens_with, refused = (NEW, PASSPHRASE) if committed else (PASSPHRASE, NEW)
    with pytest.raises(WrongPassphrase):
        vaults.open_vault(v, refused)
    with vaults.open_vault(v, opens_with) as opened:
        assert _contents(opened) == before
        assert vaults.check_vault(opened).ok
    leftovers = [p.name for p in v.iterdir() if "rekey" in p.name]
    assert leftovers == []


def test_duress_scrambles_slots_and_shows_an_empty_vault(opened):
    vault, recovery = opened
    keys.add_passphrase(vault, SECOND, kdf=TEST_KDF)
    before = _contents(vault)
    keys.set_duress(vault, DURESS, kdf=TEST_KDF)
    kinds_on_disk = [s.kind for s in KeyFile.load(vault.keys_path).slots]
    assert kinds_on_disk == ["passphrase", "recovery", "passphrase", "passphrase"]  # no tell
    assert [s.kind for s in keys.list_slots(vault)][-1] == "duress"  # known once unlocked
    vault.close()
    db_before = vault.db_path.read_bytes()
    ids_before = [s.id for s in KeyFile.load(vault.keys_path).slots]

    decoy = vaults.open_vault(vault.folder, DURESS)
    assert decoy.is_decoy
    with decoy.session() as s:
        assert cases.count_cases(s) == 0
    report = vaults.check_vault(decoy)
    assert report.ok and report.cases == 0
    decoy.close()

    assert vault.db_path.read_bytes() == db_before  # the real data is untouched
    assert [s.id for s in KeyFile.load(vault.keys_path).slots] == ids_before  # same shape
    for gone in (PASSPHRASE, SECOND):
        with pytest.raises(WrongPassphrase):
            vaults.open_vault(vault.folder, gone)
    again = vaults.open_vault(vault.folder, DURESS)  # the same story every time
    assert again.is_decoy
    again.close()
    with vaults.open_vault(vault.folder, recovery_key=recovery) as real:
        assert _contents(real) == before
        # Recovering: a fresh passphrase, then the scrambled slots and the duress slot go.
        fresh = keys.add_passphrase(real, NEW, kdf=TEST_KDF)
        for slot in keys.list_slots(real):
            if slot.kind in ("passphrase", "duress") and slot.id != fresh.id:
                keys.remove_slot(real, slot.id)
        assert [s.kind for s in keys.list_slots(real)] == ["recovery", "passphrase"]
    vaults.open_vault(vault.folder, NEW).close()


def test_duress_must_differ_from_real_passphrases(opened):
    vault, _ = opened
    with pytest.raises(KeySlotError, match="already opens"):
        keys.set_duress(vault, PASSPHRASE, kdf=TEST_KDF)
    keys.set_duress(vault, DURESS, kdf=TEST_KDF)
    with pytest.raises(KeySlotError, match="duress"):
        keys.add_passphrase(vault, DURESS, kdf=TEST_KDF)
    assert keys.clear_duress(vault)
    assert not keys.clear_duress(vault)
    with pytest.raises(WrongPassphrase):
        vaults.open_vault(vault.folder, DURESS)
    vaults.open_vault(vault.folder, PASSPHRASE).close()


def test_rekey_drops_the_duress_slot(opened):
    vault, _ = opened
    keys.set_duress(vault, DURESS, kdf=TEST_KDF)
    result = keys.rekey(vault, NEW, kdf=TEST_KDF)
    assert result.duress_dropped
    with pytest.raises(WrongPassphrase):
        vaults.open_vault(vault.folder, DURESS)


def test_cli_slots_and_duress(cli, tmp_path):
    from tests.conftest import cli_env

    v = tmp_path / "v"
    cli("init", "--vault", v, "--organisation", "Org", check=True)
    (tmp_path / "second").write_text(SECOND + "\n")
    (tmp_path / "duress").write_text(DURESS + "\n")
    cli(
        "slots",
        "add",
        "--vault",
        v,
        "--label",
        "laptop 2",
        "--new-passphrase-file",
        tmp_path / "second",
        check=True,
    )
    listed = cli("slots", "list", "--vault", v, check=True).stdout
    assert "laptop 2" in listed and listed.count("passphrase") == 2
    out = cli("recovery-key", "regenerate", "--vault", v, check=True).stdout
    assert "NEW RECOVERY KEY" in out
    cli("duress", "set", "--vault", v, "--duress-passphrase-file", tmp_path / "duress", check=True)
    shown = cli("list", "--vault", v, env=cli_env(NKCASE_PASSPHRASE=DURESS), check=True)
    assert "(no cases)" in shown.stdout
    refused = cli("list", "--vault", v)
    assert refused.returncode == 3 and "Wrong passphrase" in refused.stderr
