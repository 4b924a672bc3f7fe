"""Review decisions kept in the vault (RedactionDecision rows, one audit entry each).

The one place decisions are read and written: the CLI, the GUI review, the editor and the
packet exporter all go through ``load_decisions`` / ``save_decision``.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from nkcase.errors import CaseNotFound
from nkcase.redaction.review import Decision, Scope, Verdict
from nkcase.services import audit
from nkcase.vault.models import Case, RedactionDecision

log = logging.getLogger(__name__)

AUDIT_ACTION = "redaction.reviewed"
_VERDICTS: dict[str, Verdict] = {"accept": "accept", "reject": "reject"}
_SCOPES: dict[str, Scope] = {"all": "all", "span": "span"}


def load_decisions(session: Session, case_id: int) -> list[Decision]:
    """The case's decisions, oldest first (a later decision overrides an earlier one).

    A row with an unknown verdict or scope is skipped, never guessed at: its suggestion stays
    pending, so an export waits for a fresh review instead of keeping a name by mistake.
    """
    rows = session.scalars(
        select(RedactionDecision)
        .where(RedactionDecision.case_id == case_id)
        .order_by(RedactionDecision.created_at, RedactionDecision.id)
    )
    out = []
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
