"""The case-file shaping: what identity=False leaves out, wages, and the old import place."""

import json
from pathlib import Path

from nkcase.services import case_dicts, cases
from nkcase.vault.models import Deployment

CASE_FILE = Path(__file__).resolve().parent.parent / "data" / "one_case.json"
DOC = json.loads(CASE_FILE.read_text(encoding="utf-8"))


def test_without_identity_no_name_place_or_term_is_left(vault):
    cases.import_case_file(vault, CASE_FILE)
    original = DOC["cases"][0]
    with vault.session() as s:
        case = cases.find_case(s, "1")
        full = case_dicts.case_to_dict(case, identity=True)
        bare = case_dicts.case_to_dict(case, identity=False)
    assert full["interviewee"]["name"] == original["interviewee"]["name"]
    assert "ref" not in bare and bare["sensitive_terms"] == []
    assert set(bare["interviewee"]) == {"sex", "home_province", "birth_year"}
    assert all(set(r) == {"id", "pseudonym", "relation"} for r in bare["relatives"])
    assert all("place" not in iv and "interviewer" not in iv for iv in bare["interviews"])
    dumped = json.dumps(bare, ensure_ascii=False)
    for rel in original["relatives"]:
        for value in (rel["name"], rel["name_ko"]):
            assert not value or value not in dumped
    assert bare["deployments"] == original["deployments"]  # facts are not identity


def test_wages_go_into_columns_and_come_back_whole():
    dep = Deployment()
    case_dicts.set_money(dep, "wage_promised", {"amount": 120.0, "currency": "USD", "per": "month"})
    assert (dep.wage_promised_amount, dep.wage_promised_currency) == (120.0, "USD")
    assert case_dicts.money_dict(dep, "wage_promised") == {
        "amount": 120,
        "currency": "USD",
        "per": "month",
    }
    assert isinstance(case_dicts.money_dict(dep, "wage_promised")["amount"], int)  # type: ignore[index]
    case_dicts.set_money(dep, "wage_promised", None)
    assert dep.wage_promised_per is None
    assert case_dicts.money_dict(dep, "wage_promised") is None


def test_old_import_place_still_works() -> None:
    """The shaping moved out of services.cases; callers importing it from there still work."""
    assert cases.case_to_dict is case_dicts.case_to_dict
    assert cases.to_case_file_case is case_dicts.to_case_file_case
