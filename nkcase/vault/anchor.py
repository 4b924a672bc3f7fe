"""The end of the audit log, anchored in ``keys.json``: an older ``vault.db`` is seen at unlock.

The database cannot vouch for its own age: a copy of ``vault.db`` taken last month is a valid
SQLCipher file with a valid hash chain, and copying it back needs no passphrase. So after every
unit of work that appends to the audit log, the id and hash of the chain's last entry are written
into ``keys.json`` (atomically), encrypted and authenticated with AES-256-GCM under a key derived
from the organisation's signing key (which lives only inside the encrypted database). At unlock
the database must still hold that entry, with that hash: if it ends earlier, or holds another
entry there, the database is older than the key file (or its tail was cut) and the vault is
refused until someone accepts it explicitly, which is recorded in the audit log.

The database may be *ahead* of the anchor (a crash between a commit and the anchor write, or two
programs writing): that is normal and the anchor catches up. A vault whose database has ever been
anchored carries a marker (meta ``audit_anchor``), so deleting the anchor from ``keys.json`` does
not turn the check off. What this cannot see: ``keys.json`` and ``vault.db`` rolled back
*together* (a whole older copy of the folder), and -- before a vault's first anchor -- anything.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from nkcase.errors import IntegrityError, NkcaseError
from nkcase.vault import engine as db
from nkcase.vault.keyslots import KeyFile

if TYPE_CHECKING:
    from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

ANCHOR_FORMAT = "nkcase/anchor-v1"
ANCHOR_META = "audit_anchor"
# session.info flag set by nkcase.services.audit.record: this unit of work appended entries.
APPENDED = "nkcase.audit.appended"
ACCEPT_HINT = (
    "If this older copy was put back on purpose (a restore by hand), accept it with "
    "`nkcase check --accept-rollback`; the acceptance is recorded in the audit log."
)


class VaultRolledBack(IntegrityError):
    """The database is older than its key file says (or its audit log lost its end)."""


Head = tuple[int, str]
_WRITTEN = "_anchored_head"  # on a Vault: the head this process last anchored


def _key(conn: Connection, vault_id: str) -> bytes | None:
    raw = conn.execute(text("SELECT value FROM meta WHERE key = 'signing_key'")).scalar()
    if not raw:
        return None
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=vault_id.encode(),
        info=b"nkcase/audit-anchor",
    ).derive(bytes(raw))


def _aad(vault_id: str) -> bytes:
    return f"{ANCHOR_FORMAT}|{vault_id}".encode()


def seal(key: bytes, vault_id: str, head: Head) -> str:
    nonce = os.urandom(12)
    plain = json.dumps(list(head)).encode()
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, plain, _aad(vault_id))).decode()


def unseal(key: bytes, vault_id: str, blob: str) -> Head | None:
    """The anchored head, or None when the anchor is not this vault's (or was altered)."""
    try:
        raw = base64.b64decode(blob.encode("ascii"), validate=True)
        plain = AESGCM(key).decrypt(raw[:12], raw[12:], _aad(vault_id))
        entry_id, entry_hash = json.loads(plain)
        if type(entry_id) is not int or not isinstance(entry_hash, str):
            return None
        return entry_id, entry_hash
    except (ValueError, InvalidTag, TypeError, UnicodeEncodeError):
        return None


