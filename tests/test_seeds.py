"""The demo cases in seeds/: strict case-file-v1 shape, coverage, planted spellings, import.

The shape check here is written from spec/case-file-v1.md on purpose, independently of the
importer, so that a seed file cannot drift from the contract just because the importer is lenient.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from nkcase.domain import vocab
from nkcase.domain.dates import PartialDate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.json"))
VARIANTS_FILE = SEEDS / "planted-variants.tsv"

FORMAT = "nkcase/case-file-v1"

CASE_KEYS = {
    "ref",
    "interviewee",
    "relatives",
    "sensitive_terms",
    "deployments",
    "indicators",
    "consent",
    "interviews",
}
INTERVIEWEE_KEYS = {
    "name",
    "name_ko",
    "aliases",
    "sex",
    "birth_date",
    "hometown",
    "hometown_ko",
    "home_province",
    "phone",
    "occupation",
}
RELATIVE_KEYS = {"relation", "name", "name_ko", "location", "details"}
TERM_KEYS = {"text", "text_ko", "category"}
DEPLOYMENT_KEYS = {
    "country",
    "region",
    "site",
    "sector",
    "employer",
    "dispatching_entity",
    "start",
    "end",
    "wage_promised",
    "wage_received",
    "hours_per_day",
    "rest_days_per_month",
    "passport_held_by",
    "left_by",
}
WAGE_KEYS = {"amount", "currency", "per"}
INDICATOR_KEYS = {"code", "evidence"}
CONSENT_KEYS = {
    "interview",
    "storage",
    "share_with",
    "identity_to_ohchr",
    "identity_to_governments",
    "public_attribution",
    "given_on",
    "form_version",
    "language",
    "withdrawn_on",
}
INTERVIEW_KEYS = {"date", "place", "interviewer", "language", "narrative", "translation"}
TRANSLATION_KEYS = {"language", "text"}

HANGUL = re.compile(r"[\uac00-\ud7a3]")
PROVINCES = {p["en"] for p in vocab.provinces()}
# Invented numbers only, in a range no real subscriber holds.
FICTIONAL_PHONE = re.compile(r"^\+82 10-0000-\d{4}$")


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        doc: dict[str, Any] = json.load(fh)
    return doc


def _all_cases() -> list[tuple[str, dict[str, Any]]]:
    return [(p.name, case) for p in SEED_FILES for case in _load(p)["cases"]]


def _texts(case: dict[str, Any]) -> str:
    parts: list[str] = []
    for iv in case["interviews"]:
        parts.append(iv["narrative"])
        if iv.get("translation"):
            parts.append(iv["translation"]["text"])
    return "\n".join(parts)


def _words(text: str) -> int:
    return len(text.split())


def _is_korean(text: str) -> bool:
    return len(HANGUL.findall(text)) > len(text) // 4


class ShapeErrors:
    """Collects every problem with its JSON path, so one run shows them all."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, path: str, problem: str) -> None:
        self.problems.append(f"{path}: {problem}")

    def keys(self, path: str, obj: Any, allowed: set[str]) -> bool:
        if not isinstance(obj, dict):
            self.add(path, "expected an object")
            return False
        for key in sorted(set(obj) - allowed):
            self.add(f"{path}.{key}", "unknown key")
        return True

    def string(self, path: str, value: Any, *, required: bool = False) -> None:
        if value is None:
            if required:
                self.add(path, "required")
            return
        if not isinstance(value, str) or not value.strip():
            self.add(path, "expected a non-empty string")

    def date(self, path: str, value: Any, *, required: bool = False) -> None:
        if value is None:
            if required:
                self.add(path, "required")
            return
        try:
            PartialDate.parse(value)
        except (TypeError, ValueError):
            self.add(path, "expected YYYY, YYYY-MM or YYYY-MM-DD")

    def choice(self, path: str, value: Any, allowed: set[str] | list[str]) -> None:
        if value is not None and value not in allowed:
            self.add(path, f"{value!r} is not one of the vocabulary codes")

    def number(self, path: str, value: Any, low: float, high: float) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(path, "expected a number")
        elif not low <= value <= high:
            self.add(path, f"{value} outside {low}..{high}")


def check_case_file(doc: Any) -> list[str]:
    err = ShapeErrors()
    if not err.keys("$", doc, {"format", "cases"}):
        return err.problems
    if doc.get("format") != FORMAT:
        err.add("format", f"expected {FORMAT!r}")
    cases = doc.get("cases")
    if not isinstance(cases, list) or not cases:
        err.add("cases", "expected a non-empty list")
        return err.problems
    for i, case in enumerate(cases):
        _check_case(err, f"cases[{i}]", case)
    return err.problems


