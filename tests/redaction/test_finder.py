"""The finder of unregistered names (nkcase/redaction/finder/): what it proposes and what not.

The shapes come from issue 15 (our own examples, not the held-out text); the figures on whole
documents are in test_ner_scores.py.
"""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from nkcase.redaction.detectors import detect
from nkcase.redaction.finder import find_entities


def proposed(text: str) -> dict[str, str]:
    """Proposed surface text -> category."""
    return {text[d.start : d.end]: d.category for d in detect(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("박영철의 동생이 먼저 떠났다.", "박영철"),  # a name with a particle
        ("김순희, 리광철 등이 함께 갔다.", "김순희"),  # names in a list
        ("김순희, 리광철 등이 함께 갔다.", "리광철"),
        ("최명호 지배인이 여권을 걷었다.", "최명호"),  # before a title
        ("한상혁 대위가 직접 왔다.", "한상혁"),
        ("당비서는 오수길이었다.", "오수길"),  # after a title, with the copula
        ("노은주는 청진 출신이고 최명숙은 함흥 출신이다.", "노은주"),  # bare, at a sentence start
        ("노은주는 청진 출신이고 최명숙은 함흥 출신이다.", "최명숙"),
        ("류성철도 그 배에 탔다.", "류성철"),
        ("세르게이 페트로프 대표는 답하지 않았다.", "세르게이 페트로프"),  # foreign, in Hangul
        ("공장의 중국인 사장 왕웨이가 작업량을 정했다.", "왕웨이"),
        ("감독관은 무함마드 알쿠와리였다.", "무함마드 알쿠와리"),
        ("동생 성일이가 울었다.", "성일"),  # a given name with the hypocoristic 이
    ],
)
def test_korean_names(text: str, name: str) -> None:
    assert proposed(text).get(name) == "name", proposed(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("박씨가 계획량을 정했다.", "박"),  # surname-only references
        ("사망자는 김모(33)씨로 확인됐다.", "김모(33)"),
        ("다들 리 동무라고 불렀다.", "리"),
        ("동료 A씨는 말을 아꼈다.", "A"),  # a Latin placeholder
    ],
)
def test_korean_references_to_a_person(text: str, span: str) -> None:
    got = proposed(text)
    assert any(span in k and v == "name" for k, v in got.items()), got


@pytest.mark.parametrize(
    ("text", "span", "category"),
    [
        ("훈춘에서 3년을 일했다.", "훈춘", "place"),
        ("중국 지린성 훈춘의 수산물 공장", "훈춘", "place"),
        ("고향은 함경북도 무산군이다.", "무산군", "place"),
        ("제3건설려단에 배치되었다.", "제3건설려단", "unit"),
        ("국가보위성 요원이 왔다.", "국가보위성", "org"),
        ("남강무역회사 소속이었다.", "남강무역회사", "org"),
        ("여권번호는 G12345678이었다.", "G12345678", "passport"),
        ("사건번호 2019가합12345 판결", "2019가합12345", "identifier"),
    ],
)
def test_korean_places_units_and_identifiers(text: str, span: str, category: str) -> None:
    assert proposed(text).get(span) == category, proposed(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My cousin KIM SONG IL stayed behind.", "KIM SONG IL"),  # capitals
        ("RI YONG HUI was our team leader.", "RI YONG HUI"),
        ("Mr Sergei Petrov signed the contract.", "Sergei Petrov"),  # titles of any origin
        ("We were sent to Dr Wang at the clinic.", "Wang"),
        ("The statement of Mr V.I. Kuznetsov was read.", "V.I. Kuznetsov"),
        ("The minder 'K' took our passports.", "K"),  # a quoted letter for a person
        ("Later Ahmed Al-Mansouri paid us in cash.", "Ahmed Al-Mansouri"),
        ("The broker Mehmet Yilmaz took a cut.", "Mehmet Yilmaz"),
        ("Our foreman was Pak Chol-ho from Musan.", "Pak Chol-ho"),
        ("Comrade Ri told us to keep quiet.", "Ri"),
    ],
)
def test_english_names(text: str, name: str) -> None:
    assert proposed(text).get(name) == "name", proposed(text)


