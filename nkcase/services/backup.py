"""Backups: the whole vault, as of one moment, in one authenticated encrypted file.

The snapshot is taken with SQLite's online backup API from a keyed connection into a new
SQLCipher file keyed with the same data key, in one step (one read transaction: consistent even
while the app writes). That file is then sealed record by record into the ``nkcase/backup-v1``
format (:mod:`nkcase.vault.backup_format` describes the layout and its checks). A restore checks
the backup whole, then the database inside it, before it switches the folder into place.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from nkcase.errors import NkcaseError, VaultExists
from nkcase.services import audit
from nkcase.services.vaults import get_meta, set_meta
from nkcase.vault import backup_format
from nkcase.vault import engine as db
from nkcase.vault.atomic import atomic_writer, fsync_dir
from nkcase.vault.backup_format import Progress
from nkcase.vault.keyslots import KeyFile
from nkcase.vault.lock import FolderLock
from nkcase.vault.vault import DB_NAME, KEYS_NAME, Vault, discard_backup_snapshots

log = logging.getLogger(__name__)

# The file format lives in nkcase.vault.backup_format; these names keep earlier callers working.
MAGIC = backup_format.MAGIC
FORMAT = backup_format.FORMAT
read_header = backup_format.read_header

LAST_BACKUP_META = "last_backup_at"
REMIND_AFTER = timedelta(days=7)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: str
    size: int  # bytes of the backup file
    snapshot_size: int
    seconds: float


@dataclass(frozen=True)
class RestoreInfo:
    folder: Path
    created: str
    cases: int
    seconds: float


# -- writing --------------------------------------------------------------------------------
def snapshot(vault: Vault, target: Path) -> int:
    """Copy the database, as of one moment, into a new SQLCipher file keyed like the vault."""
    hex_key = vault.data_key.hex()
    dest = db.sqlcipher.connect(str(target))
    try:
        db.quiet(dest)
        dest.execute(f"PRAGMA key = \"x'{hex_key}'\"")
        with vault.engine.connect() as conn:
            source = conn.connection.dbapi_connection
            assert source is not None
            # pages=-1: one step, one read transaction, so concurrent commits cannot tear it.
            source.backup(dest, pages=-1)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    with target.open("rb") as fh:
        os.fsync(fh.fileno())
    return target.stat().st_size


def write_backup(vault: Vault, out: Path, progress: Progress | None = None) -> BackupInfo:
    """Write a backup of ``vault`` to ``out`` (atomically; an existing file is replaced)."""
    started = time.perf_counter()
    out = Path(out)
    if not vault.is_decoy and vault.lock.try_exclusive():
        # No other program has the vault open, so no other backup is under way: a snapshot
        # in the folder is a killed backup's leftover.
        try:
            discard_backup_snapshots(vault.folder)
        finally:
            vault.lock.to_shared()
    staging = vault.folder / f".backup-{secrets.token_hex(6)}.db"
    # The key file as of before the snapshot: the audit anchor in it (nkcase/vault/anchor.py)
    # must never be ahead of the database it travels with, or the restore would be refused.
    keyfile = KeyFile.from_bytes(vault.keyfile.to_bytes())
    try:
        try:
            snapshot_size = snapshot(vault, staging)
        except (db.sqlcipher.Error, OSError) as exc:
            # The snapshot goes beside the vault first: a full disk there is said as such.
            db.raise_storage_problem(exc, staging)
            raise
        created = datetime.now(UTC).replace(microsecond=0).isoformat()
        with atomic_writer(out) as fh, staging.open("rb") as src:
            summary = backup_format.seal_snapshot(
                src,
                fh,
                data_key=vault.data_key,
                vault_id=vault.vault_id,
                keyfile=keyfile,
                created=created,
                total=snapshot_size,
                progress=progress,
            )
    finally:
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
    size = out.stat().st_size
    if not vault.is_decoy:
        with vault.session() as session:
            set_meta(session, LAST_BACKUP_META, created.encode())
            audit.record(
                session,
                "vault.backed_up",
                detail={"snapshot_sha256": summary["snapshot_sha256"], "size": size},
            )
    seconds = time.perf_counter() - started
    log.info("backup written: %d bytes in %.1f s", size, seconds)
    return BackupInfo(out, created, size, summary["snapshot_size"], seconds)


# -- reading --------------------------------------------------------------------------------
def verify_backup(
    path: Path, passphrase: str | None = None, recovery_key: str | None = None
) -> dict[str, Any]:
    """Check a backup whole (every record authenticated) without writing anything."""
    with _open_backup(path) as fh:
        header = backup_format.read_header(fh)
        data_key = backup_format.unlock_backup(header, passphrase, recovery_key)
        return backup_format.open_records(fh, header, data_key, None)


@contextlib.contextmanager
def _open_backup(path: Path) -> Any:
    # A device or a pipe is refused before it is opened (opening a pipe would wait for ever).
    if Path(path).exists() and not Path(path).is_dir() and not Path(path).is_file():
        raise backup_format.damaged("it is not a regular file: a device or a pipe")
    try:
        fh = Path(path).open("rb")  # noqa: SIM115 -- closed by the with below
    except FileNotFoundError:
        raise NkcaseError(f"There is no backup file {path}.") from None
    except IsADirectoryError:
        raise NkcaseError(f"{path} is a folder, not a backup file.") from None
    with fh:
        yield fh


def _has_vault(folder: Path) -> bool:
    return folder.is_dir() and any(folder.iterdir())


def restore_backup(
    path: Path,
    folder: Path,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    force: bool = False,
) -> RestoreInfo:
    """Restore a backup into ``folder``, after checking it whole; nothing changes on failure.

    An existing vault (or any non-empty folder) is replaced only with ``force``; the switch is
    a rename of a fully written, fully checked folder.
    """
    started = time.perf_counter()
    folder = Path(folder).absolute()
    if _has_vault(folder) and not force:
        raise VaultExists(
            f"{folder} already holds a vault (or other files); nothing was restored. "
            "Choose another folder, or pass --force to replace it."
        )
    if folder.exists() and not folder.is_dir():
        raise NkcaseError(f"{folder} is a file, not a folder; nothing was restored.")
    # A vault open elsewhere would go on writing into the replaced folder: refused (VaultBusy).
    lock = FolderLock(folder, exclusive=True) if folder.is_dir() else None
    try:
        return _restore(path, folder, passphrase, recovery_key, force, started)
    finally:
        if lock is not None:
            lock.release()


def _restore(
    path: Path,
    folder: Path,
    passphrase: str | None,
    recovery_key: str | None,
    force: bool,
    started: float,
) -> RestoreInfo:
    folder.parent.mkdir(parents=True, exist_ok=True)
    _discard_restore_staging(folder)
    staging = folder.parent / f".{folder.name}.restore-{secrets.token_hex(6)}"
    staging.mkdir(mode=0o700)
    try:
        with _open_backup(path) as fh:
            header = backup_format.read_header(fh)
            data_key = backup_format.unlock_backup(header, passphrase, recovery_key)
            db_path = staging / DB_NAME
            with atomic_writer(db_path) as sink:
                summary = backup_format.open_records(fh, header, data_key, sink)
        header.keyfile.save(staging / KEYS_NAME)
        cases = _check_restored(db_path, data_key, str(summary.get("created", "")))
        fsync_dir(staging)
        _switch_into_place(staging, folder, force)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    seconds = time.perf_counter() - started
    log.info("backup restored in %.1f s", seconds)
    return RestoreInfo(folder, str(summary.get("created", "")), cases, seconds)


def _discard_restore_staging(folder: Path) -> None:
    """Delete the staging folders of restores into ``folder`` that a crash interrupted (each a
    whole decryptable copy of a vault). Never a ``.replaced-*`` folder: that may be the only
    copy of the vault a killed restore was replacing."""
    found = 0
    for leftover in folder.parent.glob(f".{folder.name}.restore-*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
            found += 1
    if found:
        log.warning("deleted %d folder(s) left by an interrupted restore", found)


def _check_restored(db_path: Path, data_key: bytes, created: str) -> int:
    """Check the restored database whole, then note the restore at the end of its audit log."""
    engine = db.make_engine(db_path, data_key)
    try:
        problems = db.integrity_problems(engine)
        if problems:
            raise backup_format.damaged("the database inside it fails its integrity check")
        with Session(engine) as session:
            count = int(session.execute(text("SELECT count(*) FROM cases")).scalar() or 0)
            audit.record(
                session, "vault.restored", detail={"backup_created": created, "cases": count}
            )
            session.commit()
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return count
    except NkcaseError:
        raise
    except Exception as exc:
        if db.is_damage(exc):
            raise backup_format.damaged("the database inside it cannot be read") from None
        raise
    finally:
        engine.dispose()
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{db_path}{suffix}")


def _switch_into_place(staging: Path, folder: Path, force: bool) -> None:
    if folder.exists():
        if not force and _has_vault(folder):
            raise VaultExists(f"{folder} already holds a vault; nothing was restored.")
        old = folder.parent / f".{folder.name}.replaced-{secrets.token_hex(6)}"
        os.replace(folder, old)
        try:
            os.replace(staging, folder)
        except BaseException:
            os.replace(old, folder)
            raise
        fsync_dir(folder.parent)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, folder)
    fsync_dir(folder.parent)


# -- reminders ------------------------------------------------------------------------------
def last_backup(vault: Vault) -> datetime | None:
    with vault.session() as session:
        raw = get_meta(session, LAST_BACKUP_META)
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.decode())
    except ValueError:
        return None


def backup_due(vault: Vault, now: datetime | None = None) -> bool:
    """True when the vault holds cases and was never backed up, or not in the last week."""
    now = now or datetime.now(UTC)
    last = last_backup(vault)
    if last is None:
        from nkcase.services.cases import count_cases

        with vault.session() as session:
            return count_cases(session) > 0
    return now - last > REMIND_AFTER
