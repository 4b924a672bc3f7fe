import copy
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from nkcase.errors import CaseFileError, CaseNotFound
from nkcase.services import audit, cases, vaults

CASE_FILE = Path(__file__).resolve().parent.parent / "data" / "one_case.json"
DOC = json.loads(CASE_FILE.read_text(encoding="utf-8"))


def test_import_assigns_pseudonyms_and_role_pseudonyms(vault):
    [(case_id, pseudonym)] = cases.import_case_file(vault, CASE_FILE)
    assert re.fullmatch(r"W-[0-9A-HJKMNP-TV-Z]{4}", pseudonym)
    with vault.session() as s:
        case = cases.find_case(s, pseudonym.lower())
        assert case.id == case_id
        assert case.relatives[0].pseudonym == "Relative A (wife)"
        assert cases.find_case(s, str(case_id)).pseudonym == pseudonym
        with pytest.raises(CaseNotFound):
            cases.find_case(s, "W-ZZZZZ")


def test_case_roundtrips_through_the_case_file_shape(vault):
    cases.import_case_file(vault, CASE_FILE)
    with vault.session() as s:
        out = cases.export_case_file(s)
    assert out == DOC


def test_import_is_all_or_nothing_per_file(vault, tmp_path):
    doc = copy.deepcopy(DOC)
    second = copy.deepcopy(doc["cases"][0])
    second["interviews"][0]["date"] = "yesterday"
    doc["cases"].append(second)
    bad = tmp_path / "two.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"cases\[1\]\.interviews\[0\]\.date"):
        cases.import_case_file(vault, bad)
    with vault.session() as s:
        assert cases.count_cases(s) == 0
        assert s.execute(text("SELECT count(*) FROM search_docs")).scalar() == 0


def test_pseudonyms_are_unique(vault, tmp_path):
    doc = copy.deepcopy(DOC)
    doc["cases"] = doc["cases"] * 50
    f = tmp_path / "many.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    imported = cases.import_case_file(vault, f, as_new=True)  # 50 copies: duplicates on purpose
    assert len({p for _, p in imported}) == 50


def test_edits_keep_every_version_and_are_audited(vault):
    [(case_id, _)] = cases.import_case_file(vault, CASE_FILE)
    with vault.session() as s:
        case = cases.find_case(s, case_id)
        iv = case.interviews[0]
        original = iv.narrative
        cases.set_interview_text(s, case, iv.id, "narrative", "second version")
        cases.set_interview_text(s, case, iv.id, "narrative", "third version")
        cases.set_interview_text(s, case, iv.id, "narrative", "third version")  # no-op
        history = cases.text_history(s, case_id, f"interview/{iv.id}/narrative")
        assert [v.text for v in history] == [original, "second version", "third version"]
        assert [v.version for v in history] == [1, 2, 3]
        assert history[0].sha256 == cases.sha256_text(original)
        actions = [e.action for e in audit.case_history(s, case_id)]
        assert actions == ["case.created", "text.edited", "text.edited"]


def test_audit_chain_detects_a_rewritten_entry(vault):
    cases.import_case_file(vault, CASE_FILE)
    assert vaults.check_vault(vault).ok
    with vault.session() as s:
        s.execute(
            text("UPDATE audit_log SET detail = '{\"count\": 7}' WHERE action = 'cases.imported'")
        )
    report = vaults.check_vault(vault)
    assert not report.ok
    assert any("changed after it was written" in p for p in report.problems)


def test_audit_chain_detects_a_deleted_entry(vault):
    cases.import_case_file(vault, CASE_FILE)
    with vault.session() as s:
        s.execute(text("DELETE FROM audit_log WHERE id = 2"))
    report = vaults.check_vault(vault)
    assert any("does not follow" in p for p in report.problems)


def test_list_rows_never_carry_names(vault):
    cases.import_case_file(vault, CASE_FILE)
    with vault.session() as s:
        [row] = cases.list_cases(s)
    flat = json.dumps(row.to_json(), ensure_ascii=False)
    for secret in ("Kim", "김명철", "Ri Sun", "Hoeryong", "NGO-2026"):
        assert secret not in flat
    assert row.to_json()["countries"] == ["RUS"]
    assert row.period == "2000-03–2002-05"