@pytest.mark.parametrize(
    ("text", "span", "category"),
    [
        (
            "He was assigned to the Third Construction Brigade.",
            "Third Construction Brigade",
            "unit",
        ),
        ("We joined the Sinpo Construction Team in 2015.", "Sinpo Construction Team", "unit"),
        ("From Hunchun we went by bus.", "Hunchun", "place"),
        ("We lived in the village of Sosnovka for a year.", "Sosnovka", "place"),
        ("The employer was Amur Timber LLC.", "Amur Timber LLC", "org"),
        ("the Ministry of State Security sent two men", "Ministry of State Security", "org"),
        ("The judgment in case no. 4512/19 was appealed.", "4512/19", "identifier"),
        ("His passport, PA1234567, was kept in a safe.", "PA1234567", "passport"),
    ],
)
def test_english_places_groups_and_identifiers(text: str, span: str, category: str) -> None:
    assert proposed(text).get(span) == category, proposed(text)


@pytest.mark.parametrize(
    "text",
    [
        "대형 트럭과 삼각형 표지판을 보았다.",  # 형 is no kin word here
        "마음씨 좋은 사람들이 감사장을 주었다.",  # 씨 and 사장 inside everyday words
        "연기처럼 흐릿한 마음이었다.",
        "남동생 탄원서를 대신 썼다.",
        "그는 고소하라고 부추겼다.",
        "경미한 부상이었고 강철 같은 혁명 정신을 말했다.",
        "진술인은 계약서를 한 번도 보지 못했다.",
        "가족 보호를 위해 이름은 적지 않는다.",  # 위해 (for) is no town here
        "러시아 아무르주와 함경북도, 중국 지린성",  # provinces and countries
        "We were sent to Russia, to Amur Oblast, from North Hamgyong.",
        "In the morning we worked. The company paid 160 dollars in 2016.",
        "The permit cost 1200000 won in 2016 and we worked 2015-2019.",
    ],
)
def test_nothing_proposed(text: str) -> None:
    names = {k: v for k, v in proposed(text).items() if v in ("name", "place", "unit", "org")}
    assert names == {}


def test_public_figures_are_proposed_as_evidence() -> None:
    got = proposed("김정은 동지의 은덕을 말했다. Kim Jong Un visited the site.")
    assert got.get("김정은") == "public"
    assert got.get("Kim Jong Un") == "public"


def test_proposals_do_not_overlap_and_point_into_the_text() -> None:
    text = "작업반장은 리성남이었고, 보위지도원은 한영수라는 사람이었다. Mr Sergei Petrov came."
    found = find_entities(text)
    assert found == sorted(found, key=lambda d: d.start)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    assert {text[d.start : d.end] for d in found} >= {"리성남", "한영수", "Sergei Petrov"}


def test_the_analyser_is_not_loaded_at_import() -> None:
    """Start-up never pays for the Korean model: it loads on the first Korean text."""
    code = (
        "import sys, nkcase.redaction.api, nkcase.redaction.detectors, nkcase.cli;"
        "assert 'kiwipiepy' not in sys.modules, 'loaded at import';"
        "from nkcase.redaction.detectors import detect; detect('plain English only');"
        "assert 'kiwipiepy' not in sys.modules, 'loaded for Latin text';"
        "detect('김명철은 왔다'); assert 'kiwipiepy' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_the_finder_reads_the_normalised_text() -> None:
    """Full-width letters and invisible characters do not hide a name or a number from
    ``detect``; spans still point into the text as written."""
    text = "My foreman was Ｓｅｒｇｅｉ Ｐｅｔｒｏｖ; call 010\u200b-4417-2093."
    got = proposed(text)
    assert got.get("Ｓｅｒｇｅｉ Ｐｅｔｒｏｖ") == "name", got
    assert got.get("010\u200b-4417-2093") == "phone", got
