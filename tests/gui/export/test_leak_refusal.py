"""A pattern export refused by the leak check: the text found, on screen only, and a one-click
fix (redact it in the case whose file holds it), then a packet that verifies."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from nkcase.errors import ExportRefused
from nkcase.gui.export import ExportDialog, ops
from nkcase.gui.i18n import install_language
from nkcase.gui.worker import DbWorker
from nkcase.packets.verify import verify_packet
from nkcase.redaction.store import load_decisions
from nkcase.services import cases
from nkcase.vault.vault import Vault
from tests.gui.conftest import call_on_worker
from tests.packets.conftest import case_dicts, exportable, review_all

TARGET = "ohchr_seoul"


def _reviewed_ids(worker: DbWorker, qtbot: Any) -> list[int]:
    """Every seed case reviewed (as a careful reviewer would); the ids that may go to TARGET."""

    def op(vault: Vault) -> list[int]:
        for c in case_dicts(vault):
            review_all(vault, c["pseudonym"])
        refs = exportable(vault, TARGET)
        with vault.session() as session:
            return [cases.find_case(session, r).id for r in refs]

    ids: list[int] = call_on_worker(worker, qtbot, op, timeout=60_000)
    assert len(ids) >= 3
    return ids


def _pattern_dialog(qtbot: Any, worker: DbWorker, ids: list[int]) -> ExportDialog:
    dialog = ExportDialog(worker, ids)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.cases_checked, timeout=20_000):
        dialog.target.setCurrentIndex(dialog.target.findData(TARGET))
    dialog.pattern.setChecked(True)
    assert dialog.build_button.isEnabled()
    dialog.resize(1100, 760)
    dialog.show()
    return dialog


def _outcome(qtbot: Any, dialog: ExportDialog, failures: list[str]) -> str:
    """Wait for the build under way: "built", or "refused" once the redact button is ready."""
    n = len(failures)
    qtbot.waitUntil(
        lambda: (
            dialog.preview is not None
            or (len(failures) > n and (dialog.leak is None or dialog.redact_button.isEnabled()))
        ),
        timeout=60_000,
    )
    return "built" if dialog.preview is not None else "refused"


def test_leak_refusal_shows_the_text_and_one_click_fixes_it(
    qtbot: Any, seeded_worker: DbWorker, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ids = _reviewed_ids(seeded_worker, qtbot)
    dialog = _pattern_dialog(qtbot, seeded_worker, ids)
    failures: list[str] = []
    dialog.export_failed.connect(failures.append)
    fixed: list[ops.Leak] = []
    with caplog.at_level(logging.DEBUG):
        dialog.build_button.click()
        while _outcome(qtbot, dialog, failures) == "refused":
            leak = dialog.leak
            assert leak is not None, failures[-1]  # only leak-check refusals are expected here
            # On screen: the headline and the core's detail, the text found, its file.
            assert dialog.leak_label.text().startswith(
                "The export was refused: identifying text was found.\n"
            )
            assert dialog.leak_box.isVisible()
            assert f"“{leak.found}”" in dialog.found_label.text()
            assert leak.where.startswith("narratives/") and leak.where in dialog.found_label.text()
            assert leak.pseudonym is not None and leak.where.startswith(
                f"narratives/{leak.pseudonym}."
            )
            assert dialog.redact_button.text() == f"Redact this text in {leak.pseudonym}"
            # Never in the message emitted (it may be logged), never in a log line.
            assert leak.found not in failures[-1]
            fixed.append(leak)
            assert len(fixed) <= 5, "the fix does not converge"
            dialog.redact_button.click()
        logged = caplog.text
    assert fixed, "the seeds no longer hold a cross-case term for a pattern export"
    assert all(leak.found not in logged for leak in fixed)
    assert not dialog.leak_box.isVisible()
    assert "Leak check passed" in dialog.leak_label.text()
    preview = dialog.preview
    assert preview is not None and sorted(preview.case_ids) == sorted(ids)  # nobody left out

    # The fix is an accept decision for all occurrences, stored in the vault like a review.
    def stored(vault: Vault) -> list[tuple[str, str, str, str]]:
        with vault.session() as session:
            case = cases.find_case(session, fixed[0].pseudonym or "")
            decisions = load_decisions(session, case.id)
            return [(d.text, d.category, d.decision, d.scope) for d in decisions]

    assert (fixed[0].found, fixed[0].category, "accept", "all") in call_on_worker(
        seeded_worker, qtbot, stored
    )
    assert fixed[0].category == "place"

    out = tmp_path / "pattern.zip"
    with qtbot.waitSignal(dialog.packet_saved, timeout=30_000):
        dialog.save_to(out)
    verified = verify_packet(out)
    assert verified.files["submission.pdf"] == preview.pdf
    for leak in fixed:  # the refusal named the vault's pseudonym; the packet has its own
        assert leak.pseudonym is not None
        name = leak.where.replace(leak.pseudonym, preview.built.pseudonyms[leak.pseudonym])
        assert leak.found.encode() not in verified.files[name]


def test_leak_refusal_in_korean(qapp: Any, qtbot: Any, seeded_worker: DbWorker) -> None:
    ids = _reviewed_ids(seeded_worker, qtbot)
    install_language(qapp, "ko")
    dialog = _pattern_dialog(qtbot, seeded_worker, ids)
    failures: list[str] = []
    dialog.export_failed.connect(failures.append)
    dialog.build_button.click()
    assert _outcome(qtbot, dialog, failures) == "refused"
    leak = dialog.leak
    assert leak is not None and leak.pseudonym is not None
    headline, detail = dialog.leak_label.text().split("\n", 1)
    assert headline == "내보내기가 거부되었습니다: 신원을 드러내는 내용이 발견되었습니다."
    assert leak.where in detail  # the core's English detail, with the file, below it
    assert f"“{leak.found}”" in dialog.found_label.text() and "발견" in dialog.found_label.text()
    assert dialog.redact_button.text() == f"{leak.pseudonym}에서 이 텍스트 가리기"


def test_leak_of_reads_the_refusal() -> None:
    pdf = ExportRefused(
        "W-AAAA: the leak check found a registered relative name in submission.pdf page 3; "
        "nothing was written. Review the redactions of this case and export again.",
        found="Kim Song Hui",
        where="submission.pdf page 3",
        category="relative_name",
    )
    leak = ops.leak_of(pdf)
    assert leak is not None
    assert (leak.where, leak.category, leak.pseudonym) == ("submission.pdf page 3", "name", None)
    assert "Kim" not in repr(leak)
    assert ops.leak_of(ExportRefused("W-AAAA: consent gate G1 is missing")) is None
    assert ops.leak_of(ValueError("x")) is None
