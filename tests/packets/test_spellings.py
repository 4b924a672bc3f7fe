"""Issue 9, item 2, end to end: real exports from a real vault of a case whose texts and
structured fields hold the spellings the adversarial review got past the matcher. Each is
redacted (a reviewed field) or refused (a field review does not act on); none reaches a file
of the packet or the PDF's extracted text."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from nkcase.errors import ExportRefused
from nkcase.packets import export, layout
from nkcase.packets.leaks import LeakRefused
from nkcase.services import cases, editing
from nkcase.vault.models import PersonMentioned
from nkcase.vault.vault import Vault
from tests.conftest import SEEDS
from tests.packets.conftest import review_all

# Seed 01: witness 최광수 of 무산 (Musan), wife Ri Sun Ok / 리순옥, son Choe Song Il / 최성일.
SEED = "01-rus-logging-amur-tynda.json"
# (as planted, a fragment that must not survive in any file or in the PDF's text)
PLANTED = [
    ("My wife Ｓｕｎ－ｏｋ stayed.", "Ｓｕｎ"),
    ("We left Ｍｕｓａｎ at night.", "Ｍｕｓａｎ"),
    ("We left Mu-\nsan at night.", "Mu-\nsan"),
    ("아내 리순\n옥이는 남았다.", "리순\n옥"),
    ("우리는 무\n산에서 떠났다.", "무\n산"),
    ("Жена Ри Сун Ок осталась.", "Сун Ок"),
    ("Сын Цой Сон Иль уехал.", "Цой Сон"),
    ("妻 李順玉은 남았다.", "李順玉"),
    ("고향은 茂山이다.", "茂山"),
    ("아내 리 순 옥이 남았다.", "리 순 옥"),
    ("My wife Sun·ok stayed.", "Sun·ok"),
    ("My wife RiSunOk stayed.", "RiSunOk"),
    ("We lived in MusanCounty then.", "MusanCounty"),
    ("We left Mu\u200bsan at night.", "Mu\u200bsan"),
    ("My wife Sun\u00adok stayed.", "Sun\u00adok"),
]
PHONE = "+7 914 555 20 93"
STRANGER = "Pak Yong Chol"


def _import(vault: Vault) -> tuple[str, str]:
    [(_, ref)] = cases.import_case_file(vault, SEEDS / SEED)[:1]
    with vault.session() as session:
        target = cases.find_case(session, ref).consent.share_with[0]
    return ref, target


def _files(packet: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(packet) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _pdf_text(pdf: bytes, tmp: Path) -> str:
    (tmp / "s.pdf").write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(tmp / "s.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_every_spelling_in_a_narrative_is_redacted(vault: Vault, tmp_path: Path) -> None:
    ref, target = _import(vault)
    with vault.session() as session:
        case = cases.find_case(session, ref)
        key = f"interview/{case.interviews[0].id}/narrative"
        text = (case.interviews[0].narrative or "") + "\n" + "\n".join(p for p, _ in PLANTED)
        assert editing.save_texts(session, case.id, {key: text}) == [key]
    review_all(vault, ref)
    export.export_packet(vault, [ref], target, tmp_path / "p.zip")
    files = _files(tmp_path / "p.zip")
    narratives = "\n".join(
        d.decode("utf-8") for n, d in files.items() if n.startswith("narratives/")
    )
    assert "stayed." in narratives and "남았다" in narratives  # the sentences are there
    pdf = _pdf_text(files[layout.SUBMISSION_PDF], tmp_path)
    for planted, fragment in PLANTED:
        for name, data in files.items():
            assert fragment.encode() not in data, (planted, name)
        assert fragment not in pdf, planted
        assert fragment.replace("\n", " ") not in " ".join(pdf.split()), planted


@pytest.mark.parametrize("planted", [p for p, _ in PLANTED[:2] + PLANTED[5:9] + PLANTED[11:]])
def test_every_spelling_in_an_unreviewed_field_is_refused(
    vault: Vault, tmp_path: Path, planted: str
) -> None:
    ref, target = _import(vault)
    review_all(vault, ref)
    with vault.session() as session:
        case = cases.find_case(session, ref)
        minder = PersonMentioned(position=0, role=planted.replace("\n", " "), pseudonym="M1")
        minder.perpetrator = True
        case.persons.append(minder)
    with pytest.raises(LeakRefused) as err:
        export.export_packet(vault, [ref], target, tmp_path / "p.zip")
    assert "leak check" in str(err.value) and not (tmp_path / "p.zip").exists()
    assert "perpetrator 1 role" in (err.value.where or "")


def test_structured_fields_go_through_detectors_and_review(vault: Vault, tmp_path: Path) -> None:
    ref, target = _import(vault)
    review_all(vault, ref)
    with vault.session() as session:
        case = cases.find_case(session, ref)
        dep = case.deployments[0]
        dep.passport_held_by = PHONE
        dep.region = f"Camp of {STRANGER}, Amur Oblast"
    # A phone number and an unregistered name in structured fields are proposed: the export
    # waits for review, naming the deployment.
    with pytest.raises(ExportRefused) as err:
        export.export_packet(vault, [ref], target, tmp_path / "p.zip")
    assert "unreviewed" in str(err.value)
    assert "deployment 1 passport held by" in str(err.value) and "deployment 1 region" in str(
        err.value
    )
    assert PHONE not in str(err.value) and STRANGER not in str(err.value)
    assert not (tmp_path / "p.zip").exists()
    review_all(vault, ref)
    export.export_packet(vault, [ref], target, tmp_path / "p.zip")
    files = _files(tmp_path / "p.zip")
    dep_out = json.loads(files[layout.SUBMISSION_JSON])["cases"][0]["deployments"][0]
    assert dep_out["passport_held_by"] == "[phone number]"
    assert dep_out["region"] == "Camp of [name], Amur Oblast"
    pdf = " ".join(_pdf_text(files[layout.SUBMISSION_PDF], tmp_path).split())
    assert "[phone" in pdf and "Amur" in pdf  # table cells wrap
    for name, data in files.items():
        assert PHONE.encode() not in data and b"914 555" not in data, name
        assert STRANGER.encode() not in data, name
    assert "914 555" not in pdf and STRANGER not in pdf
    log = json.loads(files[layout.REDACTION_LOG])["cases"][0]["by_field_and_rule"]
    by_field = {(r["field"], r["category"]) for r in log}
    assert {("deployment 1 passport held by", "phone"), ("deployment 1 region", "name")} <= by_field
