"""One normalisation for the registry, the leak check and the detectors (issue 9, item 2):
every spelling the adversarial review got past the matcher, at the registry and engine level."""

from __future__ import annotations

from typing import Any

import pytest

from nkcase.redaction import normalize
from nkcase.redaction.api import (
    Decision,
    build_registry,
    decide,
    detect,
    leak_check,
    redact_case,
    redact_text,
    structured_fields,
    text_fields,
)
from nkcase.redaction.normalize import on_clean, projections


def _case() -> dict[str, Any]:
    """The reviewed seed's shape: witness Choe Kwang Su of Musan, wife Ri Sun Ok (리순옥)."""
    return {
        "pseudonym": "W-TEST",
        "interviewee": {
            "name": "Choe Kwang Su",
            "name_ko": "최광수",
            "hometown": "Musan, North Hamgyong",
            "hometown_ko": "함경북도 무산군",
        },
        "relatives": [
            {"relation": "wife", "name": "Ri Sun Ok", "name_ko": "리순옥", "location": "Musan"},
            {"relation": "father", "name": "Kim Jong Un", "name_ko": "김정은"},
            {"relation": "uncle", "name_ko": "황철수"},
            {"relation": "aunt", "name_ko": "최영희"},
        ],
        "deployments": [
            {"country": "RU", "region": "Amur Oblast", "passport_held_by": "minder"},
        ],
        "interviews": [{"id": 1, "narrative": "x"}],
    }


# (text, the part that must be redacted, registry category)
SPELLINGS = [
    ("My wife Ｓｕｎ－ｏｋ stayed.", "Ｓｕｎ－ｏｋ", "relative_name"),
    ("We left Ｍｕｓａｎ at night.", "Ｍｕｓａｎ", "hometown"),
    ("We left Mu-\nsan at night.", "Mu-\nsan", "hometown"),
    ("아내 리순\n옥이는 남았다.", "리순\n옥", "relative_name"),
    ("우리는 무\n산에서 떠났다.", "무\n산", "hometown"),
    ("Жена Ри Сун Ок осталась дома.", "Ри Сун Ок", "relative_name"),
    ("Письмо от Ри Сун Ока пришло.", "Ри Сун Ока", "relative_name"),
    ("Отец Ким Чен Ын работал.", "Ким Чен Ын", "relative_name"),
    ("Дядя Хван Чхоль Су уехал.", "Хван Чхоль Су", "relative_name"),
    ("Тётя Цой Ён Хи жила там.", "Цой Ен Хи", "relative_name"),
    ("Мы уехали из Мусана.", "Мусана", "hometown"),
    ("妻 李順玉은 남았다.", "李順玉", "relative_name"),
    ("고향은 茂山이다.", "茂山", "hometown"),
    ("我在茂山郡工作", "茂山郡", "hometown"),
    ("아내李順玉", "李順玉", "relative_name"),
    ("父 金正恩", "金正恩", "relative_name"),
    ("아내 리 순 옥이 남았다.", "리 순 옥", "relative_name"),
    ("My wife Sun·ok stayed.", "Sun·ok", "relative_name"),
    ("아내 리·순·옥이 남았다.", "리·순·옥", "relative_name"),
    ("My wife RiSunOk stayed.", "RiSunOk", "relative_name"),
    ("My wife ＲｉＳｕｎＯｋ stayed.", "ＲｉＳｕｎＯｋ", "relative_name"),
    ("We lived in MusanCounty then.", "Musan", "hometown"),  # "County" is not registered
    ("We left Mu\u200bsan at night.", "Mu\u200bsan", "hometown"),
    ("My wife Sun\u00adok stayed.", "Sun\u00adok", "relative_name"),
    ("We left Mu\ufeffsan at night.", "Mu\ufeffsan", "hometown"),
]


@pytest.mark.parametrize(("text", "part", "category"), SPELLINGS)
def test_registry_finds_every_spelling(text: str, part: str, category: str) -> None:
    text = text.replace("Цой Ен Хи", "Цой Ён Хи")
    part = part.replace("Цой Ен Хи", "Цой Ён Хи")
    reg = build_registry(_case())
    found = [(text[m.start : m.end], reg.terms[m.term].category) for m in reg.find(text)]
    assert (part, category) in found


@pytest.mark.parametrize(("text", "part", "category"), SPELLINGS)
def test_engine_redacts_and_leak_check_sees_every_spelling(
    text: str, part: str, category: str
) -> None:
    text = text.replace("Цой Ен Хи", "Цой Ён Хи")
    part = part.replace("Цой Ен Хи", "Цой Ён Хи")
    reg = build_registry(_case())
    redacted = redact_text(text, reg).redacted
    assert part not in redacted
    assert leak_check({"f": text}, reg) and not leak_check({"f": redacted}, reg)


@pytest.mark.parametrize(
    "text",
    [
        "Sunday and the sun rose over the county.",
        "무산소 운동을 했다.",  # 무산 inside another word
        "아무 산에도 가지 않았다.",  # 무 + 산 across two words, not the place
        "Ри Сунгмин пришёл.",  # not Ri Sun Ok
        "We met in Moscow; MacDonald was there.",
        "李明博",  # another name in Hanja
    ],
)
def test_no_false_hits(text: str) -> None:
    reg = build_registry(_case())
    assert [text[m.start : m.end] for m in reg.find(text)] == []