def _check_case(err: ShapeErrors, at: str, case: Any) -> None:
    if not err.keys(at, case, CASE_KEYS):
        return
    err.string(f"{at}.ref", case.get("ref"))

    who = case.get("interviewee")
    if who is None:
        err.add(f"{at}.interviewee", "required")
    elif err.keys(f"{at}.interviewee", who, INTERVIEWEE_KEYS):
        if not (who.get("name") or who.get("name_ko")):
            err.add(f"{at}.interviewee", "name or name_ko required")
        for key in INTERVIEWEE_KEYS - {"aliases", "sex", "birth_date"}:
            err.string(f"{at}.interviewee.{key}", who.get(key))
        aliases = who.get("aliases")
        if aliases is not None and not (
            isinstance(aliases, list) and all(isinstance(a, str) and a for a in aliases)
        ):
            err.add(f"{at}.interviewee.aliases", "expected a list of strings")
        err.choice(f"{at}.interviewee.sex", who.get("sex"), vocab.enum("sex"))
        err.date(f"{at}.interviewee.birth_date", who.get("birth_date"))
        err.choice(f"{at}.interviewee.home_province", who.get("home_province"), PROVINCES)

    for j, rel in enumerate(case.get("relatives") or []):
        p = f"{at}.relatives[{j}]"
        if err.keys(p, rel, RELATIVE_KEYS):
            for key in RELATIVE_KEYS:
                err.string(f"{p}.{key}", rel.get(key), required=key == "relation")
            if not (rel.get("name") or rel.get("name_ko")):
                err.add(p, "name or name_ko expected")

    for j, term in enumerate(case.get("sensitive_terms") or []):
        p = f"{at}.sensitive_terms[{j}]"
        if err.keys(p, term, TERM_KEYS):
            err.string(f"{p}.text", term.get("text"), required=True)
            err.string(f"{p}.text_ko", term.get("text_ko"))
            err.choice(f"{p}.category", term.get("category"), vocab.enum("sensitive_term_category"))

    for j, dep in enumerate(case.get("deployments") or []):
        _check_deployment(err, f"{at}.deployments[{j}]", dep)

    for j, ind in enumerate(case.get("indicators") or []):
        p = f"{at}.indicators[{j}]"
        if err.keys(p, ind, INDICATOR_KEYS):
            err.choice(f"{p}.code", ind.get("code"), set(vocab.indicators()))
            err.string(f"{p}.evidence", ind.get("evidence"))

    _check_consent(err, f"{at}.consent", case.get("consent"))

    interviews = case.get("interviews")
    if not isinstance(interviews, list) or not interviews:
        err.add(f"{at}.interviews", "at least one interview required")
        return
    for j, iv in enumerate(interviews):
        p = f"{at}.interviews[{j}]"
        if not err.keys(p, iv, INTERVIEW_KEYS):
            continue
        err.date(f"{p}.date", iv.get("date"))
        for key in ("place", "interviewer", "language"):
            err.string(f"{p}.{key}", iv.get(key))
        err.string(f"{p}.narrative", iv.get("narrative"), required=True)
        tr = iv.get("translation")
        if tr is not None and err.keys(f"{p}.translation", tr, TRANSLATION_KEYS):
            err.string(f"{p}.translation.language", tr.get("language"), required=True)
            err.string(f"{p}.translation.text", tr.get("text"), required=True)


def _check_deployment(err: ShapeErrors, p: str, dep: Any) -> None:
    if not err.keys(p, dep, DEPLOYMENT_KEYS):
        return
    err.choice(f"{p}.country", dep.get("country"), set(vocab.countries()))
    err.choice(f"{p}.sector", dep.get("sector"), set(vocab.sectors()))
    for key in ("region", "site", "employer", "dispatching_entity"):
        err.string(f"{p}.{key}", dep.get(key))
    err.date(f"{p}.start", dep.get("start"))
    err.date(f"{p}.end", dep.get("end"))
    if dep.get("start") and dep.get("end"):
        try:
            if PartialDate.parse(dep["end"]) < PartialDate.parse(dep["start"]):
                err.add(f"{p}.end", "before start")
        except ValueError:
            pass
    for key in ("wage_promised", "wage_received"):
        wage = dep.get(key)
        if wage is not None and err.keys(f"{p}.{key}", wage, WAGE_KEYS):
            err.number(f"{p}.{key}.amount", wage.get("amount"), 0, 10_000_000)
            cur = wage.get("currency")
            if not (isinstance(cur, str) and re.fullmatch(r"[A-Z]{3}", cur)):
                err.add(f"{p}.{key}.currency", "expected an ISO 4217 code")
            err.choice(f"{p}.{key}.per", wage.get("per"), vocab.enum("wage_per"))
    err.number(f"{p}.hours_per_day", dep.get("hours_per_day"), 0, 24)
    err.number(f"{p}.rest_days_per_month", dep.get("rest_days_per_month"), 0, 31)
    err.choice(f"{p}.passport_held_by", dep.get("passport_held_by"), vocab.enum("passport_held_by"))
    err.choice(f"{p}.left_by", dep.get("left_by"), vocab.enum("left_by"))


