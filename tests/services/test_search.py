"""Full-text search in English and Korean, filters and ranking, on a real encrypted vault."""

import pytest

from nkcase.services import cases, search
from nkcase.services.search import Filters, hangul_bigrams, korean_stem


def _case(
    narrative,
    *,
    country="RUS",
    sector="logging",
    start="2015-03",
    end="2019-06",
    indicator="retention_of_identity_documents",
    targets=("sr_slavery",),
    lang="en",
    translation=None,
):
    return {
        "ref": None,
        "interviewee": {
            "name": "Test Person",
            "name_ko": None,
            "aliases": None,
            "sex": "M",
            "birth_date": None,
            "hometown": None,
            "hometown_ko": None,
            "home_province": None,
            "phone": None,
            "occupation": None,
        },
        "relatives": None,
        "sensitive_terms": None,
        "deployments": [
            {
                "country": country,
                "region": "Amur Oblast",
                "site": None,
                "sector": sector,
                "employer": None,
                "dispatching_entity": None,
                "start": start,
                "end": end,
                "wage_promised": None,
                "wage_received": None,
                "hours_per_day": 16,
                "rest_days_per_month": 1,
                "passport_held_by": "minder",
                "left_by": "escape",
            }
        ],
        "indicators": [{"code": indicator, "evidence": None}],
        "consent": {
            "interview": True,
            "storage": True,
            "share_with": list(targets),
            "identity_to_ohchr": False,
            "identity_to_governments": False,
            "public_attribution": "none",
            "given_on": None,
            "form_version": None,
            "language": None,
            "withdrawn_on": None,
        },
        "interviews": [
            {
                "date": None,
                "place": None,
                "interviewer": None,
                "language": lang,
                "narrative": narrative,
                "translation": {"language": "en", "text": translation} if translation else None,
            }
        ],
    }


@pytest.fixture
def corpus(vault):
    texts = {
        "amur": _case("The minder confiscated our passports at the logging camp in Amur."),
        "kwt": _case(
            "We poured concrete in Kuwait from dawn until midnight.",
            country="KWT",
            sector="construction",
            start="2012-01",
            end="2013-01",
            indicator="excessive_overtime",
            targets=("ohchr_seoul",),
        ),
        "ko": _case(
            "김명철은 러시아에서 벌목공으로 일했다. 리순희는 회령에서 기다렸다.",
            lang="ko",
            translation="Kim Myong Chol worked as a logger in Russia.",
        ),
        "ko2": _case(
            "여권은 감독원이 가지고 있었다. 러시아 벌목장에서는 쉬는 날이 없었다.",
            lang="ko",
            start="2003-01",
            end="2005-12",
            targets=(),
        ),
        "passport_heavy": _case("Passport, passport, passport: they took every passport we had."),
    }
    ids = {}
    with vault.session() as s:
        for key, data in texts.items():
            ids[key] = cases.add_case(s, data).pseudonym
    return vault, ids


def found(vault, query, filters=None):
    with vault.session() as s:
        return [h.pseudonym for h in search.search(s, query, filters)]


def test_english_words_with_stemming(corpus):
    vault, ids = corpus
    assert set(found(vault, "passport")) == {ids["amur"], ids["passport_heavy"]}
    assert found(vault, "confiscating passports") == [ids["amur"]]
    assert found(vault, "concrete kuwait") == [ids["kwt"]]
    assert found(vault, "nothing-like-this") == []


def test_ranking_puts_the_densest_match_first(corpus):
    vault, ids = corpus
    assert found(vault, "passport")[0] == ids["passport_heavy"]


@pytest.mark.parametrize(
    "query, key",
    [
        ("김명철", "ko"),
        ("김명철은", "ko"),
        ("김명철이", "ko"),
        ("러시아에서", "ko"),
        ("회령", "ko"),
        ("리순희", "ko"),
        ("벌목장", "ko2"),
        ("감독원", "ko2"),
        ("여권", "ko2"),
    ],
)
def test_korean_substrings_and_particles(corpus, query, key):
    vault, ids = corpus
    assert ids[key] in found(vault, query)


def test_one_syllable_finds_words_starting_with_it(corpus):
    vault, ids = corpus
    assert found(vault, "김") == [ids["ko"]]  # 김명철은: a surname on its own
    assert found(vault, "여") == [ids["ko2"]]  # 여권은
    assert found(vault, "뷁") == []


def test_korean_stem_in_both_directions(corpus):
    vault, ids = corpus
    # The stem of a query with a particle finds a text with another particle, and vice versa.
    assert set(found(vault, "러시아")) == {ids["ko"], ids["ko2"]}
    assert found(vault, "회령으로") == [ids["ko"]]


def test_translation_is_searched(corpus):
    vault, ids = corpus
    assert found(vault, "logger") == [ids["ko"]]


def test_structured_filters(corpus):
    vault, ids = corpus
    assert found(vault, "", Filters(country="KWT")) == [ids["kwt"]]
    assert set(found(vault, "", Filters(sector="logging"))) == {
        ids["amur"],
        ids["ko"],
        ids["ko2"],
        ids["passport_heavy"],
    }
    assert found(vault, "", Filters(indicator="excessive_overtime")) == [ids["kwt"]]
    assert ids["ko2"] not in found(vault, "", Filters(target="sr_slavery"))
    assert found(vault, "", Filters(period_from="2003", period_to="2006")) == [ids["ko2"]]
    assert found(vault, "", Filters(period_from="2012-06", period_to="2012-07")) == [ids["kwt"]]
    assert found(vault, "passport", Filters(country="KWT")) == []
    assert set(found(vault, "벌목", Filters(period_from="2016"))) == {ids["ko"]}


def test_edits_reindex(corpus):
    vault, ids = corpus
    with vault.session() as s:
        case = cases.find_case(s, ids["kwt"])
        cases.set_interview_text(
            s, case, case.interviews[0].id, "narrative", "We built a stadium in Qatar instead."
        )
    assert found(vault, "concrete") == []
    assert found(vault, "stadium") == [ids["kwt"]]


def test_helpers():
    assert hangul_bigrams("김명철은 회령") == "김명 명철 철은 회령"
    assert korean_stem("러시아에서") == "러시아"
    assert korean_stem("김명철입니다") == "김명철"
    assert korean_stem("회령") == "회령"
