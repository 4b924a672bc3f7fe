"""Backups: the whole vault, as of one moment, in one authenticated encrypted file.

Layout of ``nkcase/backup-v1`` (all integers big-endian)::

    "NKCASE-BACKUP\\0"                       14 bytes of magic
    u32 header length, header (JSON)        format, vault_id, salt, chunk_size, keyfile
    records: u8 type, u32 length, sealed    type 0 = snapshot data, 1 = final (JSON summary)

The snapshot is taken with SQLite's online backup API from a keyed connection into a new
SQLCipher file keyed with the same data key, in one step (one read transaction: consistent even
while the app writes). That file -- already encrypted page by page -- is sealed again record by
record with AES-256-GCM under a per-backup key, HKDF(data key, random salt). Every record's
associated data binds the SHA-256 of the header (so the key file and format inside it cannot be
swapped), the record number and its type; the final record carries the snapshot's size and hash
and must be followed by end of file, so truncation, reordering and splicing are all detected.

The key file (already protected by Argon2id per slot) travels in the header: a backup opens with
whatever passphrase or recovery key opened the vault when the backup was made.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import os
import secrets
import shutil
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import text

from nkcase import __version__
from nkcase.errors import (
    BackupDamaged,
    KeyFileDamaged,
    NkcaseError,
    UnsupportedFormat,
    VaultExists,
    WrongPassphrase,
)
from nkcase.services import audit
from nkcase.services.vaults import get_meta, set_meta
from nkcase.vault import engine as db
from nkcase.vault.atomic import atomic_writer, fsync_dir
from nkcase.vault.keyslots import KeyFile, is_duress_marker
from nkcase.vault.vault import DB_NAME, KEYS_NAME, Vault

log = logging.getLogger(__name__)

MAGIC = b"NKCASE-BACKUP\x00"
FORMAT = "nkcase/backup-v1"
CHUNK_SIZE = 1 << 20
MAX_HEADER = 1 << 20
TAG_BYTES = 16
DATA, FINAL = 0, 1
LAST_BACKUP_META = "last_backup_at"
REMIND_AFTER = timedelta(days=7)

Progress = Callable[[int, int], None]


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


def _backup_key(data_key: bytes, salt: bytes, vault_id: str) -> AESGCM:
    key = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        info=f"nkcase/backup-v1|{vault_id}".encode(),
    ).derive(data_key)
    return AESGCM(key)


def _nonce(seq: int) -> bytes:
    # The key is fresh for every backup (random salt), so a counter is a safe nonce.
    return seq.to_bytes(12, "big")


def _aad(header_hash: bytes, seq: int, kind: int) -> bytes:
    return header_hash + seq.to_bytes(8, "big") + bytes([kind])


# -- writing --------------------------------------------------------------------------------
def snapshot(vault: Vault, target: Path) -> int:
    """Copy the database, as of one moment, into a new SQLCipher file keyed like the vault."""
    hex_key = vault.data_key.hex()
    dest = db.sqlcipher.connect(str(target))
    try:
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
    staging = vault.folder / f".backup-{secrets.token_hex(6)}.db"
    try:
        snapshot_size = snapshot(vault, staging)
        salt = secrets.token_bytes(32)
        header = json.dumps(
            {
                "format": FORMAT,
                "vault_id": vault.vault_id,
                "salt": base64.b64encode(salt).decode(),
                "chunk_size": CHUNK_SIZE,
                "keyfile": base64.b64encode(vault.keyfile.to_bytes()).decode(),
            },
            sort_keys=True,
        ).encode()
        header_hash = hashlib.sha256(header).digest()
        aead = _backup_key(vault.data_key, salt, vault.vault_id)
        digest = hashlib.sha256()
        created = datetime.now(UTC).replace(microsecond=0).isoformat()
        seq = 0
        done = 0
        with atomic_writer(out) as fh, staging.open("rb") as src:
            fh.write(MAGIC + struct.pack(">I", len(header)) + header)
            while block := src.read(CHUNK_SIZE):
                digest.update(block)
                _write_record(fh, aead, header_hash, seq, DATA, block)
                seq += 1
                done += len(block)
                if progress is not None:
                    progress(done, snapshot_size)
            summary = {
                "created": created,
                "snapshot_size": done,
                "snapshot_sha256": digest.hexdigest(),
                "records": seq,
                "nkcase": __version__,
            }
            _write_record(fh, aead, header_hash, seq, FINAL, json.dumps(summary).encode())
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
                detail={"snapshot_sha256": digest.hexdigest(), "size": size},
            )
    seconds = time.perf_counter() - started
    log.info("backup written: %d bytes in %.1f s", size, seconds)
    return BackupInfo(out, created, size, done, seconds)


def _write_record(
    fh: BinaryIO, aead: AESGCM, header_hash: bytes, seq: int, kind: int, plain: bytes
) -> None:
    sealed = aead.encrypt(_nonce(seq), plain, _aad(header_hash, seq, kind))
    fh.write(struct.pack(">BI", kind, len(sealed)))
    fh.write(sealed)


# -- reading --------------------------------------------------------------------------------
def _damaged(why: str) -> BackupDamaged:
    return BackupDamaged(
        f"This backup is damaged or is not an nkcase backup ({why}). Nothing was restored; "
        "use another copy of the backup."
    )


def _read_exact(fh: BinaryIO, n: int, what: str) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise _damaged(f"it ends early, in the {what}")
    return data


@dataclass(frozen=True)
class _Header:
    raw: bytes
    vault_id: str
    salt: bytes
    chunk_size: int
    keyfile: KeyFile


def read_header(fh: BinaryIO) -> _Header:
    """The clear part of a backup, checked for shape (its integrity is checked by the records)."""
    if fh.read(len(MAGIC)) != MAGIC:
        raise _damaged("it does not start like one")
    (length,) = struct.unpack(">I", _read_exact(fh, 4, "header"))
    if not 2 <= length <= MAX_HEADER:
        raise _damaged("its header has an impossible length")
    raw = _read_exact(fh, length, "header")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _damaged("its header cannot be read") from None
    if not isinstance(doc, dict):
        raise _damaged("its header cannot be read")
    fmt = doc.get("format")
    if isinstance(fmt, str) and fmt.startswith("nkcase/backup-") and fmt != FORMAT:
        raise UnsupportedFormat(
            f"This backup has format {fmt!r}, which this version of nkcase does not know. "
            "Upgrade nkcase to restore it."
        )
    try:
        if fmt != FORMAT:
            raise ValueError
        vault_id = doc["vault_id"]
        salt = base64.b64decode(doc["salt"], validate=True)
        chunk_size = doc["chunk_size"]
        keyfile_raw = base64.b64decode(doc["keyfile"], validate=True)
        if not isinstance(vault_id, str) or len(salt) != 32:
            raise ValueError
        if not isinstance(chunk_size, int) or not 1 <= chunk_size <= 64 << 20:
            raise ValueError
    except (KeyError, TypeError, ValueError):
        raise _damaged("its header is incomplete") from None
    try:
        keyfile = KeyFile.from_bytes(keyfile_raw)
    except (KeyFileDamaged, UnsupportedFormat):
        raise _damaged("the key slots inside it are damaged") from None
    if keyfile.vault_id != vault_id:
        raise _damaged("its key slots belong to another vault")
    return _Header(raw, vault_id, salt, chunk_size, keyfile)


def _unlock(header: _Header, passphrase: str | None, recovery_key: str | None) -> bytes:
    if recovery_key is not None:
        data_key, _slot = header.keyfile.unlock_with_recovery(recovery_key)
    else:
        data_key, _slot = header.keyfile.unlock_with_passphrase(passphrase or "")
        if is_duress_marker(header.vault_id, data_key):
            raise WrongPassphrase("Wrong passphrase: it does not open this backup.")
    return data_key


def _decrypt_records(
    fh: BinaryIO, header: _Header, data_key: bytes, sink: BinaryIO | None
) -> dict[str, Any]:
    """Check every record, writing snapshot bytes to ``sink``; returns the final summary."""
    aead = _backup_key(data_key, header.salt, header.vault_id)
    header_hash = hashlib.sha256(header.raw).digest()
    digest = hashlib.sha256()
    size = 0
    seq = 0
    while True:
        prefix = fh.read(5)
        if len(prefix) != 5:
            raise _damaged("it ends early: the file was cut short")
        kind, length = struct.unpack(">BI", prefix)
        if kind not in (DATA, FINAL) or not TAG_BYTES <= length <= header.chunk_size + TAG_BYTES:
            raise _damaged(f"record {seq} has an impossible type or length")
        sealed = _read_exact(fh, length, f"record {seq}")
        try:
            plain = aead.decrypt(_nonce(seq), sealed, _aad(header_hash, seq, kind))
        except InvalidTag:
            raise _damaged(f"record {seq} fails its authentication check") from None
        if kind == FINAL:
            break
        digest.update(plain)
        size += len(plain)
        if sink is not None:
            sink.write(plain)
        seq += 1
    if fh.read(1):
        raise _damaged("there are extra bytes after its end")
    try:
        summary = json.loads(plain.decode("utf-8"))
        ok = (
            summary["records"] == seq
            and summary["snapshot_size"] == size
            and summary["snapshot_sha256"] == digest.hexdigest()
        )
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
        ok = False
    if not ok:
        raise _damaged("its contents do not match its summary")
    return dict(summary)


def verify_backup(
    path: Path, passphrase: str | None = None, recovery_key: str | None = None
) -> dict[str, Any]:
    """Check a backup whole (every record authenticated) without writing anything."""
    with _open_backup(path) as fh:
        header = read_header(fh)
        data_key = _unlock(header, passphrase, recovery_key)
        return _decrypt_records(fh, header, data_key, None)


@contextlib.contextmanager
def _open_backup(path: Path) -> Any:
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
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.parent / f".{folder.name}.restore-{secrets.token_hex(6)}"
    staging.mkdir(mode=0o700)
    try:
        with _open_backup(path) as fh:
            header = read_header(fh)
            data_key = _unlock(header, passphrase, recovery_key)
            db_path = staging / DB_NAME
            with atomic_writer(db_path) as sink:
                summary = _decrypt_records(fh, header, data_key, sink)
        header.keyfile.save(staging / KEYS_NAME)
        cases = _check_restored(db_path, data_key)
        fsync_dir(staging)
        _switch_into_place(staging, folder, force)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    seconds = time.perf_counter() - started
    log.info("backup restored in %.1f s", seconds)
    return RestoreInfo(folder, str(summary.get("created", "")), cases, seconds)


def _check_restored(db_path: Path, data_key: bytes) -> int:
    engine = db.make_engine(db_path, data_key)
    try:
        problems = db.integrity_problems(engine)
        if problems:
            raise _damaged("the database inside it fails its integrity check")
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM cases")).scalar() or 0)
    except NkcaseError:
        raise
    except Exception as exc:
        if db.is_damage(exc):
            raise _damaged("the database inside it cannot be read") from None
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