def test_spans_point_into_the_original() -> None:
    text = "Ｍｕｓａｎ, RiSunOk, 李順玉, Mu-\n san, 리·순\u200b옥"
    for proj in projections(text):
        for i in range(len(proj.text)):
            s, e = proj.span(i, i + 1)
            assert 0 <= s <= e <= len(text)
    reg = build_registry(_case())
    parts = [text[m.start : m.end] for m in reg.find(text)]
    assert parts == ["Ｍｕｓａｎ", "RiSunOk", "李順玉", "Mu-\n san", "리·순\u200b옥"]


def test_projection_forms() -> None:
    assert normalize.folded("Ｓｕｎ－ｏｋ").text == "sun-ok"
    assert normalize.folded("Mu-\nsan").text == "musan"
    assert normalize.folded("무-\n산").text == "무산"
    assert normalize.folded("Sun\u00adok Mu\u200bsan").text == "sunok musan"
    assert normalize.folded("리·순·옥 Sun·ok").text == "리 순 옥 sun-ok"
    assert normalize.folded("ㅋㅋ 리순옥").text == "ㅋㅋ 리순옥"  # compatibility jamo kept
    assert [p.text for p in normalize.alternatives("RiSunOk 金正恩이")] == [
        "ri sun ok 금 정 은 이",
        "ri sun ok 김 정 은 이",
    ]
    assert normalize.alternatives("plain text, 리순옥") == []
    assert normalize.clean("Ｍｕｓａｎ Mu-\nsan").text == "Musan Musan"


def test_detectors_see_the_clean_projection() -> None:
    text = "Call 010\u200b-4417-2093 or ０１０-５５５１-２０９３."
    found = [(text[d.start : d.end], d.category) for d in on_clean(text, detect)]
    assert ("010\u200b-4417-2093", "phone") in found
    assert ("０１０-５５５１-２０９３", "phone") in found


def test_structured_fields_are_reviewed() -> None:
    case = _case()
    case["deployments"] = [
        {"country": "RU", "region": "Camp of Pak Yong Chol, Amur Oblast",
         "passport_held_by": "+7 914 555 20 93",
         "wage_promised": {"amount": 300, "currency": "USD", "per": "month"}},
        {"country": "RU", "region": None, "passport_held_by": "minder"},
    ]  # fmt: skip
    fields = structured_fields(case)
    assert fields == {
        "deployment/1/region": "Camp of Pak Yong Chol, Amur Oblast",
        "deployment/1/passport_held_by": "+7 914 555 20 93",
    }
    assert set(fields) <= set(text_fields(case))
    result = redact_case(case)
    pending = {(k, s.category, s.text) for k, s in result.pending}
    assert ("deployment/1/passport_held_by", "phone", "+7 914 555 20 93") in pending
    assert any(k == "deployment/1/region" and c == "name" for k, c, _t in pending), pending
    decisions = [Decision(t, c, "accept") for _k, c, t in pending]
    done = redact_case(case, decisions)
    assert not done.pending
    assert "914" not in done.fields["deployment/1/passport_held_by"].redacted
    assert "Pak Yong Chol" not in done.fields["deployment/1/region"].redacted


def test_registered_term_in_region_is_redacted() -> None:
    case = _case()
    case["deployments"][0]["region"] = "Musan County"
    result = redact_case(case)
    assert result.fields["deployment/1/region"].redacted == "[hometown] County"


def test_cyrillic_of_a_name_registered_only_in_latin_letters() -> None:
    case = {"interviewee": {"name": "Kim Myong Chol"},
            "relatives": [{"relation": "uncle", "name": "Choe Chol-su"}]}  # fmt: skip
    reg = build_registry(case)
    for text in ("Дядя Цой Чхоль Су уехал.", "Дядя Чхве Чхольсу уехал.", "Ким Мён Чхоль"):
        assert [m for m in reg.find(text)], text


def test_a_span_decision_on_a_structured_field() -> None:
    case = _case()
    case["deployments"][0]["region"] = "Farm of Pak Yong Chol"
    [(key, span)] = [(k, s) for k, s in redact_case(case).pending if k.startswith("deployment/")]
    assert key == "deployment/1/region"
    decisions = [decide(span, "reject", scope="span", field_key=key,
                        original=case["deployments"][0]["region"])]  # fmt: skip
    done = redact_case(case, decisions)
    assert not done.pending and done.fields[key].redacted == "Farm of Pak Yong Chol"


def test_two_syllables_apart_only_across_a_line_break_or_a_dot() -> None:
    case = {"interviewee": {"name_ko": "김명철", "hometown_ko": "함경남도 단천시"},
            "relatives": [{"relation": "son", "name_ko": "최성일"}]}  # fmt: skip
    reg = build_registry(case)
    for text in ("겨우 단 천 원을 받았다.", "그 성 일을 했다."):  # "only 1,000 won"; words
        assert [text[m.start : m.end] for m in reg.find(text)] == [], text
    for text, part in (("우리는 단\n천에서 왔다.", "단\n천"), ("단·천", "단·천"),
                       ("아들 성\n일이가 왔다.", "성\n일")):  # fmt: skip
        assert [text[m.start : m.end] for m in reg.find(text)] == [part], text
