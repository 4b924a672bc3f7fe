import copy
import json
from pathlib import Path

import pytest

from nkcase.domain.casefile import load_case_file, validate_document
from nkcase.errors import CaseFileError

GOOD = json.loads((Path(__file__).resolve().parent.parent / "data" / "one_case.json").read_text())


def doc_with(mutate):
    doc = copy.deepcopy(GOOD)
    mutate(doc)
    return doc


def test_spec_example_is_accepted():
    [case] = validate_document(GOOD)
    assert case["interviewee"]["name_ko"] == "김명철"
    assert case["deployments"][0]["wage_received"]["amount"] == 6


def test_minimal_case_is_accepted():
    doc = {
        "format": "nkcase/case-file-v1",
        "cases": [
            {
                "interviewee": {"name_ko": "리순희"},
                "consent": {},
                "interviews": [{"narrative": "x"}],
                "relatives": None,
            }
        ],
    }
    [case] = validate_document(doc)
    assert case["relatives"] is None


@pytest.mark.parametrize(
    "mutate, path",
    [
        (
            lambda d: d["cases"][0]["deployments"][0].update(start="2000-13"),
            "cases[0].deployments[0].start",
        ),
        (
            lambda d: d["cases"][0]["deployments"][0].update(start="March 2000"),
            "cases[0].deployments[0].start",
        ),
        (lambda d: d["cases"][0].update(colour="blue"), "cases[0].colour"),
        (
            lambda d: d["cases"][0]["interviewee"].update(name=None, name_ko=None),
            "cases[0].interviewee.name",
        ),
        (
            lambda d: d["cases"][0]["indicators"].append({"code": "laziness"}),
            "cases[0].indicators[1].code",
        ),
        (
            lambda d: d["cases"][0]["consent"].update(share_with=["panel_of_experts"]),
            "cases[0].consent.share_with[0]",
        ),
        (
            lambda d: d["cases"][0]["deployments"][0].update(country="Russia"),
            "cases[0].deployments[0].country",
        ),
        (
            lambda d: d["cases"][0]["deployments"][0].update(sector="forestry"),
            "cases[0].deployments[0].sector",
        ),
        (
            lambda d: d["cases"][0]["deployments"][0].update(hours_per_day="18"),
            "cases[0].deployments[0].hours_per_day",
        ),
        (
            lambda d: d["cases"][0]["deployments"][0]["wage_received"].pop("currency"),
            "cases[0].deployments[0].wage_received.currency",
        ),
        (
            lambda d: d["cases"][0]["deployments"][0].update(end="1999"),
            "cases[0].deployments[0].end",
        ),
        (lambda d: d["cases"][0].update(interviews=[]), "cases[0].interviews"),
        (
            lambda d: d["cases"][0]["interviews"][0].update(narrative="  "),
            "cases[0].interviews[0].narrative",
        ),
        (lambda d: d["cases"][0].pop("consent"), "cases[0].consent"),
        (lambda d: d["cases"][0]["consent"].update(interview="yes"), "cases[0].consent.interview"),
        (lambda d: d["cases"][0]["relatives"][0].pop("relation"), "cases[0].relatives[0].relation"),
        (lambda d: d.update(format="nkcase/case-file-v2"), "format"),
        (lambda d: d.update(cases={}), "cases"),
        (lambda d: d.update(cases=[]), "cases"),
        (lambda d: d.update(extra=1), "extra"),
    ],
)
def test_problems_name_their_json_path(mutate, path):
    with pytest.raises(CaseFileError) as info:
        validate_document(doc_with(mutate))
    assert info.value.path == path
    assert str(info.value).startswith(path + ": ")


def test_messages_do_not_echo_values():
    doc = doc_with(lambda d: d["cases"][0]["deployments"][0].update(start="Kim Myong Chol"))
    with pytest.raises(CaseFileError) as info:
        validate_document(doc)
    assert "Kim" not in str(info.value)


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[1,2]", "expected an object"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    ],
)
def test_unreadable_files(tmp_path, content, problem):
    f = tmp_path / "bad.json"
    f.write_bytes(content)
    with pytest.raises(CaseFileError, match=problem) as info:
        load_case_file(f)
    assert str(f) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(CaseFileError, match="no such file"):
        load_case_file(tmp_path / "nope.json")