def _check_consent(err: ShapeErrors, p: str, consent: Any) -> None:
    if consent is None:
        err.add(p, "required")
        return
    if not err.keys(p, consent, CONSENT_KEYS):
        return
    for key in ("interview", "storage", "identity_to_ohchr", "identity_to_governments"):
        if consent.get(key) is not None and not isinstance(consent[key], bool):
            err.add(f"{p}.{key}", "expected true or false")
    share = consent.get("share_with")
    if share is not None:
        if not isinstance(share, list):
            err.add(f"{p}.share_with", "expected a list")
        else:
            for k, code in enumerate(share):
                err.choice(f"{p}.share_with[{k}]", code, set(vocab.targets()))
    err.choice(
        f"{p}.public_attribution",
        consent.get("public_attribution"),
        vocab.enum("public_attribution"),
    )
    err.date(f"{p}.given_on", consent.get("given_on"))
    err.date(f"{p}.withdrawn_on", consent.get("withdrawn_on"))


# --- the shape checker itself must be able to fail -------------------------------------------


def test_checker_rejects_unknown_keys_bad_codes_and_dates() -> None:
    doc = _load(SEED_FILES[0])
    assert check_case_file(doc) == []
    case = doc["cases"][0]
    case["interviewee"]["nickname"] = "x"
    case["deployments"][0]["country"] = "RU"
    case["deployments"][0]["start"] = "2001/03"
    case["indicators"][0]["code"] = "forced_overtime"
    case["consent"]["share_with"] = ["panel_of_experts"]
    problems = check_case_file(doc)
    assert "cases[0].interviewee.nickname: unknown key" in problems
    assert any(p.startswith("cases[0].deployments[0].country:") for p in problems)
    assert any(p.startswith("cases[0].deployments[0].start:") for p in problems)
    assert any(p.startswith("cases[0].indicators[0].code:") for p in problems)
    assert any(p.startswith("cases[0].consent.share_with[0]:") for p in problems)


# --- the seeds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_seed_file_follows_case_file_v1(path: Path) -> None:
    assert check_case_file(_load(path)) == []


def test_at_least_fourteen_cases_with_unique_refs() -> None:
    cases = _all_cases()
    assert len(cases) >= 14
    refs = [c["ref"] for _, c in cases]
    assert len(set(refs)) == len(refs)


@pytest.mark.parametrize("name,case", _all_cases(), ids=[c["ref"] for _, c in _all_cases()])
def test_case_is_complete_and_self_consistent(name: str, case: dict[str, Any]) -> None:
    assert 1 <= len(case["relatives"]) <= 3
    assert 1 <= len(case["sensitive_terms"]) <= 3
    assert 1 <= len(case["deployments"]) <= 2
    assert 2 <= len(case["indicators"]) <= 5
    assert 1 <= len(case["interviews"]) <= 2
    assert FICTIONAL_PHONE.match(case["interviewee"]["phone"])
    for dep in case["deployments"]:
        for key in (
            "wage_promised",
            "wage_received",
            "hours_per_day",
            "rest_days_per_month",
            "passport_held_by",
            "left_by",
        ):
            assert dep.get(key) is not None, f"{name}: deployment without {key}"
    texts = _texts(case)
    for ind in case["indicators"]:
        assert ind["evidence"] in texts, f"{name}: evidence not quoted from the interviews"
    for iv in case["interviews"]:
        assert iv["translation"]["language"] != iv["language"]
        assert _is_korean(iv["narrative"]) == (iv["language"] == "ko")
        assert _is_korean(iv["translation"]["text"]) == (iv["translation"]["language"] == "ko")


def test_narrative_languages_and_lengths() -> None:
    narratives = [iv for _, c in _all_cases() for iv in c["interviews"]]
    korean = [iv for iv in narratives if iv["language"] == "ko"]
    english = [iv for iv in narratives if iv["language"] == "en"]
    assert abs(len(korean) - len(english)) <= 2
    long_ones = [iv for iv in english if _words(iv["narrative"]) >= 1000]
    long_ones += [iv for iv in korean if len(iv["narrative"]) >= 2500]
    assert len(long_ones) >= 3
    for iv in english:
        assert _words(iv["narrative"]) >= 250
    for iv in korean:
        assert len(iv["narrative"]) >= 700


