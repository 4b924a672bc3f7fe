"""The folder lock: operations that replace a vault's files refuse while it is open elsewhere.

The other program is a real second process holding the vault open (or, for the rekey-in-progress
case, holding the lock the way a rekey does), so the lock is tested across processes as it is
used, not only between two objects in one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nkcase.errors import VaultBusy
from nkcase.services import backup, cases, keys, vaults
from nkcase.vault.keyslots import TEST_KDF
from nkcase.vault.lock import FolderLock
from nkcase.vault.vault import REKEY_DB_NAME, Vault
from tests.conftest import PASSPHRASE, cli_env, run_cli

NEW = "saffron-glacier-mosaic-tunnel-27"
ONE_CASE = Path(__file__).resolve().parents[1] / "data" / "one_case.json"

# A second program: opens the vault (or takes the lock exclusively, as a rekey does), says
# "ready", then on each input line imports one case, and exits on "quit".
HOLDER = r"""
import sys
from pathlib import Path
from nkcase.services import cases, vaults
from nkcase.vault.lock import FolderLock
folder, mode, passphrase, case_file = sys.argv[1:5]
if mode == "exclusive":
    held = FolderLock(Path(folder), exclusive=True)
else:
    held = vaults.open_vault(Path(folder), passphrase)
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "quit":
        break
    cases.import_case_file(held, Path(case_file), as_new=True)  # the same file, again and again
    print("imported", flush=True)
held.close() if mode == "open" else held.release()
"""


class Holder:
    def __init__(self, folder: Path, mode: str = "open") -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(folder), mode, PASSPHRASE, str(ONE_CASE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        self._expect("ready")

    def _expect(self, word: str) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if line != word:
            self.proc.kill()
            _, err = self.proc.communicate(timeout=60)
            raise AssertionError(f"holder said {line!r}, expected {word!r}: {err}")

    def import_one(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        self._expect("imported")

    def quit(self) -> None:
        _, err = self.proc.communicate("quit\n", timeout=60)
        assert self.proc.returncode == 0, err

    def kill9(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.communicate(timeout=60)


@pytest.fixture
def closed_vault(vault: Vault) -> Iterator[Path]:
    cases.import_case_file(vault, ONE_CASE)
    vault.close()
    yield vault.folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _count(folder: Path, passphrase: str = PASSPHRASE) -> int:
    with vaults.open_vault(folder, passphrase) as v, v.session() as s:
        return cases.count_cases(s)


def test_rekey_refused_while_another_program_has_it_open_and_its_work_is_kept(
    closed_vault: Path,
) -> None:
    holder = Holder(closed_vault)
    try:
        mine = vaults.open_vault(closed_vault, PASSPHRASE)  # opening beside it is fine
        before = _files(closed_vault)
        with pytest.raises(VaultBusy, match="open in another program"):
            keys.rekey(mine, NEW, kdf=TEST_KDF)
        assert _files(closed_vault) == before  # nothing changed, no .rekey file left
        # The other program goes on writing; without the lock its rows would have gone into a
        # database the rekey had already copied and replaced.
        holder.import_one()
    finally:
        holder.quit()
    result = keys.rekey(mine, NEW, kdf=TEST_KDF)  # alone now
    mine.close()
    assert result.recovery_key
    assert _count(closed_vault, NEW) == 2


def test_every_key_file_change_is_refused_while_open_elsewhere(closed_vault: Path) -> None:
    other = vaults.open_vault(closed_vault, PASSPHRASE)  # another window of this program
    mine = vaults.open_vault(closed_vault, PASSPHRASE)
    before = _files(closed_vault)
    slot_id = mine.slot.id
    attempts = [
        lambda: vaults.change_passphrase(mine, PASSPHRASE, NEW, kdf=TEST_KDF),
        lambda: keys.add_passphrase(mine, NEW, kdf=TEST_KDF),
        lambda: keys.remove_slot(mine, slot_id),
        lambda: keys.regenerate_recovery_key(mine),
        lambda: keys.set_duress(mine, NEW, kdf=TEST_KDF),
    ]
    for attempt in attempts:
        with pytest.raises(VaultBusy):
            attempt()
        assert _files(closed_vault) == before
    assert [s.id for s in mine.keyfile.slots] == [s.id for s in other.keyfile.slots]
    other.close()
    vaults.change_passphrase(mine, PASSPHRASE, NEW, kdf=TEST_KDF)  # alone now
    mine.close()
    assert _count(closed_vault, NEW) == 1


def test_a_killed_holder_leaves_no_stale_lock(closed_vault: Path) -> None:
    holder = Holder(closed_vault)
    holder.kill9()
    with vaults.open_vault(closed_vault, PASSPHRASE) as v:
        keys.rekey(v, NEW, kdf=TEST_KDF)
    assert _count(closed_vault, NEW) == 1


def test_unlocking_during_a_rekey_elsewhere_is_refused_and_leaves_its_files(
    closed_vault: Path,
) -> None:
    # Before the lock, this unlock "finished the interrupted rekey" by deleting the half-written
    # new database of a rekey that was still running, and the rekey then committed a key file
    # for a database that was gone.
    half_written = closed_vault / REKEY_DB_NAME
    half_written.write_bytes(os.urandom(4096))
    holder = Holder(closed_vault, mode="exclusive")
    try:
        with pytest.raises(VaultBusy):
            vaults.open_vault(closed_vault, PASSPHRASE)
        assert half_written.exists()
    finally:
        holder.quit()
    # With no rekey running, the next unlock discards the leftover as before.
    assert _count(closed_vault) == 1
    assert not half_written.exists()


def test_restore_over_an_open_vault_is_refused(closed_vault: Path, tmp_path: Path) -> None:
    snapshot = tmp_path / "b.nkbak"
    with vaults.open_vault(closed_vault, PASSPHRASE) as v:
        backup.write_backup(v, snapshot)
    holder = Holder(closed_vault)
    try:
        holder.import_one()
        before = _files(closed_vault)
        with pytest.raises(VaultBusy):
            backup.restore_backup(snapshot, closed_vault, passphrase=PASSPHRASE, force=True)
        assert _files(closed_vault) == before
    finally:
        holder.quit()
    assert not [p for p in tmp_path.iterdir() if ".restore-" in p.name]
    backup.restore_backup(snapshot, closed_vault, passphrase=PASSPHRASE, force=True)
    assert _count(closed_vault) == 1


def test_cli_rekey_while_open_elsewhere_says_so(closed_vault: Path, tmp_path: Path) -> None:
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW)
    holder = Holder(closed_vault)
    try:
        proc = run_cli(
            "rekey", "--vault", closed_vault, "--new-passphrase-file", new_file, env=cli_env()
        )
    finally:
        holder.quit()
    assert proc.returncode == VaultBusy.exit_code != 0
    assert "open in another program" in proc.stderr and "Traceback" not in proc.stderr
    assert _count(closed_vault) == 1


def test_shared_holders_do_not_block_each_other(closed_vault: Path) -> None:
    locks = [FolderLock(closed_vault) for _ in range(3)]
    assert not locks[0].try_exclusive()
    for lock in locks[1:]:
        lock.release()
    assert locks[0].try_exclusive()
    with pytest.raises(VaultBusy):
        FolderLock(closed_vault)
    locks[0].release()
    FolderLock(closed_vault, exclusive=True).release()
