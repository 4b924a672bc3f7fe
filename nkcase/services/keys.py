"""Key slots, the recovery key, rekeying and the duress passphrase.

The key file (``keys.json``) holds no names: a slot is an id, a kind, its Argon2id parameters and
the wrapped data key. The labels people give their slots ("Min-ji's laptop") and the id of the
duress slot live inside the encrypted database (``meta``), so they show only after unlocking.

Rekey (a new data key, when a passphrase may be compromised) is crash-safe without trusting any
two renames to happen together: the new database is written beside the old one as
``vault.db.rekey``; then the new key file lands atomically as ``keys.json.rekey`` -- the commit
point; then both are moved into place. ``Vault.unlock`` finishes a committed rekey or discards an
uncommitted one (``nkcase.vault.vault.finish_interrupted_rekey``), so a kill at any moment leaves
a vault that opens with the old key or the new one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nkcase.errors import KeySlotError, WrongPassphrase
from nkcase.services import audit
from nkcase.services.vaults import default_kdf, get_meta, set_meta
from nkcase.vault import engine as db
from nkcase.vault.keyslots import (
    KdfParams,
    KeyFile,
    check_passphrase_strength,
    new_data_key,
    new_duress_marker,
    new_recovery_key,
)
from nkcase.vault.vault import (
    REKEY_DB_NAME,
    REKEY_KEYS_NAME,
    Vault,
    finish_interrupted_rekey,
)

log = logging.getLogger(__name__)

LABELS_META = "slot_labels"
DURESS_META = "duress_slot"
REKEY_STEP_PAGES = 256  # 1 MiB per progress step with 4 KiB pages

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SlotView:
    id: str
    kind: str  # "passphrase" | "recovery" | "duress"
    label: str
    created: str
    memory_mib: int
    iterations: int
    current: bool  # the slot that opened this session


@dataclass(frozen=True)
class RekeyResult:
    recovery_key: str
    dropped_slots: int  # other passphrase slots (and the duress slot) that could not be kept
    duress_dropped: bool
    seconds: float


# -- labels and the duress id, kept inside the encrypted database ----------------------------
def _labels(vault: Vault) -> dict[str, str]:
    with vault.session() as session:
        raw = get_meta(session, LABELS_META)
    try:
        value = json.loads(raw.decode()) if raw else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        value = {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _duress_id(vault: Vault) -> str | None:
    with vault.session() as session:
        raw = get_meta(session, DURESS_META)
    return raw.decode() if raw else None


def _write_meta(vault: Vault, labels: dict[str, str], duress: str | None) -> None:
    with vault.session() as session:
        set_meta(session, LABELS_META, json.dumps(labels, sort_keys=True).encode())
        set_meta(session, DURESS_META, (duress or "").encode())


def _audit(vault: Vault, action: str, detail: dict[str, Any]) -> None:
    with vault.session() as session:
        audit.record(session, action, detail=detail)


# -- listing, adding, removing ----------------------------------------------------------------
def list_slots(vault: Vault) -> list[SlotView]:
    labels = _labels(vault)
    duress = _duress_id(vault)
    out = []
    for s in vault.keyfile.slots:
        kind = "duress" if s.id == duress else s.kind
        out.append(
            SlotView(
                id=s.id,
                kind=kind,
                label=labels.get(s.id, ""),
                created=s.created,
                memory_mib=int(s.kdf["memory_kib"]) // 1024,
                iterations=int(s.kdf["iterations"]),
                current=s.id == vault.slot.id,
            )
        )
    return out


def _refuse_duress_clash(vault: Vault, passphrase: str) -> None:
    duress = _duress_id(vault)
    slot = next((s for s in vault.keyfile.slots if s.id == duress), None)
    if slot is None:
        return
    with contextlib.suppress(WrongPassphrase):
        KeyFile(vault.vault_id, [slot]).unlock_with_passphrase(passphrase)
        raise KeySlotError("That is the duress passphrase; choose another. Nothing was changed.")


def add_passphrase(
    vault: Vault, passphrase: str, label: str = "", kdf: KdfParams | None = None
) -> SlotView:
    """A new passphrase slot for the same data key (a second interviewer, a second device)."""
    check_passphrase_strength(passphrase)
    _refuse_duress_clash(vault, passphrase)
    with vault.changing_keys() as keyfile:
        slot = keyfile.add_passphrase_slot(vault.data_key, passphrase, kdf or default_kdf())
    labels = _labels(vault)
    if label.strip():
        labels[slot.id] = label.strip()[:80]
    _write_meta(vault, labels, _duress_id(vault))
    _audit(vault, "keyslot.added", {"slot": slot.id, "kind": "passphrase"})
    return next(v for v in list_slots(vault) if v.id == slot.id)


def remove_slot(vault: Vault, slot_id: str) -> None:
    """Remove a passphrase or duress slot; the last real passphrase slot stays."""
    duress = _duress_id(vault)
    with vault.changing_keys() as keyfile:
        slot = next((s for s in keyfile.slots if s.id == slot_id), None)
        if slot is None:
            raise KeySlotError(f"There is no key slot {slot_id!r} (see `nkcase slots list`).")
        if slot.kind == "recovery":
            raise KeySlotError(
                "The recovery slot cannot be removed; use `nkcase recovery-key regenerate` to "
                "replace the recovery key."
            )
        remaining = [
            s for s in keyfile.slots if s.kind == "passphrase" and s.id not in (slot_id, duress)
        ]
        if slot_id != duress and not remaining:
            raise KeySlotError(
                "This is the last passphrase of the vault; add another before removing it. "
                "Nothing was changed."
            )
        keyfile.slots = [s for s in keyfile.slots if s.id != slot_id]
    labels = _labels(vault)
    labels.pop(slot_id, None)
    _write_meta(vault, labels, None if slot_id == duress else duress)
    _audit(vault, "keyslot.removed", {"slot": slot_id})


def regenerate_recovery_key(vault: Vault) -> str:
    """A new recovery key; the old one stops opening the vault as soon as this returns."""
    recovery = new_recovery_key()
    with vault.changing_keys() as keyfile:
        slot = keyfile.add_recovery_slot(vault.data_key, recovery)
    _audit(vault, "recovery_key.regenerated", {"slot": slot.id})
    return recovery


# -- duress ----------------------------------------------------------------------------------
def set_duress(vault: Vault, passphrase: str, kdf: KdfParams | None = None) -> SlotView:
    """Opt in: this passphrase, given at unlock, scrambles the other passphrase slots.

    It must differ from every real passphrase (checked by trying it against them).
    """
    check_passphrase_strength(passphrase)
    try:
        vault.keyfile.unlock_with_passphrase(passphrase)
    except WrongPassphrase:
        pass
    else:
        raise KeySlotError(
            "That passphrase already opens this vault; a duress passphrase must be different. "
            "Nothing was changed."
        )
    old = _duress_id(vault)
    # The settings of the slot this session opened with (not a fresh calibration): in the
    # decoy, the duress slot is the one marked as opened, and it must look like the others.
    slot = vault.keyfile.make_passphrase_slot(
        new_duress_marker(vault.vault_id), passphrase, kdf or vault.slot.params()
    )
    with vault.changing_keys() as keyfile:
        keyfile.slots = [s for s in keyfile.slots if s.id != old] + [slot]
    _write_meta(vault, _labels(vault), slot.id)
    # The audit entry names no slot: the log should not point at the duress slot.
    _audit(vault, "duress.set", {})
    return next(v for v in list_slots(vault) if v.id == slot.id)


def clear_duress(vault: Vault) -> bool:
    """Remove the duress slot; False if none was set."""
    duress = _duress_id(vault)
    if not duress or all(s.id != duress for s in vault.keyfile.slots):
        return False
    with vault.changing_keys() as keyfile:
        keyfile.slots = [s for s in keyfile.slots if s.id != duress]
    _write_meta(vault, _labels(vault), None)
    _audit(vault, "duress.cleared", {})
    return True


# -- rekey -------------------------------------------------------------------------------------
def rekey(
    vault: Vault,
    passphrase: str,
    kdf: KdfParams | None = None,
    progress: Progress | None = None,
) -> RekeyResult:
    """Re-encrypt the whole database under a new data key; returns the new recovery key.

    The new key file has one passphrase slot (``passphrase``) and a new recovery slot: the other
    slots wrap the old key under secrets nobody typed here, so they are dropped (add them again
    with :func:`add_passphrase`). Refused (:class:`VaultBusy`) while the vault is open in another
    program or window.
    """
    started = time.perf_counter()
    check_passphrase_strength(passphrase)
    # Alone, or refused with nothing changed: another program's open vault would go on
    # writing to the old database.
    with vault.lock.exclusive():
        params = kdf or default_kdf()
        recovery = new_recovery_key()
        duress = _duress_id(vault)
        had_duress = bool(duress) and any(s.id == duress for s in vault.keyfile.slots)
        dropped = (
            sum(1 for s in vault.keyfile.slots if s.kind == "passphrase" and s.id != duress) - 1
        )
        if vault.is_decoy:  # look the part; touch nothing on disk
            if progress is not None:
                progress(1, 1)
            return RekeyResult(recovery, max(dropped, 0), had_duress, time.perf_counter() - started)

        new_key = new_data_key()
        new_kf = KeyFile(vault_id=vault.vault_id)
        # The audit anchor survives a rekey (keyed by the signing key, not the data key): a
        # crash right after the switch must not look like a rolled-back database.
        new_kf.anchor = KeyFile.load(vault.keys_path).anchor
        slot = new_kf.add_passphrase_slot(new_key, passphrase, params)
        new_kf.add_recovery_slot(new_key, recovery)
        folder = vault.folder
        new_db = folder / REKEY_DB_NAME
        finish_interrupted_rekey(folder)  # a leftover from an earlier attempt is discarded
        _copy_rekeyed(vault, new_db, new_key, progress)
        new_kf.save(folder / REKEY_KEYS_NAME)  # the commit point
        vault.engine.dispose()
        finish_interrupted_rekey(folder)  # the switch (the same code a crash recovery runs)
        vault.switch_key(new_kf, new_key, slot)
    _write_meta(vault, {}, None)
    _audit(
        vault,
        "vault.rekeyed",
        {"slot": slot.id, "dropped_slots": max(dropped, 0) + int(had_duress)},
    )
    seconds = time.perf_counter() - started
    log.info("vault rekeyed in %.1f s", seconds)
    return RekeyResult(recovery, max(dropped, 0) + int(had_duress), had_duress, seconds)


def _copy_rekeyed(vault: Vault, target: Path, new_key: bytes, progress: Progress | None) -> None:
    """Page-by-page copy into ``target`` keyed with ``new_key``, holding the write lock."""
    dest = db.sqlcipher.connect(str(target))
    try:
        db.quiet(dest)
        dest.execute(f"PRAGMA key = \"x'{new_key.hex()}'\"")
        # No journal: an unfinished target is simply deleted by the recovery.
        dest.execute("PRAGMA journal_mode = OFF")
        # One connection holds the write lock so no commit lands during the copy; another
        # reads (SQLite refuses a backup from a connection that is itself writing).
        with vault.engine.connect() as guard_conn, vault.engine.connect() as read_conn:
            guard = guard_conn.connection.dbapi_connection
            source = read_conn.connection.dbapi_connection
            assert guard is not None and source is not None
            guard.execute("BEGIN IMMEDIATE")
            try:

                def step(_status: int, remaining: int, total: int) -> None:
                    if progress is not None:
                        progress(total - remaining, total)

                source.backup(dest, pages=REKEY_STEP_PAGES, progress=step)
            finally:
                guard.execute("ROLLBACK")
        # WAL from the first open, like every vault database.
        dest.execute("PRAGMA journal_mode = WAL")
        dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dest.close()
    with target.open("rb") as fh:
        os.fsync(fh.fileno())
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{target}{suffix}")
