"""nkcase.redaction.store: the one reading and writing of review decisions, on a real vault."""

from __future__ import annotations

import hashlib

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


# -- the keep list as decisions, and the proposal cache ----------------------------------------
def test_keep_list_comes_with_every_case_s_decisions_first(seeded_vault: Vault) -> None:
    from nkcase.services import keeplist

    own = Decision(SECRET, "name", "accept", "all")
    with seeded_vault.session() as session:
        save_decision(session, 1, own)
        keeplist.add(session, "Kim  Jong Un", "public")
    with seeded_vault.session() as session:
        kept = Decision("Kim Jong Un", "public", "reject", "keep")
        assert load_decisions(session, 1) == [kept, own]
        assert load_decisions(session, 2) == [kept]
        assert load_decisions(session, 1, keep_list=False) == [own]
        with pytest.raises(ValueError, match="keeplist"):
            save_decision(session, 1, kept)


def test_proposals_round_trip_per_text_and_finder_version(vault: Vault) -> None:
    from nkcase.redaction.detectors import FINDER_VERSION, Detection, detect
    from nkcase.redaction.store import ProposalCache, cached_proposals, store_proposals
    from nkcase.vault.models import RedactionProposal

    text = "My cousin Pak Yong Su called from 010-4417-2093."
    dets = [Detection(10, 21, "name", "test_rule"), Detection(34, 47, "phone", "phone_kr")]
    with vault.session() as session:
        assert cached_proposals(session, text) is None
        store_proposals(session, text, dets)
        store_proposals(session, text, dets[1:], version="0-old")
    with vault.session() as session:
        assert cached_proposals(session, text) == dets
        assert cached_proposals(session, text, "0-old") == dets[1:]
        assert cached_proposals(session, text + " ") is None  # another version of the text
        cache = ProposalCache(session)
        assert cache(text) == dets and cache("other") is None
        assert (cache.hits, cache.misses) == (1, 1)
        row = session.get(RedactionProposal, (hashlib.sha256(text.encode()).hexdigest(),
                                              FINDER_VERSION))  # fmt: skip
        assert row is not None and "Pak" not in str(row.detections)  # offsets, never the text
        store_proposals(session, text, detect(text))  # replaced, not duplicated
    with vault.session() as session:
        assert cached_proposals(session, text) == detect(text)


def test_a_damaged_cache_row_is_a_miss_not_a_wrong_redaction(vault: Vault) -> None:
    from nkcase.redaction.detectors import FINDER_VERSION
    from nkcase.redaction.store import cached_proposals, text_sha256
    from nkcase.vault.models import RedactionProposal

    text = "short text"
    for bad in ([[0, 99, "name", "r"]], [[3, 2, "name", "r"]], [["0", 4, "name", "r"]],
                [[0, 4, "name"]], {"a": 1}):  # fmt: skip
        with vault.session() as session:
            row = RedactionProposal(
                text_sha256=text_sha256(text), finder_version=FINDER_VERSION, detections=bad
            )
            session.merge(row)
        with vault.session() as session:
            assert cached_proposals(session, text) is None, bad
