"""Review decisions and the finder's cached proposals, kept in the vault.

The one place decisions are read and written: the CLI, the GUI review, the editor and the
packet exporter all go through ``load_decisions`` / ``save_decision``. ``load_decisions`` also
hands over the organisation's keep list (as "keep" decisions), so every reader of a case's
review state -- the review, the export check, the packet -- counts the same pending
suggestions.

Proposals (``redaction_proposals``) are cached per text hash and ``FINDER_VERSION``:
``store_proposals`` writes them, ``ProposalCache(session)`` is the ``detections`` provider the
engine takes (``None`` for a text not analysed yet: the engine then runs the finder itself).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from nkcase.errors import CaseNotFound
from nkcase.redaction.detectors import FINDER_VERSION, Detection
from nkcase.redaction.review import Decision, Scope, Verdict
from nkcase.services import audit
from nkcase.vault.models import Case, KeepListEntry, RedactionDecision, RedactionProposal

log = logging.getLogger(__name__)

AUDIT_ACTION = "redaction.reviewed"
_VERDICTS: dict[str, Verdict] = {"accept": "accept", "reject": "reject"}
_SCOPES: dict[str, Scope] = {"all": "all", "span": "span"}


def load_decisions(session: Session, case_id: int, keep_list: bool = True) -> list[Decision]:
    """The case's decisions, oldest first (a later decision overrides an earlier one), after
    the organisation's keep list as "keep" decisions (unless ``keep_list`` is false).

    A row with an unknown verdict or scope is skipped, never guessed at: its suggestion stays
    pending, so an export waits for a fresh review instead of keeping a name by mistake.
    """
    rows = session.scalars(
        select(RedactionDecision)
        .where(RedactionDecision.case_id == case_id)
        .order_by(RedactionDecision.created_at, RedactionDecision.id)
    )
    out = keep_decisions(session) if keep_list else []
    for r in rows:
        verdict, scope = _VERDICTS.get(r.decision), _SCOPES.get(r.scope)
        if verdict is None or scope is None:
            log.warning("redaction decision %d has an unknown verdict or scope; skipped", r.id)
            continue
        try:
            out.append(Decision(r.text, r.category, verdict, scope, r.field_key,
                                r.start, r.end, r.context))  # fmt: skip
        except ValueError:  # a span decision without its field
            log.warning("redaction decision %d is incomplete; skipped", r.id)
    return out


def save_decision(
    session: Session, case_id: int, decision: Decision, actor: str = audit.DEFAULT_ACTOR
) -> int:
    """Store one decision and record it in the audit log (ids and category only, no text)."""
    if decision.scope == "keep":
        raise ValueError("keep-list entries are stored by nkcase.services.keeplist")
    if session.get(Case, case_id) is None:
        raise CaseNotFound(f"There is no case {case_id}.")
    row = RedactionDecision(
        case_id=case_id,
        field_key=decision.field_key,
        text=decision.text,
        category=decision.category,
        decision=decision.decision,
        scope=decision.scope,
        start=decision.start,
        end=decision.end,
        context=decision.context,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        AUDIT_ACTION,
        case_id=case_id,
        actor=actor,
        detail={
            "decision_id": row.id,
            "decision": decision.decision,
            "scope": decision.scope,
            "category": decision.category,
            # "field", as in every audit entry about a text (the packet custody log reads it)
            "field": decision.field_key,
        },
    )
    log.info("stored a redaction decision for case %d", case_id)
    return row.id


def keep_decisions(session: Session) -> list[Decision]:
    """The keep list's current entries as "keep" decisions (oldest first)."""
    rows = session.scalars(
        select(KeepListEntry)
        .where(KeepListEntry.removed_at.is_(None))
        .order_by(KeepListEntry.added_at, KeepListEntry.id)
    )
    return [Decision(r.text, r.category, "reject", "keep") for r in rows]


# -- proposals cached per text version ------------------------------------------------------------
def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rows(detections: Iterable[Detection]) -> list[list[object]]:
    return [[d.start, d.end, d.category, d.rule] for d in detections]


def _detections(rows: object, length: int) -> list[Detection] | None:
    """Rows read back; ``None`` (not cached) if any row is malformed or out of the text."""
    if not isinstance(rows, list):
        return None
    out: list[Detection] = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 4):
            return None
        start, end, category, rule = row
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length):
            return None
        if not (isinstance(category, str) and isinstance(rule, str)):
            return None
        out.append(Detection(start, end, category, rule))
    return out


def store_proposals(
    session: Session, text: str, detections: Sequence[Detection], version: str = FINDER_VERSION
) -> None:
    """Cache the finder's proposals for ``text`` (replacing any cached for the same version)."""
    key = (text_sha256(text), version)
    row = session.get(RedactionProposal, key)
    if row is None:
        session.add(RedactionProposal(text_sha256=key[0], finder_version=version,
                                      detections=_rows(detections)))  # fmt: skip
    else:
        row.detections = _rows(detections)
    session.flush()


def cached_proposals(
    session: Session, text: str, version: str = FINDER_VERSION
) -> list[Detection] | None:
    """The cached proposals for ``text``, or ``None`` if it was not analysed by this version."""
    row = session.get(RedactionProposal, (text_sha256(text), version))
    return None if row is None else _detections(row.detections, len(text))


class ProposalCache:
    """The engine's ``detections`` provider over one open session: text -> cached or None."""

    def __init__(self, session: Session, version: str = FINDER_VERSION) -> None:
        self.session = session
        self.version = version
        self.hits = 0
        self.misses = 0

    def __call__(self, text: str) -> list[Detection] | None:
        found = cached_proposals(self.session, text, self.version)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found
