"""Review decisions kept in the vault (RedactionDecision rows, one audit entry each)."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from nkcase.redaction.review import Decision
from nkcase.services import audit
from nkcase.vault.models import RedactionDecision

log = logging.getLogger(__name__)


def load_decisions(session: Session, case_id: int) -> list[Decision]:
    """The case's decisions, oldest first (a later decision overrides an earlier one)."""
    rows = session.scalars(
        select(RedactionDecision)
        .where(RedactionDecision.case_id == case_id)
        .order_by(RedactionDecision.created_at, RedactionDecision.id)
    )
    out = []
    for r in rows:
        if r.decision not in ("accept", "reject") or r.scope not in ("all", "span"):
            continue
        out.append(Decision(r.text, r.category, r.decision, r.scope, r.field_key,  # type: ignore[arg-type]
                            r.start, r.end, r.context))  # fmt: skip
    return out


def save_decision(
    session: Session, case_id: int, decision: Decision, actor: str = audit.DEFAULT_ACTOR
) -> int:
    """Store one decision and record it in the audit log (ids and category only, no text)."""
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
        "redaction_reviewed",
        case_id=case_id,
        actor=actor,
        detail={
            "decision_id": row.id,
            "decision": decision.decision,
            "scope": decision.scope,
            "category": decision.category,
            "field_key": decision.field_key,
        },
    )
    log.info("stored a redaction decision for case %d", case_id)
    return row.id
