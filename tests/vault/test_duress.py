"""A duress unlock is not told apart from an ordinary one (issue 9, item 6)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from nkcase.services import cases, keys, vaults
from nkcase.services.audit import verify_chain
from nkcase.vault.keyslots import TEST_KDF, KdfParams, KeyFile
from nkcase.vault.models import AuditEntry
from nkcase.vault.vault import Vault
from tests.conftest import ORGANISATION, PASSPHRASE, run_cli, seed_files
from tests.reliability.test_disk_full import MESSAGE, fill, small_disk  # noqa: F401 (fixture)

DURESS = "lantern-quarry-mosaic-velvet-93"
SECOND = "cobalt-meadow-sparrow-lantern-42"
OTHER_KDF = KdfParams(memory_kib=2048, iterations=2, lanes=1)


def _with_duress(folder: Path) -> None:
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    try:
        cases.import_case_file(vault, seed_files()[0])
        keys.add_passphrase(vault, SECOND, kdf=TEST_KDF)
        keys.set_duress(vault, DURESS, kdf=OTHER_KDF)  # settings unlike the others (older vaults)
    finally:
        vault.close()
    # Slots made on earlier days, as in a vault in use.
    keyfile = KeyFile.load(folder / "keys.json")
    days = ("2025-03-02", "2025-03-02", "2025-06-10", "2025-09-21")
    for slot, day in zip(keyfile.slots, days, strict=True):
        slot.created = day
    keyfile.save(folder / "keys.json")


def _ram_and_temp() -> set[str]:
    out = set()
    for base in (Path("/dev/shm"), Path(tempfile.gettempdir())):
        if base.is_dir():
            out |= {str(p) for p in base.iterdir()}
    return out


def test_duress_leaves_no_time_stamp_no_file_and_a_plausible_vault(tmp_path):
    folder = tmp_path / "vault"
    _with_duress(folder)
    keys_path = folder / "keys.json"
    old = os.utime(keys_path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert old is None
    os.utime(folder, ns=(1_700_000_100_000_000_000, 1_700_000_100_000_000_000))
    db_mtime = os.stat(folder / "vault.db").st_mtime_ns
    before_files = _ram_and_temp()

    decoy = vaults.open_vault(folder, DURESS)
    try:
        assert decoy.is_decoy
        assert _ram_and_temp() == before_files  # nothing on a RAM disk or in temp
        # The slot list: the slot marked "opened this session" looks like the others.
        views = keys.list_slots(decoy)
        current = [v for v in views if v.current]
        assert len(current) == 1 and current[0].kind == "passphrase"
        shapes = {(v.memory_mib, v.iterations) for v in views if v.kind == "passphrase"}
        assert len(shapes) == 1
        # The audit log: the vault's creation on the first slot's day, a slot added later.
        with decoy.session() as s:
            entries = s.query(AuditEntry).order_by(AuditEntry.id).all()
            assert verify_chain(s).problems == []
            assert cases.count_cases(s) == 0
        assert entries[0].action == "vault.created"
        assert entries[0].at.date().isoformat() == "2025-03-02"
        assert [e.action for e in entries[1:]] == ["keyslot.added", "keyslot.added"]
        assert [e.at.date().isoformat() for e in entries[1:]] == ["2025-06-10", "2025-09-21"]
    finally:
        decoy.close()

    assert os.stat(keys_path).st_mtime_ns == 1_700_000_000_000_000_000
    assert os.stat(folder).st_mtime_ns == 1_700_000_100_000_000_000
    assert os.stat(folder / "vault.db").st_mtime_ns == db_mtime
    assert sorted(p.name for p in folder.iterdir()) == ["keys.json", "vault.db"]
    with pytest.raises(vaults.WrongPassphrase):
        Vault.unlock(folder, PASSPHRASE)  # the real slots really are gone


def test_a_stale_decoy_of_an_older_version_is_removed_at_the_next_unlock(tmp_path):
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    stale = Path(tempfile.mkdtemp(dir=base))
    (stale / "vault.db").write_bytes(os.urandom(4096))
    (stale / "vault.db-wal").write_bytes(b"")
    unrelated = Path(tempfile.mkdtemp(dir=base))
    (unrelated / "vault.db").write_bytes(b"x")
    (unrelated / "notes.txt").write_bytes(b"someone else's")
    try:
        vault, _ = vaults.create_vault(tmp_path / "v", ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
        vault.close()
        Vault.unlock(tmp_path / "v", PASSPHRASE).close()
        assert not stale.exists()
        assert (unrelated / "notes.txt").exists()  # not a decoy's folder: left alone
    finally:
        for folder in (stale, unrelated):
            for p in folder.glob("*") if folder.exists() else ():
                p.unlink()
            if folder.exists():
                folder.rmdir()


def test_a_full_disk_answers_the_same_for_the_real_and_the_duress_passphrase(
    small_disk,  # noqa: F811
    tmp_path,
):
    folder = small_disk / "vault"
    _with_duress(folder)
    filler = fill(small_disk)
    real = run_cli("list", "--vault", folder)
    (tmp_path / "duress").write_text(DURESS + "\n")
    duress = run_cli("list", "--vault", folder, "--passphrase-file", tmp_path / "duress")
    assert real.returncode == duress.returncode == 8
    assert real.stderr == duress.stderr
    assert real.stderr.startswith(f"error: {MESSAGE} {small_disk}")
    filler.unlink()
    # The duress unlock still destroyed the real slots (written in place on the full disk).
    assert run_cli("list", "--vault", folder).returncode == 3
