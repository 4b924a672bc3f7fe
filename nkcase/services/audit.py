"""The audit log: append-only, each entry hashing its fields and the entry before it.

Rows that carry the evidence -- interviews (narratives and translations), text versions and
consents -- are *sealed* into the chain: whenever a unit of work inserts, changes or deletes
such a row, a ``rows.sealed`` entry records the SHA-256 of each row's full content as committed
(see :func:`row_digest`). ``nkcase check`` recomputes every row and compares it with the last
seal the chain holds for it, so a change made straight in the database (with the key, outside
nkcase) is named, and so is a row nobody sealed. The chain's end is anchored outside the
database (:mod:`nkcase.vault.anchor`), so cutting its tail is seen too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, event, select, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from nkcase.vault.anchor import APPENDED
from nkcase.vault.models import AuditEntry, Base, Consent, Interview, Meta, TextVersion, utcnow

GENESIS = "0" * 64
DEFAULT_ACTOR = "local-user"
SEALED_ACTION = "rows.sealed"
# Set (meta) once every protected row of the vault has been sealed; vaults from before sealing
# get one baseline at their first unlock (see seal_baseline).
SEALED_META = "rows_sealed"
# The tables whose every row is sealed into the chain.
PROTECTED: dict[type[Base], str] = {
    Interview: "interviews",
    TextVersion: "text_versions",
    Consent: "consents",
}
_SEALS_PER_ENTRY = 2000
_TOUCHED = "nkcase.audit.touched"


def entry_hash(
    prev_hash: str, at: str, actor: str, action: str, case_id: int | None, detail: dict[str, Any]
) -> str:
    payload = json.dumps(
        [prev_hash, at, actor, action, case_id, detail],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _last_hash(session: Session) -> str:
    last = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    return last or GENESIS


def record(
    session: Session,
    action: str,
    *,
    case_id: int | None = None,
    actor: str = DEFAULT_ACTOR,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. ``detail`` holds ids, field keys and hashes -- never case text."""
    session.flush()
    # Take the write lock before reading the last hash: if this session has written nothing yet,
    # another connection could append between our read and our insert and fork the chain.
    # (A zero-row UPDATE still opens the write transaction.)
    session.execute(text("UPDATE audit_log SET id = id WHERE 0"))
    at = utcnow().replace(microsecond=0)
    prev = _last_hash(session)
    detail = detail or {}
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        case_id=case_id,
        detail=detail,
        prev_hash=prev,
        hash=entry_hash(prev, at.isoformat(), actor, action, case_id, detail),
    )
    session.add(entry)
    session.flush()
    session.info[APPENDED] = True
    return entry


