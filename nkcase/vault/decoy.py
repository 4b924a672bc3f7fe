"""What a duress passphrase opens: the real slots scrambled, an empty vault that lives in memory.

Everything here tries not to be told apart from an ordinary unlock of an (empty) vault:

- The decoy's database is SQLCipher ``:memory:`` (one connection, keyed with a random key that
  exists only in this process): nothing is written to any disk, so a killed duress session
  leaves nothing behind. Decoys of older versions lived in a temporary folder on the RAM disk
  (``/dev/shm/tmp*/vault.db``); :func:`discard_stale_decoys` deletes those at the next unlock.
- The key file is rewritten with the other passphrase slots scrambled (same ids, same shape),
  then given back its previous modification time, and its folder too: an unlock that changes
  nothing in ``vault.db`` changes no time stamp in the folder. On a full disk the same bytes are
  written in place (the scrambled file has the same length), so duress never fails where a
  real unlock would succeed.
- Scrambled slots take the duress slot's key-derivation settings, so the slot the decoy marks
  as "opened this session" looks like the others.
- The decoy's audit log tells the story of a vault created when the key file's first passphrase
  slot was, with its settings, and one slot added for each later passphrase slot, on the days
  the key file says -- not one entry created "now".
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import secrets
import shutil
import stat
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nkcase.errors import DiskFull
from nkcase.vault import engine as db
from nkcase.vault.keyslots import KeyFile, Slot, scrambled_copy
from nkcase.vault.lock import FolderLock
from nkcase.vault.models import AuditEntry, Meta
from nkcase.vault.vault import DB_NAME, KEYS_NAME, Vault

log = logging.getLogger(__name__)

_DECOY_FILES = {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal"}


def enter_duress(folder: Path, keyfile: KeyFile, duress_slot: Slot, lock: FolderLock) -> Vault:
    """The duress passphrase was given: scramble every other passphrase slot, show a decoy.

    The slots keep their ids and shape, so the key file looks unchanged; only the recovery slot
    (and the duress slot itself) still unwrap anything. The real database is not touched.
    """
    keyfile.slots = [
        dataclasses.replace(scrambled_copy(s), kdf=dict(duress_slot.kdf))
        if s.kind == "passphrase" and s.id != duress_slot.id
        else s
        for s in keyfile.slots
    ]
    save_unseen(keyfile, folder / KEYS_NAME)
    return DecoyVault(folder, keyfile, duress_slot, lock)


def save_unseen(keyfile: KeyFile, path: Path) -> None:
    """Save ``keyfile`` over ``path`` leaving the file's and its folder's times as they were."""
    before, folder_before = os.stat(path), os.stat(path.parent)
    if db.on_read_only_media(path.parent):
        # Nothing can be scrambled on read-only media; the decoy is shown all the same (an
        # error here would tell the adversary which passphrase was typed).
        log.warning("duress: the key file is on read-only media and was left as it is")
        return
    try:
        keyfile.save(path)
    except DiskFull:
        data = keyfile.to_bytes()
        if len(data) != before.st_size:
            raise
        # Same length: overwrite in place, which needs no free block.
        fd = os.open(path, os.O_WRONLY)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    with contextlib.suppress(OSError):
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        os.utime(path.parent, ns=(folder_before.st_atime_ns, folder_before.st_mtime_ns))


def discard_stale_decoys() -> int:
    """Delete the on-disk decoys that killed duress sessions of older versions left.

    They were ``tmp*`` folders (0700, ours) on the RAM disk, or in the temp folder where there is
    none, holding nothing but a ``vault.db`` and its journal files.
    """
    found = 0
    shm = Path("/dev/shm")
    for base in {shm if shm.is_dir() else None, Path(tempfile.gettempdir())} - {None}:
        assert base is not None
        try:
            candidates = [p for p in base.iterdir() if p.name.startswith("tmp")]
        except OSError:
            continue
        for folder in candidates:
            try:
                info = folder.lstat()
                if not stat.S_ISDIR(info.st_mode) or stat.S_IMODE(info.st_mode) != 0o700:
                    continue
                if hasattr(os, "getuid") and info.st_uid != os.getuid():
                    continue
                names = {p.name for p in folder.iterdir()}
            except OSError:
                continue
            if DB_NAME in names and names <= _DECOY_FILES:
                shutil.rmtree(folder, ignore_errors=True)
                found += 1
    if found:
        log.warning("deleted %d decoy database(s) left by an interrupted session", found)
    return found


class DecoyVault(Vault):
    """An empty vault in memory, keyed with a random key, shown after a duress unlock.

    Nothing written to it reaches the disk; file-level operations on it are no-ops. On a full
    disk its writes fail as a real vault's would (see :meth:`session`).
    """

    is_decoy = True

    def __init__(self, folder: Path, keyfile: KeyFile, slot: Slot, lock: FolderLock) -> None:
        self.folder = folder
        self.keyfile = keyfile
        self.slot = slot
        self.lock = lock  # held like a real vault's, so it refuses and is refused the same
        if _no_room(folder):
            # A real vault cannot even open on a full disk (SQLite sizes its shared-memory
            # file first): the decoy says the same, after the slots were scrambled.
            from nkcase.errors import disk_full

            raise disk_full(folder)
        self._data_key = secrets.token_bytes(32)
        self.engine = db.make_engine(db.MEMORY, self._data_key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        db.upgrade(self.engine)
        raw = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        with self._sessions() as session:
            session.add(Meta(key="organisation", value=b""))
            session.add(Meta(key="signing_key", value=raw))
            _plausible_history(session, keyfile)
            session.commit()

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME  # what a real vault would name (nothing is written there)

    def session(self) -> contextlib.AbstractContextManager[Session]:  # type: ignore[override]
        return _DecoySession(self)

    def save_keyfile(self) -> None:
        return None

    def reload_keyfile(self) -> None:
        return None  # its slot changes live in memory only

    def switch_key(self, keyfile: KeyFile, data_key: bytes, slot: Slot) -> None:
        self.keyfile, self.slot = keyfile, slot


class _DecoySession(contextlib.AbstractContextManager[Session]):
    """Vault.session for the decoy: a write on a full disk fails as the real vault's would."""

    def __init__(self, vault: DecoyVault) -> None:
        self._vault = vault
        self._inner = Vault.session(vault)

    def __enter__(self) -> Session:
        self._session = self._inner.__enter__()
        return self._session

    def __exit__(self, *exc: object) -> bool | None:
        s = self._session
        if exc[0] is None and (s.new or s.dirty or s.deleted) and _no_room(self._vault.folder):
            from nkcase.errors import disk_full

            try:
                raise disk_full(self._vault.folder)
            except DiskFull as full:
                self._inner.__exit__(DiskFull, full, full.__traceback__)
                raise
        return self._inner.__exit__(*exc)  # type: ignore[arg-type]


