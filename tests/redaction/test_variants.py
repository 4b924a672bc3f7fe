"""Spelling variants fire on the registered person and on nobody else (both sides tested)."""

from __future__ import annotations

import pytest

from nkcase.redaction.api import build_registry
from nkcase.redaction.registry import Registry
from nkcase.redaction.romanization import parse_word

CASE = {
    "interviewee": {
        "name": "Kim Myong Chol",
        "name_ko": "김명철",
        "hometown_ko": "함경북도 회령시",
    },
    "relatives": [
        {"relation": "wife", "name": "Ri Sun Hui", "name_ko": "리순희"},
        {"relation": "son", "name": "Kim Song Il", "name_ko": "김성일"},
        {"relation": "daughter", "name": "Pak Kyong Mi", "name_ko": "박경미"},
        {"relation": "brother", "name": "Kim Chol"},
    ],
}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return build_registry(CASE)


def found(registry: Registry, text: str) -> list[str]:
    return [text[m.start : m.end] for m in registry.find(text)]


@pytest.mark.parametrize(
    "written",
    ["Myong Chol", "Myong-chol", "Myeong-cheol", "Myeongcheol", "Myung-chul", "Myŏngch'ŏl",
     "MYONG CHOL", "Kim Myong Chol", "Myong Chol Kim", "Gim Myeong-cheol", "Kim, Myong Chol",
     "Myo\u0306ngch'o\u0306l"],
)  # fmt: skip
def test_given_name_spellings_match(registry: Registry, written: str) -> None:
    text = f"Then {written} said no."
    assert found(registry, text) == [written]


def test_possessive_keeps_the_s_outside(registry: Registry) -> None:
    assert found(registry, "Myong-chol's wife") == ["Myong-chol"]


@pytest.mark.parametrize(
    "surname",
    ["Lee", "Yi", "I", "Rhee", "Ri", "Rhie", "Li"],
)
def test_surname_table_spellings(registry: Registry, surname: str) -> None:
    assert found(registry, f"{surname} Sun-hui came") == [f"{surname} Sun-hui"]


@pytest.mark.parametrize(
    "text",
    ["Kim Il Sung", "Kim Jong Un", "Kim Min-jun", "Kim Jong Il", "the Chollima movement",
     "Mr. Kim and Mr. Park", "a man named Kim", "Pak Song Il", "Lee Min-ho", "Sun and song"],
)  # fmt: skip
def test_other_names_and_common_words_do_not_match(registry: Registry, text: str) -> None:
    assert found(registry, text) == []


def test_single_syllable_given_name_is_not_inside_words(registry: Registry) -> None:
    assert found(registry, "Chollima and Chol went") == ["Chol"]
    assert found(registry, "Kim Cheol went") == ["Kim Cheol"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("리순희는 왔다", "리순희"), ("이순희가 왔다", "이순희"), ("김명철입니다", "김명철"),
     ("회령에서 왔다", "회령"), ("회령시에서", "회령시"), ("성일이가 왔다", "성일"),
     ("경미는 울었다", "경미"), ("순희야", "순희")],
)  # fmt: skip
def test_hangul_with_particles(registry: Registry, text: str, expected: str) -> None:
    assert found(registry, text) == [expected]


@pytest.mark.parametrize("text", ["경미한 부상", "김정은", "함경북도", "박성일이 왔다", "성일정"])
def test_hangul_distractors(registry: Registry, text: str) -> None:
    assert found(registry, text) == []


def test_province_alone_is_not_a_term(registry: Registry) -> None:
    assert found(registry, "North Hamgyong and 함경북도 회령") == ["회령"]


def test_phonetic_parse_of_joined_names() -> None:
    assert parse_word("myongchol") == ((("M", "YO", "NG"), ("C", "O", "L")),)
    assert len(parse_word("hoeryong")[0]) == 2
    assert parse_word("vladivostok") == ()


