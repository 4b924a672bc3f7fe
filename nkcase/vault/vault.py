"""A vault is a folder: ``vault.db`` (SQLCipher 4) and ``keys.json`` (the wrapped data key)."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from nkcase.errors import VaultExists, VaultNotFound
from nkcase.vault import anchor
from nkcase.vault import engine as db
from nkcase.vault.atomic import discard_stale_temps, fsync_dir
from nkcase.vault.keyslots import KdfParams, KeyFile, Slot, is_duress_marker
from nkcase.vault.lock import FolderLock

log = logging.getLogger(__name__)

DB_NAME = "vault.db"
KEYS_NAME = "keys.json"
# A rekey writes the new database and key file under these names, then switches (see
# finish_interrupted_rekey and nkcase/services/keys.py).
REKEY_DB_NAME = "vault.db.rekey"
REKEY_KEYS_NAME = "keys.json.rekey"
# A backup first snapshots the database under this name in the vault folder (see
# nkcase/services/backup.py); a kill leaves it behind, a whole encrypted copy of the vault.
BACKUP_SNAPSHOT_GLOB = ".backup-*.db*"


class Vault:
    """An unlocked vault. Holds the data key in memory until :meth:`close`."""

    # True only for the empty stand-in shown after a duress passphrase (see DecoyVault).
    is_decoy = False

    def __init__(
        self,
        folder: Path,
        keyfile: KeyFile,
        data_key: bytes,
        slot: Slot,
        lock: FolderLock | None = None,
        read_only: bool = False,
    ) -> None:
        self.folder = folder
        self.keyfile = keyfile
        self.slot = slot
        # On read-only media (a write-protected stick, a CD): opened for reading only, and every
        # change is refused as ReadOnlyMedia (nkcase.vault.engine.storage_problem).
        self.read_only = read_only
        # Held (shared) while open: see nkcase/vault/lock.py.
        self.lock = lock if lock is not None else FolderLock(folder)
        self._data_key: bytes | None = data_key
        self.engine: Engine = db.make_engine(self.db_path, data_key, read_only=read_only)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- paths ---------------------------------------------------------------------------
    @staticmethod
    def db_path_of(folder: Path) -> Path:
        return folder / DB_NAME

    @staticmethod
    def keys_path_of(folder: Path) -> Path:
        return folder / KEYS_NAME

    @property
    def db_path(self) -> Path:
        return self.db_path_of(self.folder)

    @property
    def keys_path(self) -> Path:
        return self.keys_path_of(self.folder)

    @property
    def vault_id(self) -> str:
        return self.keyfile.vault_id

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise RuntimeError("vault is closed")
        return self._data_key

    def subkey(self, purpose: str) -> bytes:
        """A key for one purpose (attachments, backups...), derived from the data key."""
        return HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=self.vault_id.encode(),
            info=f"nkcase/{purpose}".encode(),
        ).derive(self.data_key)

    # -- sessions ------------------------------------------------------------------------
    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed if the block succeeds, rolled back otherwise.

        Damaged pages surface as :class:`DatabaseDamaged`, never as a raw driver error.
        """
        session = self._sessions()
        try:
            yield session
            session.commit()
            if session.info.pop(anchor.APPENDED, False):
                anchor.write(self)  # the audit log's new end, into keys.json
        except DBAPIError as exc:
            session.rollback()
            # A full disk, read-only media or damaged pages: said as such, never a driver error.
            db.raise_storage_problem(exc, self.db_path)
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
        self._data_key = None
        self.lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- creating and opening --------------------------------------------------------------
    @classmethod
    def create(
        cls, folder: Path, passphrase: str, recovery_key: str, params: KdfParams, data_key: bytes
    ) -> Vault:
        folder = Path(folder)
        if cls.keys_path_of(folder).exists() or cls.db_path_of(folder).exists():
            raise VaultExists(f"A vault already exists in {folder}; nothing was changed.")
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(folder, 0o700)
        keyfile = KeyFile(vault_id=secrets.token_hex(16))
        slot = keyfile.add_passphrase_slot(data_key, passphrase, params)
        keyfile.add_recovery_slot(data_key, recovery_key)
        # The key file lands first: a database never exists without the key that opens it.
        keyfile.save(cls.keys_path_of(folder))
        vault = cls(folder, keyfile, data_key, slot)
        db.upgrade(vault.engine)
        anchor.check_at_open(vault)
        return vault

    @classmethod
    def require_exists(cls, folder: Path) -> None:
        if not cls.keys_path_of(folder).exists() and not cls.db_path_of(folder).exists():
            raise VaultNotFound(
                f"There is no vault in {folder}. Create one with `nkcase init` "
                "(or pass --vault DIR to use another folder)."
            )

    @classmethod
    def unlock(
        cls,
        folder: Path,
        passphrase: str | None = None,
        recovery_key: str | None = None,
        accept_rollback: bool = False,
    ) -> Vault:
        folder = Path(folder)
        keys_path = cls.keys_path_of(folder)
        cls.require_exists(folder)
        # Refused (VaultBusy) while another program rekeys or restores this vault.
        lock = FolderLock(folder)
        read_only = db.on_read_only_media(folder)
        try:
            # No one else has it open: safe to finish a crashed rekey (never on read-only media).
            if not read_only and lock.try_exclusive():
                finish_interrupted_rekey(folder)
                discard_backup_snapshots(folder)
                # A killed key-file write's temp file: a copy of keys.json (after a duress unlock,
                # maybe the only copy of the real slots on this disk).
                discard_stale_temps(folder / KEYS_NAME)
                anchor.discard_unfinished_writes(folder)
                from nkcase.vault.decoy import discard_stale_decoys

                discard_stale_decoys()  # left on a RAM disk by older versions' duress sessions
                lock.to_shared()
            keyfile = KeyFile.load(keys_path)
            if not cls.db_path_of(folder).exists():
                raise db.damaged(cls.db_path_of(folder))
            if recovery_key is not None:
                data_key, slot = keyfile.unlock_with_recovery(recovery_key)
            else:
                data_key, slot = keyfile.unlock_with_passphrase(passphrase or "")
                if is_duress_marker(keyfile.vault_id, data_key):
                    return _enter_duress(folder, keyfile, slot, lock)
            vault = cls(folder, keyfile, data_key, slot, lock, read_only=read_only)
        except BaseException:
            lock.release()
            raise
        try:
            db.ensure_schema(vault.engine, vault.db_path)
            # An older vault.db beside this keys.json is refused here (VaultRolledBack).
            anchor.check_at_open(vault, accept_rollback)
        except BaseException:
            vault.close()
            raise
        return vault

    def save_keyfile(self) -> None:
        self.keyfile.save(self.keys_path)

    def reload_keyfile(self) -> None:
        self.keyfile = KeyFile.load(self.keys_path)

    @contextlib.contextmanager
    def changing_keys(self) -> Iterator[KeyFile]:
        """For a key-file change: the vault alone (no other program has it open), the key file
        read fresh from disk, and saved atomically when the block succeeds. On failure the copy
        in memory goes back to what is on disk."""
        with self.lock.exclusive():
            self.reload_keyfile()
            try:
                yield self.keyfile
                self.save_keyfile()
            except BaseException:
                self.reload_keyfile()
                raise

    def switch_key(self, keyfile: KeyFile, data_key: bytes, slot: Slot) -> None:
        """Use a new data key after a rekey replaced the files (connections are reopened)."""
        self.engine.dispose()
        self.keyfile = keyfile
        self.slot = slot
        self._data_key = data_key
        self.engine = db.make_engine(self.db_path, data_key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)


