"""Structured edits: validated like a case file, versioned, audited, summary kept current."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from nkcase.errors import CaseNotFound, InvalidEdit
from nkcase.services import audit, cases, editing
from nkcase.vault.models import AuditEntry, Case
from nkcase.vault.vault import Vault


def _new(vault: Vault) -> int:
    with vault.session() as s:
        return editing.create_case(
            s, name="Han Chol Jin", interview_date="2026-10", language="en"
        ).id


def _dict(vault: Vault, case_id: int) -> dict:
    with vault.session() as s:
        return cases.case_to_dict(cases.find_case(s, str(case_id)))


def _actions(vault: Vault, case_id: int) -> list[str]:
    with vault.session() as s:
        return [e["action"] for e in editing.audit_trail(s, case_id)]


def test_create_case_has_a_sealed_identity_and_an_empty_interview(vault: Vault) -> None:
    case_id = _new(vault)
    d = _dict(vault, case_id)
    assert d["interviewee"]["name"] == "Han Chol Jin"
    assert d["pseudonym"].startswith("W-")
    assert len(d["interviews"]) == 1 and d["interviews"][0]["narrative"] == ""
    assert d["consent"]["interview"] is False and d["consent"]["share_with"] == []
    assert _actions(vault, case_id) == ["case.created"]
    with vault.session() as s, pytest.raises(InvalidEdit, match=r"interviewee\.name"):
        editing.create_case(s, name="  ")


def test_narrative_versions_are_kept_and_audited_without_text(vault: Vault) -> None:
    case_id = _new(vault)
    iv = _dict(vault, case_id)["interviews"][0]["id"]
    key = f"interview/{iv}/narrative"
    with vault.session() as s:
        assert editing.save_texts(s, case_id, {key: "First draft."}) == [key]
    with vault.session() as s:
        assert editing.save_texts(s, case_id, {key: "First draft."}) == []  # unchanged: no-op
        editing.save_texts(s, case_id, {key: "Second draft, longer."})
    with vault.session() as s:
        versions = editing.text_versions(s, case_id, key)
        assert [v["text"] for v in versions] == ["First draft.", "Second draft, longer."]
        assert editing.read_text(s, case_id, key) == "Second draft, longer."
        trail = editing.audit_trail(s, case_id)
        assert [e["action"] for e in trail].count("text.edited") == 2
        assert all("draft" not in str(e["detail"]) for e in trail)
        assert audit.verify_chain(s).problems == []


def test_relatives_keep_their_letter_and_unknown_fields_are_refused(vault: Vault) -> None:
    case_id = _new(vault)
    with vault.session() as s:
        a = editing.add_relative(s, case_id, {"relation": "wife", "name": "Ri Sun Hui"})
        b = editing.add_relative(s, case_id, {"relation": "son", "name_ko": "한성일"})
        editing.remove_relative(s, case_id, a)
        c = editing.add_relative(s, case_id, {"relation": "mother", "name": "Pak Ok Nyo"})
    rels = {r["id"]: r["pseudonym"] for r in _dict(vault, case_id)["relatives"]}
    assert rels == {b: "Relative B (son)", c: "Relative C (mother)"}
    with vault.session() as s:
        with pytest.raises(InvalidEdit, match=r"relative\.relation"):
            editing.add_relative(s, case_id, {"name": "No Relation"})
        with pytest.raises(InvalidEdit, match="not a field"):
            editing.update_relative(s, case_id, b, {"nickname": "x"})
        with pytest.raises(CaseNotFound):
            editing.update_relative(s, case_id, 99999, {"relation": "x"})
        editing.update_relative(s, case_id, b, {"location": "Hoeryong"})
    assert _dict(vault, case_id)["relatives"][0]["location"] == "Hoeryong"
    assert "relative.removed" in _actions(vault, case_id)


def test_identity_edits_validate_and_never_log_values(vault: Vault) -> None:
    case_id = _new(vault)
    with vault.session() as s:
        editing.update_identity(
            s, case_id, {"name_ko": "한철진", "birth_date": "1970-03", "aliases": ["Han Cholchin"]}
        )
        with pytest.raises(InvalidEdit, match="birth_date") as err:
            editing.update_identity(s, case_id, {"birth_date": "March 1970"})
        assert "March" not in str(err.value)
        with pytest.raises(InvalidEdit, match="name"):
            editing.update_identity(s, case_id, {"name": "", "name_ko": ""})
    d = _dict(vault, case_id)
    assert d["interviewee"]["name_ko"] == "한철진" and d["interviewee"]["aliases"] == [
        "Han Cholchin"
    ]
    with vault.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "identity.edited")).one()
        assert entry.detail == {"fields": ["aliases", "birth_date", "name_ko"]}


def test_deployment_with_wages_updates_the_case_list_summary(vault: Vault) -> None:
    case_id = _new(vault)
    with vault.session() as s:
        dep = editing.add_deployment(
            s,
            case_id,
            {
                "country": "rus",
                "sector": "logging",
                "start": "2015-03",
                "end": "2018-11",
                "wage_promised": {"amount": 2000, "currency": "usd", "per": "month"},
                "wage_received": {"amount": 160, "currency": "USD", "per": "month"},
                "hours_per_day": 16,
                "passport_held_by": "minder",
            },
        )
        with pytest.raises(InvalidEdit, match=r"deployment\.end"):
            editing.update_deployment(s, case_id, dep, {"end": "2010"})
    with vault.session() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert (case.countries, case.sectors, case.period_start) == ("RUS", "logging", "2015-03")
        editing.update_deployment(s, case_id, dep, {"sector": "construction", "end": None})
    d = _dict(vault, case_id)["deployments"][0]
    assert d["wage_promised"] == {"amount": 2000, "currency": "USD", "per": "month"}
    assert d["sector"] == "construction" and d["end"] is None
    assert editing.share_withheld(d["wage_promised"], d["wage_received"]) == 0.92
    assert editing.share_withheld(d["wage_promised"], {**d["wage_received"], "per": "day"}) is None


def test_indicator_evidence_is_a_versioned_text(vault: Vault) -> None:
    case_id = _new(vault)
    with vault.session() as s:
        ind = editing.add_indicator(s, case_id, "withholding_of_wages", "They took it all.")
        with pytest.raises(InvalidEdit):
            editing.add_indicator(s, case_id, "not_an_indicator")
    key = f"indicator/{ind}/evidence"
    with vault.session() as s:
        editing.save_texts(s, case_id, {key: "They took almost all of it."})
    with vault.session() as s:
        assert [v["text"] for v in editing.text_versions(s, case_id, key)] == [
            "They took it all.",
            "They took almost all of it.",
        ]
        assert s.get(Case, case_id).indicator_codes == "withholding_of_wages"  # type: ignore[union-attr]
        editing.remove_indicator(s, case_id, ind)
        assert s.get(Case, case_id).indicator_codes == ""  # type: ignore[union-attr]


def test_consent_gates_and_withdrawal(vault: Vault) -> None:
    case_id = _new(vault)
    with vault.session() as s:
        editing.update_consent(
            s,
            case_id,
            {"interview": True, "storage": True, "share_with": ["sr_slavery", "ohchr_seoul"]},
        )
        with pytest.raises(InvalidEdit, match="share_with"):
            editing.update_consent(s, case_id, {"share_with": ["panel_of_experts"]})
        with pytest.raises(InvalidEdit, match="withdrawn_on"):
            editing.update_consent(s, case_id, {"withdrawn_on": "2026-11-01"})
        case = s.get(Case, case_id)
        assert case is not None and case.targets == "ohchr_seoul,sr_slavery"
        with pytest.raises(InvalidEdit):
            editing.withdraw_consent(s, case_id, "yesterday")
        editing.withdraw_consent(s, case_id, "2026-11-02")
    d = _dict(vault, case_id)
    assert d["consent"]["withdrawn_on"] == "2026-11-02"
    with vault.session() as s:
        assert s.get(Case, case_id).withdrawn is True  # type: ignore[union-attr]
    assert _actions(vault, case_id)[-1] == "consent.withdrawn"


def test_terms_and_interviews(vault: Vault) -> None:
    case_id = _new(vault)
    with vault.session() as s:
        t = editing.add_term(
            s, case_id, {"text": "8th Construction Brigade", "category": "work_unit"}
        )
        with pytest.raises(InvalidEdit, match="category"):
            editing.update_term(s, case_id, t, {"category": "weather"})
        iv = editing.add_interview(s, case_id, {"date": "2026-10-02", "language": "ko"})
        editing.update_interview(s, case_id, iv, {"place": "Seoul", "translation_language": "en"})
        editing.save_texts(s, case_id, {f"interview/{iv}/translation": "The translation."})
        with pytest.raises(InvalidEdit):
            editing.save_texts(s, case_id, {"identity/1/name": "x"})
    d = _dict(vault, case_id)
    assert d["sensitive_terms"][0]["text"] == "8th Construction Brigade"
    assert d["interviews"][1]["place"] == "Seoul"
    assert d["interviews"][1]["translation"] == {"language": "en", "text": "The translation."}


def _versions(vault: Vault, case_id: int, key: str) -> list[tuple[str, str]]:
    with vault.session() as s:
        return [(v["text"], v["action"]) for v in editing.text_versions(s, case_id, key)]


def test_identity_edits_keep_every_earlier_value(vault: Vault) -> None:
    case_id = _new(vault)
    with vault.session() as s:
        editing.update_identity(s, case_id, {"name": "Han Cheol-jin", "phone": "+82 10 1"})
        editing.update_identity(s, case_id, {"name": "Han Chol-jin", "aliases": ["H. C. J."]})
    assert _versions(vault, case_id, "identity/name") == [
        ("Han Chol Jin", "recorded"),  # the value before the first edit
        ("Han Cheol-jin", "edited"),
        ("Han Chol-jin", "edited"),
    ]
    assert _versions(vault, case_id, "identity/phone") == [("+82 10 1", "edited")]
    assert _versions(vault, case_id, "identity/aliases") == [('["H. C. J."]', "edited")]
    with vault.session() as s:
        assert "identity/name" in editing.versioned_fields(s, case_id)
        # The audit log still holds field names only, never the values.
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "identity.edited"))
        assert all("Han" not in str(e.detail) for e in entries)
        with pytest.raises(InvalidEdit):
            editing.text_versions(s, case_id, "identity/no_such_field")


def test_relative_term_and_deployment_edits_and_removals_keep_versions(vault: Vault) -> None:
    case_id = _new(vault)
    with vault.session() as s:
        rel = editing.add_relative(s, case_id, {"relation": "wife", "name": "Ri Sun Hui"})
        term = editing.add_term(s, case_id, {"text": "8th Brigade", "category": "work_unit"})
        dep = editing.add_deployment(s, case_id, {"country": "RUS", "employer": "Tynda Timber"})
    with vault.session() as s:
        editing.update_relative(s, case_id, rel, {"name": "Ri Sun-hui", "name_ko": "리순희"})
        editing.update_term(s, case_id, term, {"text": "Eighth Brigade"})
        editing.update_deployment(s, case_id, dep, {"employer": "Amur Timber"})
    assert _versions(vault, case_id, f"relative/{rel}/name") == [
        ("Ri Sun Hui", "recorded"),
        ("Ri Sun-hui", "edited"),
    ]
    assert _versions(vault, case_id, f"relative/{rel}/name_ko") == [("리순희", "edited")]
    assert _versions(vault, case_id, f"term/{term}/text") == [
        ("8th Brigade", "recorded"),
        ("Eighth Brigade", "edited"),
    ]
    assert _versions(vault, case_id, f"deployment/{dep}/employer") == [
        ("Tynda Timber", "recorded"),
        ("Amur Timber", "edited"),
    ]
    with vault.session() as s:
        editing.remove_relative(s, case_id, rel)
        editing.remove_term(s, case_id, term)
        editing.remove_deployment(s, case_id, dep)
    # A removal keeps a last version of each non-empty field.
    assert _versions(vault, case_id, f"relative/{rel}/name")[-1] == ("Ri Sun-hui", "removed")
    assert _versions(vault, case_id, f"relative/{rel}/relation") == [("wife", "removed")]
    assert _versions(vault, case_id, f"relative/{rel}/location") == []
    assert _versions(vault, case_id, f"term/{term}/text")[-1] == ("Eighth Brigade", "removed")
    assert _versions(vault, case_id, f"deployment/{dep}/country") == [("RUS", "removed")]
    with vault.session() as s:
        details = [e["detail"] for e in editing.audit_trail(s, case_id)]
        assert not any(w in str(details) for w in ("Ri Sun", "Brigade", "Timber", "리순희"))
        assert audit.verify_chain(s).problems == []
        # Names stay out of the search index: no search finds the case by a relative's name.
        from nkcase.services import search

        assert search.search(s, "Sun-hui", search.Filters()) == []
