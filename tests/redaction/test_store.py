"""nkcase.redaction.store: the one reading and writing of review decisions, on a real vault."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from nkcase.errors import CaseNotFound
from nkcase.redaction.review import Decision
from nkcase.redaction.store import AUDIT_ACTION, load_decisions, save_decision
from nkcase.vault.models import AuditEntry, RedactionDecision
from nkcase.vault.vault import Vault

SECRET = "Ri Sun Hui"


def test_round_trip_in_order_with_audit_entries_without_text(seeded_vault: Vault) -> None:
    first = Decision(SECRET, "name", "accept", "all")
    second = Decision(
        "010-4417-2093", "phone", "reject", "span", "interview/1/narrative", 5, 18, "ctx"
    )
    with seeded_vault.session() as session:
        ids = [save_decision(session, 1, d, actor="reviewer-1") for d in (first, second)]
    with seeded_vault.session() as session:
        assert load_decisions(session, 1) == [first, second]
        assert load_decisions(session, 2) == []
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == AUDIT_ACTION).order_by(AuditEntry.id)
        ).all()
    assert [e.detail["decision_id"] for e in entries] == ids
    assert [e.case_id for e in entries] == [1, 1] and entries[0].actor == "reviewer-1"
    assert entries[1].detail["field"] == "interview/1/narrative"
    assert all(SECRET not in str(e.detail) for e in entries)


def test_unknown_case_is_refused_with_a_clear_error(seeded_vault: Vault) -> None:
    with seeded_vault.session() as session, pytest.raises(CaseNotFound):
        save_decision(session, 9999, Decision(SECRET, "name", "accept"))


def test_damaged_rows_are_skipped_so_their_suggestions_stay_pending(seeded_vault: Vault) -> None:
    with seeded_vault.session() as session:
        session.add_all(
            [
                RedactionDecision(case_id=1, text=SECRET, category="name", decision="?",
                                  scope="all"),
                RedactionDecision(case_id=1, text=SECRET, category="name", decision="reject",
                                  scope="both"),
                RedactionDecision(case_id=1, text=SECRET, category="name", decision="reject",
                                  scope="span", field_key=None),
                RedactionDecision(case_id=1, text="Pak Chol", category="name",
                                  decision="accept", scope="all"),
            ]
        )  # fmt: skip
    with seeded_vault.session() as session:
        assert load_decisions(session, 1) == [Decision("Pak Chol", "name", "accept", "all")]
