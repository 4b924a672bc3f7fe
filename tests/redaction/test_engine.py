"""Redaction, review decisions and the leak check, end to end on plain case dicts."""

from __future__ import annotations

import copy
import json
from typing import Any

from nkcase.redaction.api import (
    Decision,
    build_registry,
    decide,
    leak_check,
    redact_case,
)

NARRATIVE = (
    "Kim Myong Chol left Hoeryong with the 8th Construction Brigade. "
    "Myong-chol's wife Lee Sun-hee stayed. Song-il cried. My friend Pak Chol called "
    "010-9999-8888. Pak Chol was kind."
)
TRANSLATION = "김명철은 회령을 떠났다. 리순희는 남았다. 동생 철남이가 울었다."
CASE: dict[str, Any] = {
    "ref": "NGO-2026-0007",
    "interviewee": {
        "name": "Kim Myong Chol",
        "name_ko": "김명철",
        "hometown": "Hoeryong, North Hamgyong",
        "phone": "+82 10-1234-5678",
    },
    "relatives": [
        {"relation": "wife", "name": "Ri Sun Hui", "name_ko": "리순희"},
        {"relation": "son", "name": "Kim Song Il", "name_ko": "김성일",
         "pseudonym": "Relative B (son)"},
    ],
    "sensitive_terms": [{"text": "8th Construction Brigade", "category": "work_unit"}],
    "interviews": [
        {"id": 7, "narrative": NARRATIVE, "translation": {"language": "ko", "text": TRANSLATION}}
    ],
    "indicators": [{"id": 3, "code": "x", "evidence": "Myung-chul Kim was never paid."}],
}  # fmt: skip
NARR = "interview/7/narrative"
TRANS = "interview/7/translation"


def test_tokens_and_same_person_same_token() -> None:
    r = redact_case(CASE)
    text = r.fields[NARR].redacted
    assert text.startswith(
        "[the witness] left [hometown] with the [work unit]. [the witness]'s wife"
    )
    assert "[Relative A (wife)] stayed. [Relative B (son)] cried." in text
    assert r.fields["indicator/3/evidence"].redacted == "[the witness] was never paid."
    # Only "Hoeryong" is registered: its Hangul spelling is derived (회령을 -> [hometown]을).
    assert r.fields[TRANS].redacted.startswith("[the witness]은 [hometown]을 떠났다.")
    assert "[Relative A (wife)]는" in r.fields[TRANS].redacted


def test_original_case_is_not_altered() -> None:
    before = copy.deepcopy(CASE)
    redact_case(CASE)
    assert before == CASE


def test_suggestions_stay_pending_until_reviewed() -> None:
    r = redact_case(CASE)
    pending = {(k, s.text, s.category) for k, s in r.pending}
    assert (NARR, "Pak Chol", "name") in pending
    assert (NARR, "010-9999-8888", "phone") in pending
    assert (TRANS, "철남", "name") in pending
    assert "Pak Chol" in r.fields[NARR].redacted  # not applied without review


def test_accept_all_occurrences_and_reject_one() -> None:
    r = redact_case(CASE)
    pak = next(s for k, s in r.pending if s.text == "Pak Chol")
    phone = next(s for k, s in r.pending if s.category == "phone")
    decisions = [decide(pak, "accept"), decide(phone, "reject", scope="span", field_key=NARR,
                                                original=r.fields[NARR].original)]  # fmt: skip
    r2 = redact_case(CASE, decisions)
    text = r2.fields[NARR].redacted
    assert "Pak Chol" not in text and text.count("[name]") == 2
    assert "010-9999-8888" in text
    statuses = {s.text: s.status for s in r2.fields[NARR].spans if s.source != "registry"}
    assert statuses["010-9999-8888"] == "rejected"
    assert all(s.text != "Pak Chol" for _k, s in r2.pending)


def test_span_decision_survives_edit_to_unrelated_text() -> None:
    r = redact_case(CASE)
    phone = next(s for k, s in r.pending if s.category == "phone")
    d = decide(phone, "accept", scope="span", field_key=NARR, original=r.fields[NARR].original)
    edited = copy.deepcopy(CASE)
    edited["interviews"][0]["narrative"] = "It was cold. " + CASE["interviews"][0]["narrative"]
    r2 = redact_case(edited, [d])
    assert "[phone number]" in r2.fields[NARR].redacted
    assert all(s.category != "phone" for _k, s in r2.pending)


def test_decision_round_trips_as_plain_data() -> None:
    d = Decision("Pak Chol", "name", "accept", "span", NARR, 10, 18, "ctx")
    assert "Pak Chol" not in repr(d)
    assert Decision(**{k: getattr(d, k) for k in d.__dataclass_fields__}) == d


def test_log_counts_without_removed_text() -> None:
    r = redact_case(CASE)
    log = json.dumps(r.log(), ensure_ascii=False)
    assert r.log()["fields"][NARR]["by_rule"]["registry:witness_name"] == 2
    for secret in ("Myong", "Hoeryong", "Sun", "Pak", "010", "김명철", "리순희"):
        assert secret not in log
    assert r.counts()["registry:relative_name"][NARR] == 2


def test_leak_check_finds_variants_and_reports_place() -> None:
    reg = build_registry(CASE)
    hits = leak_check(
        {"a.txt": "clean [the witness] text", "b.txt": "x Myeongcheol's y 이순희가"}, reg
    )
    assert [(h.place, h.offset, h.category) for h in hits] == [
        ("b.txt", 2, "witness_name"), ("b.txt", 18, "relative_name")
    ]  # fmt: skip
    assert "Myeongcheol" not in hits[0].describe() and "Myeongcheol" not in repr(hits[0])


def test_redacted_output_passes_leak_check() -> None:
    r = redact_case(CASE)
    assert leak_check({k: f.redacted for k, f in r.fields.items()}, r.registry) == []