def test_coverage_of_places_sectors_sexes_and_consent_patterns() -> None:
    cases = [c for _, c in _all_cases()]
    deps = [d for c in cases for d in c["deployments"]]
    countries = Counter(d["country"] for d in deps)
    assert {"RUS", "KWT", "QAT", "CHN", "MYS", "MNG"} <= set(countries)
    assert {"logging", "construction", "fishing", "textiles_garments", "mining", "restaurants"} <= {
        d["sector"] for d in deps
    }
    rus_logging = [d for d in deps if d["country"] == "RUS" and d["sector"] == "logging"]
    assert any("Amur" in d["region"] for d in rus_logging)
    assert any("Khabarovsk" in d["region"] for d in rus_logging)
    assert all(d["start"] < "2010" for d in rus_logging)
    rus_building = [d for d in deps if d["country"] == "RUS" and d["sector"] == "construction"]
    assert any("Primorsky" in d["region"] and d["start"] >= "2023" for d in rus_building)
    assert any("Moscow" in d["region"] and d["start"] >= "2023" for d in rus_building)
    assert {c["interviewee"]["sex"] for c in cases} >= {"M", "F"}

    consents = [c["consent"] for c in cases]
    assert any(len(k["share_with"]) >= 3 for k in consents)
    assert any(k["identity_to_ohchr"] for k in consents)
    assert sum(1 for k in consents if k["withdrawn_on"]) == 1
    assert any(k["interview"] and k["storage"] and not k["share_with"] for k in consents)
    assert any(k["public_attribution"] == "initials" for k in consents)
    assert not any(k["identity_to_governments"] for k in consents)


def test_distractor_names_appear() -> None:
    corpus = "\n".join(_texts(c) for _, c in _all_cases())
    for famous in ("Kim Il Sung", "Kim Jong Un", "김정은", "김일성", "Chollima", "천리마"):
        assert famous in corpus


def _planted() -> list[dict[str, str]]:
    with VARIANTS_FILE.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if not r["ref"].startswith("#")]
    return rows


def test_planted_variants_are_in_the_texts_and_differ_from_the_registry() -> None:
    """seeds/planted-variants.tsv lists spellings written into the narratives on purpose.

    Each must really occur in that case's texts, and must not be the registered spelling itself
    (otherwise it would test nothing). The redaction tests can use the same file.
    """
    cases = {c["ref"]: c for _, c in _all_cases()}
    rows = _planted()
    assert len(rows) >= 60
    assert {r["ref"] for r in rows} == set(cases)
    for row in rows:
        case = cases[row["ref"]]
        registry = _registered_strings(case)
        assert row["registered"] in registry, row
        assert row["variant"] in _texts(case), row
        assert row["variant"] not in registry, row


def _registered_strings(case: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    who = case["interviewee"]
    for key in ("name", "name_ko", "hometown", "hometown_ko", "phone"):
        if who.get(key):
            out.add(who[key])
    out.update(who.get("aliases") or [])
    for rel in case["relatives"]:
        out.update(v for k, v in rel.items() if k != "relation" and v)
    for term in case["sensitive_terms"]:
        out.update(v for k, v in term.items() if k != "category" and v)
    return out


def test_import_all_seeds_into_a_real_vault(request: pytest.FixtureRequest) -> None:
    cases_service = pytest.importorskip("nkcase.services.cases")
    try:
        vault = request.getfixturevalue("vault")
    except pytest.FixtureLookupError:
        pytest.skip("the vault fixture (tests/conftest.py) has not landed yet")
    imported: list[tuple[int, str]] = []
    for path in SEED_FILES:
        imported.extend(cases_service.import_case_file(vault, path))
    expected = len(_all_cases())
    assert len(imported) == expected
    assert len({pseudonym for _, pseudonym in imported}) == expected
    assert len({case_id for case_id, _ in imported}) == expected
    with vault.session() as session:
        for (case_id, pseudonym), (_, original) in zip(imported, _all_cases(), strict=True):
            case = cases_service.find_case(session, pseudonym)
            back = cases_service.case_to_dict(case, identity=True)
            assert back["id"] == case_id
            assert back["ref"] == original["ref"]
            assert back["interviews"][0]["narrative"] == original["interviews"][0]["narrative"]
            assert [r["pseudonym"] for r in back["relatives"]] == [
                f"Relative {chr(ord('A') + k)} ({r['relation']})"
                for k, r in enumerate(original["relatives"])
            ]
            # Nothing lost or altered on the way in: the case comes back exactly as written.
            assert cases_service.to_case_file_case(case) == original