def test_ref_phone_and_birth_date_variants() -> None:
    reg = build_registry(
        {
            "ref": "NGO-2026-0007",
            "interviewee": {"name": "Kim Myong Chol", "phone": "+82 10-1234-5678",
                            "birth_date": "1968-04-15"},
        }
    )  # fmt: skip
    text = ("ref NGO 2026 0007; call 010 1234 5678 or +82-10-1234-5678; born 15 April 1968, "
            "1968년 4월 15일, 15.04.1968; not 2026-0007x nor 010-1234-5679")  # fmt: skip
    assert found(reg, text) == [
        "NGO 2026 0007", "010 1234 5678", "+82-10-1234-5678", "15 April 1968",
        "1968년 4월 15일", "15.04.1968",
    ]  # fmt: skip


def test_latin_only_names_and_places_are_found_in_hangul() -> None:
    reg = build_registry(
        {
            "interviewee": {"name": "Kim Myong Chol"},
            "relatives": [{"relation": "son", "name": "Kim Song Il", "location": "Chongjin"}],
        }
    )
    text = "김명철은 아들 성일이를 청진에서 보았다. 명절에도 쉬지 못했다. 정진하는 사람."
    assert found(reg, text) == ["김명철", "성일", "청진"]


def test_latin_place_prefers_the_cases_own_hangul() -> None:
    reg = build_registry(
        {
            "interviewee": {"name": "Kim Myong Chol", "hometown_ko": "함경북도 청진시"},
            "relatives": [{"relation": "son", "name": "Kim Song Il", "location": "Chongjin"}],
        }
    )
    assert found(reg, "정진에서, 청진에서") == ["청진"]


def test_names_broken_over_lines_and_double_spaces(registry: Registry) -> None:
    text = "Kim  Myong\n   Chol left.\n\n  Then Ri\tSun  Hui."
    assert found(registry, text) == ["Kim  Myong\n   Chol", "Ri\tSun  Hui"]


def test_offsets_survive_decomposed_input_and_space_runs(registry: Registry) -> None:
    text = "x  y\n\n  Myo\u0306ngch'o\u0306l   and   회령에서"
    assert found(registry, text) == ["Myo\u0306ngch'o\u0306l", "회령"]


ASSIMILATED = {
    "interviewee": {"name": "Jong Kum Ok", "name_ko": "정금옥"},
    "relatives": [
        {"relation": "brother", "name": "Kim Chol-ho", "name_ko": "김철호"},
        {"relation": "mother", "name_ko": "최순례"},
        {"relation": "uncle", "name": "Pak Sol-nam"},
    ],
    "sensitive_terms": [{"text": "Sinra Farm", "category": "work_unit"}],
}


@pytest.mark.parametrize(
    "text",
    ["Chorho", "Cholho", "Cheolho", "Cheorho", "Ch'ŏrho", "Chor-ho", "Kim Chorho", "Chorho Kim",
     "Sullye", "Sunrye", "Choi Sullye", "Sollam", "Seollam", "Silla Farm"],
)  # fmt: skip
def test_assimilated_spellings_are_found(text: str) -> None:
    """ㄹ+ㅎ (철호 Chorho), ㄹ+ㄴ (Seollal-type: 설남 Sollam), ㄴ+ㄹ (신라 Silla, 순례 Sullye)."""
    reg = build_registry(ASSIMILATED)
    assert [f"{text} came"[m.start : m.end] for m in reg.find(f"{text} came")] == [text]


@pytest.mark.parametrize(
    "text",
    ["Chollima speed", "the chorus sang", "Cheorwon county", "Kim Chol-ung came", "Choro came",
     "Sully came", "a sullen boy", "Seoul", "Sol came", "Chor came", "Sinai"],
)  # fmt: skip
def test_assimilated_spellings_do_not_hit_other_words(text: str) -> None:
    reg = build_registry(ASSIMILATED)
    assert [text[m.start : m.end] for m in reg.find(text)] == []


def test_mccune_reischauer_rh_registered_reads_as_lh() -> None:
    reg = build_registry({"interviewee": {"name": "Kim Chorho"}})
    for text in ("Chol-ho came", "Cheolho came", "김철호가 왔다"):
        assert reg.find(text), text
