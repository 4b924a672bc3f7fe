"""The organisation's keep list: public names, state organs and perpetrators' companies.

Such a name is evidence for the UN, not a family detail: once a reviewer keeps it, its
proposals are rejected in every case (rule ``keep_list``) instead of being reviewed again.
Registered terms are never affected. Entries are compared folded (case, accents, white space;
:func:`nkcase.redaction.review.keep_key`).

Every addition and removal is audited with the entry's id and category only, never its text
(as for review decisions); a removal marks the row instead of deleting it, so the audit log
can always be read back to what it was about.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nkcase.errors import InvalidEdit
from nkcase.redaction.review import keep_key
from nkcase.services import audit
from nkcase.vault.models import KeepListEntry, utcnow

log = logging.getLogger(__name__)

#: What the keep list holds: public figures and state organs, organisations (a trading company,
#: a dispatching enterprise), places and units named as evidence, other names kept on purpose.
CATEGORIES = ("public", "org", "place", "unit", "name", "other")
#: Review categories whose "keep" goes on the keep list (the rest are rejected in the case only).
EVIDENCE_CATEGORIES = frozenset({"public", "org"})
MAX_TEXT = 300
ADDED = "keeplist.added"
REMOVED = "keeplist.removed"


@dataclass(frozen=True)
class KeepEntry:
    id: int
    text: str
    category: str
    added_by: str
    added_at: datetime


def _entry(row: KeepListEntry) -> KeepEntry:
    return KeepEntry(row.id, row.text, row.category, row.added_by, row.added_at)


def _active(session: Session, folded: str) -> KeepListEntry | None:
    return session.scalar(
        select(KeepListEntry)
        .where(KeepListEntry.folded == folded, KeepListEntry.removed_at.is_(None))
        .limit(1)
    )


def list_entries(session: Session) -> list[KeepEntry]:
    """The current entries, sorted by their text."""
    rows = session.scalars(select(KeepListEntry).where(KeepListEntry.removed_at.is_(None)))
    return sorted((_entry(r) for r in rows), key=lambda e: (keep_key(e.text), e.id))


def _clean_text(text: str) -> tuple[str, str]:
    cleaned = " ".join(str(text).split())
    if not cleaned:
        raise InvalidEdit("keep_list.text", "must not be empty")
    if len(cleaned) > MAX_TEXT:
        raise InvalidEdit("keep_list.text", f"longer than {MAX_TEXT} characters")
    return cleaned, keep_key(cleaned)


def add(
    session: Session, text: str, category: str, actor: str = audit.DEFAULT_ACTOR
) -> tuple[KeepEntry, bool]:
    """Keep ``text`` in every case; returns the entry and whether it is new.

    A text already on the list (folded) is left as it is: no second entry, no audit entry.
    """
    if category not in CATEGORIES:
        raise InvalidEdit("keep_list.category", f"expected one of {', '.join(CATEGORIES)}")
    cleaned, folded = _clean_text(text)
    existing = _active(session, folded)
    if existing is not None:
        return _entry(existing), False
    row = KeepListEntry(folded=folded, text=cleaned, category=category, added_by=actor)
    session.add(row)
    session.flush()
    audit.record(session, ADDED, actor=actor,
                 detail={"entry_id": row.id, "category": category})  # fmt: skip
    log.info("keep list: entry %d added", row.id)
    return _entry(row), True


def remove(session: Session, text: str, actor: str = audit.DEFAULT_ACTOR) -> KeepEntry | None:
    """Take ``text`` off the list (matched folded); ``None`` if it was not on it."""
    _cleaned, folded = _clean_text(text)
    row = _active(session, folded)
    if row is None:
        return None
    row.removed_at = utcnow()
    row.removed_by = actor
    session.flush()
    audit.record(session, REMOVED, actor=actor,
                 detail={"entry_id": row.id, "category": row.category})  # fmt: skip
    log.info("keep list: entry %d removed", row.id)
    return _entry(row)


def is_kept(session: Session, text: str) -> bool:
    return _active(session, keep_key(text)) is not None