def _head(conn: Connection) -> Head | None:
    row = conn.execute(text("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    return None if row is None else (int(row[0]), str(row[1]))


def _anchored_before(conn: Connection) -> bool:
    found = conn.execute(text("SELECT 1 FROM meta WHERE key = :k"), {"k": ANCHOR_META}).first()
    return found is not None


def problem(conn: Connection, keyfile: KeyFile) -> str | None:
    """Why this database is not the one ``keyfile`` last anchored (None: it is, or is ahead)."""
    key = _key(conn, keyfile.vault_id)
    if key is None:
        return None  # no organisation key yet: nothing was ever anchored
    if keyfile.anchor is None:
        if _anchored_before(conn):
            return (
                "keys.json no longer records where the audit log ended, although this database "
                "was anchored there before"
            )
        return None
    head = unseal(key, keyfile.vault_id, keyfile.anchor)
    if head is None:
        return "the record of the audit log's end in keys.json does not belong to this database"
    entry_id, entry_hash = head
    found = conn.execute(text("SELECT hash FROM audit_log WHERE id = :i"), {"i": entry_id}).scalar()
    if found is None:
        return (
            f"the audit log ends before entry {entry_id}, which keys.json recorded: the database "
            "is an older copy, or entries were removed from the end of its audit log"
        )
    if found != entry_hash:
        return (
            f"audit entry {entry_id} is not the one keys.json recorded: the database is another "
            "copy, or its audit log was rewritten"
        )
    return None


def refusal(why: str) -> VaultRolledBack:
    return VaultRolledBack(
        f"This vault's database is not the one its key file last saw: {why}. Someone may have "
        "copied an older vault.db over this one (undoing changes such as a consent "
        f"withdrawal). Nothing was changed. {ACCEPT_HINT}"
    )


def write(vault: Vault, accepted: bool = False) -> None:
    """Anchor the audit log's current end in ``keys.json`` (atomic). It never moves backwards
    unless an older database was just ``accepted``. A failure to write is logged: the commit
    itself stands, and the next commit or unlock anchors again."""
    if vault.is_decoy:
        return
    try:
        with vault.engine.connect() as conn:
            key = _key(conn, vault.vault_id)
            head = _head(conn)
            first = not _anchored_before(conn)
        if key is None or head is None:
            return
        if getattr(vault, _WRITTEN, None) == head and not accepted:
            return
        fresh = KeyFile.load(vault.keys_path)  # slots as on disk: never undo another's change
        if fresh.vault_id != vault.vault_id:
            return
        on_disk = unseal(key, vault.vault_id, fresh.anchor) if fresh.anchor else None
        if on_disk == head:
            setattr(vault, _WRITTEN, head)
            return
        if on_disk is not None and on_disk[0] > head[0] and not accepted:
            return  # another program anchored a later end already
        fresh.anchor = seal(key, vault.vault_id, head)
        fresh.save(vault.keys_path)
        # In memory too (before the marker below): a backup embeds vault.keyfile as it was
        # *before* its snapshot, so the anchor it carries is never ahead of the database.
        vault.keyfile.anchor = fresh.anchor
        setattr(vault, _WRITTEN, head)
        if first:
            with vault.engine.begin() as conn:
                conn.execute(
                    text("INSERT OR IGNORE INTO meta (key, value) VALUES (:k, :v)"),
                    {"k": ANCHOR_META, "v": b"1"},
                )
    except (OSError, NkcaseError, DBAPIError) as exc:
        log.warning("could not anchor the audit log in the key file: %s", type(exc).__name__)


def discard_unfinished_writes(folder: Path) -> None:
    """Delete the temporary key files of writes a kill interrupted (each anchor write goes
    through one). Only while no other program has the vault open: otherwise a temporary file
    may be another program's write under way."""
    found = 0
    for leftover in folder.glob(".keys.json.*.tmp"):
        if leftover.name.startswith(".keys.json.rekey."):
            continue  # finish_interrupted_rekey's
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
            found += 1
    if found:
        log.warning("deleted %d temporary key file(s) left by an interrupted write", found)


def check_at_open(vault: Vault, accept_rollback: bool = False) -> None:
    """At unlock: refuse a database older than the key file's anchor (unless accepted, which is
    audited), seal the rows of a vault from before sealing, and bring the anchor up to date."""
    if vault.is_decoy:
        return
    from nkcase.services import audit  # the vault layer otherwise stays below services

    try:
        with vault.engine.connect() as conn:
            why = problem(conn, vault.keyfile)
    except DBAPIError as exc:  # damaged pages, a full disk, read-only media: said as such
        db.raise_storage_problem(exc, vault.db_path)
        raise
    if why is not None and not accept_rollback:
        raise refusal(why)
    with vault.session() as session:
        audit.seal_baseline(session)
        if why is not None:
            audit.record(session, "vault.rollback_accepted", detail={"reason": why})
            log.warning("an older database was accepted at unlock (audited)")
    write(vault, accepted=why is not None)