def _no_room(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def _plausible_history(session: Session, keyfile: KeyFile) -> None:
    """Audit entries for the vault's creation and its later passphrase slots, on their days."""
    from nkcase.services.audit import DEFAULT_ACTOR, GENESIS, entry_hash

    prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    prev = prev or GENESIS
    passphrase_slots = [s for s in keyfile.slots if s.kind == "passphrase"]
    if not passphrase_slots:
        return
    first, *later = passphrase_slots
    events: list[tuple[str, str, dict[str, Any]]] = [
        (
            first.created,
            "vault.created",
            {
                "kdf": {
                    "memory_kib": first.kdf["memory_kib"],
                    "iterations": first.kdf["iterations"],
                    "lanes": first.kdf["lanes"],
                }
            },
        )
    ]
    events += [(s.created, "keyslot.added", {"slot": s.id, "kind": "passphrase"}) for s in later]
    last = None
    for day, action, detail in events:
        at = _time_on(day, after=last)
        last = at
        digest = entry_hash(prev, at.isoformat(), DEFAULT_ACTOR, action, None, detail)
        session.add(
            AuditEntry(
                at=at,
                actor=DEFAULT_ACTOR,
                action=action,
                case_id=None,
                detail=detail,
                prev_hash=prev,
                hash=digest,
            )
        )
        prev = digest


def _time_on(day: str, after: datetime | None) -> datetime:
    """A working-hours moment on ``day`` (YYYY-MM-DD), after ``after``, never in the future
    (naive UTC, as models.utcnow stores times)."""
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    try:
        base = datetime.strptime(day, "%Y-%m-%d")
    except ValueError:
        base = now.replace(hour=0, minute=0, second=0)
    low, high = base + timedelta(hours=8), base + timedelta(hours=17)
    if after is not None:
        low = max(low, after + timedelta(seconds=60))
    high = min(high, now - timedelta(seconds=60))
    if high <= low:
        return min(low, now) if after is None else min(max(low, after), now)
    span = int((high - low).total_seconds())
    return low + timedelta(seconds=secrets.randbelow(span + 1))