# -- sealing rows ----------------------------------------------------------------------------
def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _digest(name: str, row: Any) -> str:
    payload = json.dumps(
        [name, dict(row)], sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def row_digest(session: Session, name: str, pk: Any) -> str | None:
    """SHA-256 of one protected row's every column as stored (None when there is no row)."""
    table = _table(name)
    (pk_col,) = table.primary_key.columns
    row = session.execute(select(table).where(pk_col == pk)).mappings().one_or_none()
    return None if row is None else _digest(name, row)


def all_row_digests(session: Session, name: str) -> Iterator[tuple[str, str]]:
    """(seal key, digest) of every row of one protected table."""
    table = _table(name)
    (pk_col,) = table.primary_key.columns
    for row in session.execute(select(table).order_by(pk_col)).mappings():
        yield f"{name}:{row[pk_col.name]}", _digest(name, row)


def _record_seals(session: Session, seals: Iterable[tuple[str, str | None]]) -> None:
    batch: dict[str, str | None] = {}
    for key, digest in seals:
        batch[key] = digest
        if len(batch) >= _SEALS_PER_ENTRY:
            record(session, SEALED_ACTION, detail={"rows": batch})
            batch = {}
    if batch:
        record(session, SEALED_ACTION, detail={"rows": batch})


@event.listens_for(Session, "after_flush")
def _note_touched_rows(session: Session, _context: Any) -> None:
    touched: set[tuple[str, Any]] | None = None
    for group, only_modified in (
        (session.new, False),
        (session.dirty, True),
        (session.deleted, False),
    ):
        for obj in group:
            name = PROTECTED.get(type(obj))
            if name is None:
                continue
            if only_modified and not session.is_modified(obj, include_collections=False):
                continue
            if touched is None:
                touched = session.info.setdefault(_TOUCHED, set())
            mapper = sa_inspect(obj).mapper
            touched.add((name, mapper.primary_key_from_instance(obj)[0]))


@event.listens_for(Session, "before_commit")
def _seal_touched_rows(session: Session) -> None:
    session.flush()
    touched = session.info.pop(_TOUCHED, None)
    if not touched:
        return
    seals = [
        (f"{name}:{pk}", row_digest(session, name, pk))
        for name, pk in sorted(touched, key=lambda t: (t[0], str(t[1])))
    ]
    _record_seals(session, seals)
    session.flush()
    session.info.pop(_TOUCHED, None)


@event.listens_for(Session, "after_rollback")
def _forget_touched_rows(session: Session) -> None:
    session.info.pop(_TOUCHED, None)
    session.info.pop(APPENDED, None)


def seal_baseline(session: Session) -> int:
    """Seal every protected row once (a vault from before sealing); returns the rows sealed."""
    if session.get(Meta, SEALED_META) is not None:
        return 0
    seals = [pair for name in PROTECTED.values() for pair in all_row_digests(session, name)]
    _record_seals(session, seals)
    session.add(Meta(key=SEALED_META, value=b"1"))
    session.flush()
    return len(seals)


def verify_rows(session: Session, seals: dict[str, str | None]) -> list[str]:
    """Every protected row against the last seal the chain holds for it."""
    problems: list[str] = []
    if session.get(Meta, SEALED_META) is None:
        return problems  # sealed at the next unlock; nothing to compare yet
    present: set[str] = set()
    for name in PROTECTED.values():
        for key, digest in all_row_digests(session, name):
            present.add(key)
            sealed = seals.get(key)
            label = key.replace(":", " row ")
            if key not in seals:
                problems.append(f"{label}: not recorded in the audit log (added outside nkcase)")
            elif sealed is None:
                problems.append(f"{label}: recorded as deleted, yet present (added outside nkcase)")
            elif sealed != digest:
                problems.append(
                    f"{label}: changed outside nkcase (it no longer matches the audit log)"
                )
    for key, sealed in seals.items():
        if sealed is not None and key not in present:
            problems.append(f"{key.replace(':', ' row ')}: deleted outside nkcase")
    return problems


@dataclass(frozen=True)
class ChainReport:
    entries: int
    problems: list[str]
    last_id: int = 0
    last_hash: str = GENESIS
    # The last seal of each protected row, as the chain holds it ("table:pk" -> digest).
    seals: dict[str, str | None] = field(default_factory=dict)


def verify_chain(session: Session) -> ChainReport:
    prev = GENESIS
    problems: list[str] = []
    count = 0
    last_id = 0
    seals: dict[str, str | None] = {}
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
        last_id = entry.id
        if entry.action == SEALED_ACTION and isinstance(entry.detail, dict):
            rows = entry.detail.get("rows")
            if isinstance(rows, dict):
                seals.update(rows)
        expected = entry_hash(
            prev, entry.at.isoformat(), entry.actor, entry.action, entry.case_id, entry.detail
        )
        if entry.prev_hash != prev:
            problems.append(f"audit entry {entry.id}: does not follow the entry before it")
        elif entry.hash != expected:
            problems.append(
                f"audit entry {entry.id}: its contents were changed after it was written"
            )
        prev = entry.hash
    return ChainReport(count, problems, last_id, prev, seals)


def case_history(session: Session, case_id: int) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.case_id == case_id).order_by(AuditEntry.id)
        )
    )
