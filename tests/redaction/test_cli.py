"""`nkcase redact` / `nkcase review` against a real vault (decisions stored, audited)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from nkcase.cli import main
from nkcase.redaction.store import load_decisions
from nkcase.services import cases
from nkcase.vault.models import AuditEntry
from nkcase.vault.vault import Vault
from tests.conftest import PASSPHRASE

CASE_FILE = {
    "format": "nkcase/case-file-v1",
    "cases": [{
        "ref": "NGO-2026-0007",
        "interviewee": {"name": "Kim Myong Chol", "name_ko": "김명철", "hometown": "Hoeryong"},
        "relatives": [{"relation": "wife", "name": "Ri Sun Hui", "name_ko": "리순희"}],
        "consent": {"interview": True, "storage": True, "share_with": ["ohchr_seoul"],
                    "identity_to_ohchr": False, "identity_to_governments": False,
                    "public_attribution": "none", "given_on": "2026-10-01",
                    "form_version": "2026-1", "language": "ko", "withdrawn_on": None},
        "interviews": [{"date": "2026-09-28", "language": "en",
                        "narrative": "Myung-chul left Hoeryong. My friend Pak Chol called "
                                     "010-9999-8888. Lee Sun-hee stayed."}],
    }],
}  # fmt: skip


@pytest.fixture
def imported(vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Vault, int]:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE_FILE), encoding="utf-8")
    [(case_id, _pseudo)] = cases.import_case_file(vault, path)
    monkeypatch.setenv("NKCASE_PASSPHRASE", PASSPHRASE)
    return vault, case_id


def run(vault: Vault, *argv: str) -> int:
    return main([*argv[:1], "--vault", str(vault.folder), *argv[1:]])


def test_redact_json_and_review_flow(
    imported: tuple[Vault, int], capsys: pytest.CaptureFixture[str]
) -> None:
    vault, case_id = imported
    vault.close()
    assert run(vault, "redact", str(case_id), "--json") == 0
    out = json.loads(capsys.readouterr().out)
    [field] = out["fields"].values()
    assert field["redacted"].startswith("[the witness] left [hometown].")
    statuses = {s["text"]: (s["status"], s["source"]) for s in field["spans"]}
    assert statuses["Pak Chol"] == ("pending", "suggestion")
    assert statuses["010-9999-8888"] == ("pending", "pattern")
    assert statuses["Lee Sun-hee"] == ("auto", "registry")

    assert run(vault, "review", str(case_id), "--accept", "pak chol") == 0
    assert run(vault, "review", str(case_id), "--reject-all") == 0
    capsys.readouterr()
    assert run(vault, "redact", str(case_id)) == 0
    text = capsys.readouterr().out
    assert "My friend [name] called 010-9999-8888." in text
    assert "Pending suggestions: 0" in text
    assert run(vault, "review", str(case_id), "--reject", "nobody here") == 2


def test_decisions_are_rows_with_audit_entries(imported: tuple[Vault, int]) -> None:
    vault, case_id = imported
    vault.close()
    assert run(vault, "review", str(case_id), "--accept-all") == 0
    from nkcase.services.vaults import open_vault

    v = open_vault(vault.folder, passphrase=PASSPHRASE)
    try:
        with v.session() as session:
            decisions = load_decisions(session, case_id)
            assert {(d.category, d.decision, d.scope) for d in decisions} == {
                ("name", "accept", "all"), ("phone", "accept", "all")
            }  # fmt: skip
            actions = session.scalars(select(AuditEntry.action)).all()
            assert actions.count("redaction.reviewed") == 2
    finally:
        v.close()
