"""Numbered units, distinctive proper nouns, head nouns and reworded events: both sides."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nkcase.redaction.api import Registry, build_registry, leak_check, redact_case
from nkcase.redaction.units import distinctive_words


def _case(terms: Sequence[tuple[str | None, str | None, str]], text: str, **extra: Any) -> dict:
    return {
        "interviewee": {"name": "Kim Myong Chol"},
        "sensitive_terms": [{"text": t, "text_ko": k, "category": c} for t, k, c in terms],
        "interviews": [{"id": 1, "narrative": text}],
        **extra,
    }


def _redact(terms: Sequence[tuple[str | None, str | None, str]], text: str, **extra: Any) -> str:
    return redact_case(_case(terms, text, **extra)).fields["interview/1/narrative"].redacted


STATION = [("No. 13 Logging Station", "13호 벌목소", "work_unit")]


def test_numbered_unit_shortened_and_by_number() -> None:
    text = (
        "Our site was called the No. 13 station, Tynda Number 13. 틴다 13호에서 일했다. 제13호도."
    )
    out = _redact(STATION, text)
    assert out == (
        "Our site was called the [work unit], Tynda [work unit]. 틴다 [work unit]에서 일했다. "
        "제[work unit]도."
    )


def test_a_bare_number_is_never_a_term() -> None:
    text = (
        "We worked 13 hours a day, 13 of us in one room, from 2013. Station life was hard; "
        "the station master was Russian. 13명이 13시간 일했고 113호와 13호실은 달랐다. "
        "No. 1 priority."
    )
    assert _redact(STATION, text) == text


def test_small_numbers_need_their_unit() -> None:
    terms = [("No. 1 Mine", "제1광산", "work_unit")]
    text = "No. 1 priority was the plan; number 1 was the minder. Then the No. 1 mine closed."
    assert _redact(terms, text) == (
        "No. 1 priority was the plan; number 1 was the minder. Then the [work unit] closed."
    )


def test_ordinal_brigade_in_both_scripts() -> None:
    terms = [("8th Construction Brigade", "제8건설려단", "work_unit")]
    text = "The 8th brigade, Brigade 8, 8려단과 8여단. On the 8th we left; 8월에 8명이 떠났다."
    assert _redact(terms, text) == (
        "The [work unit], [work unit], [work unit]과 [work unit]. "
        "On the 8th we left; 8월에 8명이 떠났다."
    )


def test_distinctive_word_alone_and_head_noun_substitution() -> None:
    terms = [("Changgol barracks", "장골 합숙소", "place")]
    text = (
        "We slept in the Changgol dormitory. The dormitory was cold. "
        "장골 숙소에서 잤다. 숙소는 추웠다."
    )
    assert _redact(terms, text) == (
        "We slept in the [place]. The dormitory was cold. [place]에서 잤다. 숙소는 추웠다."
    )


def test_shortened_forms_read_as_one_token() -> None:
    terms = [("Kumbit Seafood Team 3", "금빛수산 3작업반", "work_unit")]
    text = (
        "I was in Team 3 of Kumbit Seafood, Geumbit team three, 3작업반이라는 곳. Our team was big."
    )
    assert _redact(terms, text) == (
        "I was in [work unit], [work unit], [work unit]이라는 곳. Our team was big."
    )


def test_hangul_of_a_distinctive_word_comes_from_the_case() -> None:
    terms = [("Ryongak Overseas Construction Team 5", "룡악해외건설 5작업대", "work_unit")]
    text = (
        "Yongak Team 5, Ryong-ak team. 우리 단위는 용악 5작업대였다. "
        "우리 작업대는 컸다. 해외건설은 많다."
    )
    assert _redact(terms, text) == (
        "[work unit], [work unit]. 우리 단위는 [work unit]였다. "
        "우리 작업대는 컸다. 해외건설은 많다."
    )


def test_common_words_places_and_public_figures_are_not_distinctive() -> None:
    assert distinctive_words("Golden Star Mining Team 4") == []
    assert distinctive_words("Kim Il Sung University") == []
    assert distinctive_words("Dandong Hongxiang Garments") == ["Hongxiang"]
    assert distinctive_words("Hoeryong Textile Mill") == ["Hoeryong"]
    assert distinctive_words("North Hamgyong Construction Unit") == []
    assert distinctive_words("Changgol") == []  # a one-word term is a term already
    public = frozenset({"amur", "oblast"})
    assert distinctive_words("Amur Timber Detachment 4", public) == []


def test_deployment_place_stays() -> None:
    terms = [("Amur Timber Detachment 4", "아무르 4임업대", "work_unit")]
    deployments = [{"country": "RUS", "region": "Amur Oblast", "site": "logging camp"}]
    text = "We were the Amur Detachment 4 in Amur Oblast. Timber was everywhere. 4임업대에서."
    assert _redact(terms, text, deployments=deployments) == (
        "We were the [work unit] in Amur Oblast. Timber was everywhere. [work unit]에서."
    )


def test_events_reworded_but_not_their_words() -> None:
    terms = [
        ("the January 2024 dormitory protest", "2024년 1월 숙소 항의", "event"),
        ("the Block C dormitory fire", "C동 숙소 화재", "event"),
        ("the rollover at Kilometre 47", "47킬로 전복 사고", "event"),
    ]
    text = (
        "After the protest in January 2024 and the dormitory protest of January 2024, the fire "
        "in Block C and the km 47 crash, we left in January 2024. Block D burnt; a protest; "
        "we walked 47 km. 2024년 1월 항의가 있었다. C동 화재가 났다. 47킬로 사고. "
        "1월에 화재가 났다."
    )
    assert _redact(terms, text) == (
        "After the [event] and the [event], the [event] and the [event] crash, we left in "
        "January 2024. Block D burnt; a protest; we walked 47 km. [event]가 있었다. [event]가 "
        "났다. [event]. 1월에 화재가 났다."
    )


def test_a_name_shaped_term_is_a_person() -> None:
    terms = [("Ko Yong Dok", "고영덕", "other")]
    text = "The minder Ko Yong-dok watched us; Yong-dok never slept. Ko was a common name."
    assert _redact(terms, text) == (
        "The minder [other] watched us; [other] never slept. Ko was a common name."
    )


def test_leak_check_of_merged_registries_finds_shortened_forms() -> None:
    a = build_registry(_case(STATION, ""))
    b = build_registry(_case([("Kumbit Seafood Team 3", None, "work_unit")], ""))
    merged = Registry.merged([a, b])
    hits = leak_check({"a.txt": "the No. 13 station", "b.txt": "Team 3 of Kumbit Seafood"}, merged)
    assert sorted((h.place, h.category) for h in hits) == [
        ("a.txt", "work_unit"),
        ("b.txt", "work_unit"),
    ]
    assert [(m.start, m.end) for m in merged.find("Team 3 of Kumbit Seafood")] == [(0, 24)]


def test_hangul_only_unit_name() -> None:
    terms = [(None, "룡강건설 21작업반", "work_unit")]
    text = "용강에서 왔다. 룡강 사람들. 21작업반이었다. 건설은 힘들었다. 작업반은 컸다."
    assert _redact(terms, text) == (
        "[work unit]에서 왔다. [work unit] 사람들. [work unit]이었다. "
        "건설은 힘들었다. 작업반은 컸다."
    )
