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
from nkcase.vault import engine as db
from nkcase.vault.keyslots import KdfParams, KeyFile, Slot

log = logging.getLogger(__name__)

DB_NAME = "vault.db"
KEYS_NAME = "keys.json"


class Vault:
    """An unlocked vault. Holds the data key in memory until :meth:`close`."""

    def __init__(self, folder: Path, keyfile: KeyFile, data_key: bytes, slot: Slot) -> None:
        self.folder = folder
        self.keyfile = keyfile
        self.slot = slot
        self._data_key: bytes | None = data_key
        self.engine: Engine = db.make_engine(self.db_path, data_key)
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
        except DBAPIError as exc:
            session.rollback()
            if db.is_damage(exc):
                raise db.damaged(self.db_path) from None
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
        self._data_key = None

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
        return vault

    @classmethod
    def unlock(
        cls, folder: Path, passphrase: str | None = None, recovery_key: str | None = None
    ) -> Vault:
        folder = Path(folder)
        keys_path = cls.keys_path_of(folder)
        if not keys_path.exists() and not cls.db_path_of(folder).exists():
            raise VaultNotFound(
                f"There is no vault in {folder}. Create one with `nkcase init` "
                "(or pass --vault DIR to use another folder)."
            )
        keyfile = KeyFile.load(keys_path)
        if not cls.db_path_of(folder).exists():
            raise db.damaged(cls.db_path_of(folder))
        if recovery_key is not None:
            data_key, slot = keyfile.unlock_with_recovery(recovery_key)
        else:
            data_key, slot = keyfile.unlock_with_passphrase(passphrase or "")
        vault = cls(folder, keyfile, data_key, slot)
        try:
            db.ensure_schema(vault.engine, vault.db_path)
        except BaseException:
            vault.close()
            raise
        return vault

    def save_keyfile(self) -> None:
        self.keyfile.save(self.keys_path)
