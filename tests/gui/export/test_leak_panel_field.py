"""A leak in a structured field of a case: no "Redact this text" button (review would change
nothing), a note to edit the field instead; a leak in a narrative keeps its button."""

from __future__ import annotations

from typing import Any

from nkcase.errors import ExportRefused
from nkcase.gui.export import ops
from nkcase.gui.export.leak_panel import LeakFixPanel
from nkcase.gui.i18n import install_language
from nkcase.gui.worker import DbWorker
from nkcase.packets.leaks import FieldPlace, LeakRefused, field_of


def _region_leak() -> ops.Leak:
    exc = LeakRefused(
        "W-AAAA: the leak check found a registered place in W-AAAA perpetrator 1 role "
        "(submission.json), a field of the case that review does not redact; nothing was "
        "written. Edit that field of the case and export again.",
        found="Amur Oblast",
        where="W-AAAA perpetrator 1 role (submission.json)",
        category="place",
        field=FieldPlace("W-AAAA perpetrator 1 role", False, "Deployments"),
    )
    leak = ops.leak_of(exc)
    assert leak is not None
    return leak


def test_field_of_reads_the_where_label() -> None:
    assert field_of("W-AAAA perpetrator 1 role (submission.json)") == FieldPlace(
        "W-AAAA perpetrator 1 role", False, "Deployments"
    )
    assert field_of("W-AAAA indicator 2 evidence (submission.json)") == FieldPlace(
        "W-AAAA indicator 2 evidence", True, "ILO indicators"
    )
    assert field_of("narratives/W-AAAA.en.txt") is None
    assert field_of("submission.pdf page 3") is None


def test_no_redact_button_for_a_structured_field(qtbot: Any, worker: DbWorker) -> None:
    panel = LeakFixPanel(worker, lambda: [])
    qtbot.addWidget(panel)
    panel.show()
    panel.show_leak(_region_leak())
    assert panel.isVisible() and panel.redact_button.isHidden()
    text = panel.found_label.text()
    assert "“Amur Oblast”" in text and "W-AAAA perpetrator 1 role" in text
    assert "Deployments tab" in text
    # A narrative leak afterwards gets its button back.
    narrative = ops.leak_of(
        ExportRefused("x", found="Kim", where="narratives/W-AAAA.en.txt", category="name")
    )
    assert narrative is not None
    panel.show_leak(narrative)
    assert not panel.redact_button.isHidden()
    assert panel.redact_button.text() == "Redact this text in W-AAAA"


def test_the_field_note_in_korean(qapp: Any, qtbot: Any, worker: DbWorker) -> None:
    install_language(qapp, "ko")
    try:
        panel = LeakFixPanel(worker, lambda: [])
        qtbot.addWidget(panel)
        panel.show_leak(_region_leak())
        text = panel.found_label.text()
        assert "사례의 파견 탭에서 고친 뒤" in text and "W-AAAA perpetrator 1 role" in text
    finally:
        install_language(qapp, "en")
