"""The audit log: append-only, each entry hashing its fields and the entry before it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from nkcase.vault.models import AuditEntry, utcnow

GENESIS = "0" * 64
DEFAULT_ACTOR = "local-user"


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
    return entry


@dataclass(frozen=True)
class ChainReport:
    entries: int
    problems: list[str]


def verify_chain(session: Session) -> ChainReport:
    prev = GENESIS
    problems: list[str] = []
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
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
    return ChainReport(count, problems)


def case_history(session: Session, case_id: int) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.case_id == case_id).order_by(AuditEntry.id)
        )
    )
