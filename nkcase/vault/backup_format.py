"""The ``nkcase/backup-v1`` file: framing and authenticated encryption of a vault snapshot.

Layout (all integers big-endian)::

    "NKCASE-BACKUP\\0"                       14 bytes of magic
    u32 header length, header (JSON)        format, vault_id, salt, chunk_size, keyfile
    records: u8 type, u32 length, sealed    type 0 = snapshot data, 1 = final (JSON summary)

The snapshot -- already a SQLCipher file, encrypted page by page -- is sealed again record by
record with AES-256-GCM under a per-backup key, HKDF(data key, random salt). Every record's
associated data binds the SHA-256 of the header (so the key file and format inside it cannot be
swapped), the record number and its type; the final record carries the snapshot's size and hash
and must be followed by end of file, so truncation, reordering and splicing are all detected.

The key file (already protected by Argon2id per slot) travels in the header: a backup opens with
whatever passphrase or recovery key opened the vault when the backup was made.

Taking the snapshot, and writing or restoring a vault from it, is
:mod:`nkcase.services.backup`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import secrets
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from nkcase import __version__
from nkcase.errors import BackupDamaged, KeyFileDamaged, UnsupportedFormat, WrongPassphrase
from nkcase.vault.keyslots import KeyFile, is_duress_marker

log = logging.getLogger(__name__)

MAGIC = b"NKCASE-BACKUP\x00"
FORMAT = "nkcase/backup-v1"
CHUNK_SIZE = 1 << 20
MAX_HEADER = 1 << 20
TAG_BYTES = 16
DATA, FINAL = 0, 1

Progress = Callable[[int, int], None]


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
def seal_snapshot(
    src: BinaryIO,
    out: BinaryIO,
    *,
    data_key: bytes,
    vault_id: str,
    keyfile: KeyFile,
    created: str,
    total: int,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Write the snapshot read from ``src`` to ``out`` as a whole backup; returns its summary.

    ``total`` (the snapshot's size) is only for ``progress(done, total)``.
    """
    salt = secrets.token_bytes(32)
    header = json.dumps(
        {
            "format": FORMAT,
            "vault_id": vault_id,
            "salt": base64.b64encode(salt).decode(),
            "chunk_size": CHUNK_SIZE,
            "keyfile": base64.b64encode(keyfile.to_bytes()).decode(),
        },
        sort_keys=True,
    ).encode()
    header_hash = hashlib.sha256(header).digest()
    aead = _backup_key(data_key, salt, vault_id)
    digest = hashlib.sha256()
    seq = 0
    done = 0
    lead = MAGIC + struct.pack(">I", len(header)) + header
    # The key slots (in the header) go in last: until the backup is whole, its file holds
    # zeros there, so a killed backup leaves nothing a passphrase could open.
    placeholder = out.seekable()
    start = out.tell() if placeholder else 0
    out.write(bytes(len(lead)) if placeholder else lead)
    while block := src.read(CHUNK_SIZE):
        digest.update(block)
        _write_record(out, aead, header_hash, seq, DATA, block)
        seq += 1
        done += len(block)
        if progress is not None:
            progress(done, total)
    summary = {
        "created": created,
        "snapshot_size": done,
        "snapshot_sha256": digest.hexdigest(),
        "records": seq,
        "nkcase": __version__,
    }
    _write_record(out, aead, header_hash, seq, FINAL, json.dumps(summary).encode())
    if placeholder:
        end = out.tell()
        out.seek(start)
        out.write(lead)
        out.seek(end)
    return summary


def _write_record(
    fh: BinaryIO, aead: AESGCM, header_hash: bytes, seq: int, kind: int, plain: bytes
) -> None:
    sealed = aead.encrypt(_nonce(seq), plain, _aad(header_hash, seq, kind))
    fh.write(struct.pack(">BI", kind, len(sealed)))
    fh.write(sealed)


# -- reading --------------------------------------------------------------------------------
def damaged(why: str) -> BackupDamaged:
    """The one message for a backup that cannot be trusted; ``why`` names no secret."""
    return BackupDamaged(
        f"This backup is damaged or is not an nkcase backup ({why}). Nothing was restored; "
        "use another copy of the backup."
    )


def _read_exact(fh: BinaryIO, n: int, what: str) -> bytes:
    data = fh.read(n)
    if len(data) != n:
        raise damaged(f"it ends early, in the {what}")
    return data


@dataclass(frozen=True)
class BackupHeader:
    raw: bytes
    vault_id: str
    salt: bytes
    chunk_size: int
    keyfile: KeyFile


def read_header(fh: BinaryIO) -> BackupHeader:
    """The clear part of a backup, checked for shape (its integrity is checked by the records)."""
    if fh.read(len(MAGIC)) != MAGIC:
        raise damaged("it does not start like one")
    (length,) = struct.unpack(">I", _read_exact(fh, 4, "header"))
    if not 2 <= length <= MAX_HEADER:
        raise damaged("its header has an impossible length")
    raw = _read_exact(fh, length, "header")
    try:
        # ValueError also covers an integer past Python's digit limit.
        doc = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise damaged("its header cannot be read") from None
    if not isinstance(doc, dict):
        raise damaged("its header cannot be read")
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
        if not isinstance(vault_id, str) or not vault_id.isascii() or len(salt) != 32:
            raise ValueError
        if not isinstance(chunk_size, int) or not 1 <= chunk_size <= 64 << 20:
            raise ValueError
    except (KeyError, TypeError, ValueError):
        raise damaged("its header is incomplete") from None
    try:
        keyfile = KeyFile.from_bytes(keyfile_raw)
    except KeyFileDamaged:
        raise damaged("the key slots inside it are damaged") from None
    except UnsupportedFormat as exc:
        raise damaged(f"the key slots inside it cannot be used: {exc}") from None
    if keyfile.vault_id != vault_id:
        raise damaged("its key slots belong to another vault")
    return BackupHeader(raw, vault_id, salt, chunk_size, keyfile)


def unlock_backup(header: BackupHeader, passphrase: str | None, recovery_key: str | None) -> bytes:
    """The data key, from the key slots the backup carries; a duress passphrase opens nothing."""
    if recovery_key is not None:
        data_key, _slot = header.keyfile.unlock_with_recovery(recovery_key)
    else:
        data_key, _slot = header.keyfile.unlock_with_passphrase(passphrase or "")
        if is_duress_marker(header.vault_id, data_key):
            raise WrongPassphrase("Wrong passphrase: it does not open this backup.")
    return data_key


def open_records(
    fh: BinaryIO, header: BackupHeader, data_key: bytes, sink: BinaryIO | None
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
            raise damaged("it ends early: the file was cut short")
        kind, length = struct.unpack(">BI", prefix)
        if kind not in (DATA, FINAL) or not TAG_BYTES <= length <= header.chunk_size + TAG_BYTES:
            raise damaged(f"record {seq} has an impossible type or length")
        sealed = _read_exact(fh, length, f"record {seq}")
        try:
            plain = aead.decrypt(_nonce(seq), sealed, _aad(header_hash, seq, kind))
        except InvalidTag:
            raise damaged(f"record {seq} fails its authentication check") from None
        if kind == FINAL:
            break
        digest.update(plain)
        size += len(plain)
        if sink is not None:
            sink.write(plain)
        seq += 1
    if fh.read(1):
        raise damaged("there are extra bytes after its end")
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
        raise damaged("its contents do not match its summary")
    return dict(summary)