def _replace_durably(src: Path, dst: Path) -> None:
    os.replace(src, dst)
    fsync_dir(dst.parent)


def finish_interrupted_rekey(folder: Path) -> None:
    """Complete or undo a rekey that a crash interrupted; a no-op when none was under way.

    The new key file appearing (atomically) under ``keys.json.rekey`` is the commit point: if it
    is there, the new database beside it is complete and both are moved into place (the old
    database was fully checkpointed before, so its WAL files are dropped). If it is not there,
    a half-written new database is deleted and the old vault stays as it was.
    """
    new_keys = folder / REKEY_KEYS_NAME
    new_db = folder / REKEY_DB_NAME
    db_path = folder / DB_NAME
    if new_keys.exists():
        if new_db.exists():
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{db_path}{suffix}")
            _replace_durably(new_db, db_path)
        _replace_durably(new_keys, folder / KEYS_NAME)
        log.info("rekey switched to the new database and key file")
    else:
        leftovers = [new_db, *(Path(f"{new_db}{s}") for s in ("-journal", "-wal", "-shm"))]
        leftovers += folder.glob(f".{REKEY_KEYS_NAME}.*.tmp")  # a key file never committed
        found = False
        for leftover in leftovers:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
                found = True
        if found:
            log.warning("discarded an interrupted rekey; the vault keeps its previous key")


def discard_backup_snapshots(folder: Path) -> None:
    """Delete the snapshots of backups a crash interrupted. Only while the folder lock is held
    exclusively: a snapshot is otherwise maybe another program's backup under way."""
    found = 0
    for leftover in folder.glob(BACKUP_SNAPSHOT_GLOB):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
            found += 1
    if found:
        log.warning("deleted %d snapshot(s) left by an interrupted backup", found)


def _enter_duress(folder: Path, keyfile: KeyFile, duress_slot: Slot, lock: FolderLock) -> Vault:
    """The duress passphrase was given: see :mod:`nkcase.vault.decoy`."""
    from nkcase.vault.decoy import enter_duress  # its DecoyVault subclasses Vault

    return enter_duress(folder, keyfile, duress_slot, lock)
