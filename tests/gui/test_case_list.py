"""The case list's filter fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from nkcase.gui.case_list import CaseListPanel
from nkcase.gui.worker import DbWorker


def test_an_impossible_month_is_shown_invalid_and_filters_nothing(
    worker: DbWorker, qtbot: Any
) -> None:
    panel = CaseListPanel(worker, "en")
    qtbot.addWidget(panel)
    edit = panel.period_from
    qtbot.keyClicks(edit, "2015-13")
    assert edit.text() != "2015-13"  # the 3 is refused as it is typed
    edit.setText("2015-13")  # pasted or set: not refused, but flagged and not applied
    assert panel.current_query().filters.period_from is None
    assert edit.property("invalid") is True
    assert "not applied" in edit.toolTip()
    edit.setText("2015-12")
    assert panel.current_query().filters.period_from == "2015-12"
    assert edit.property("invalid") is False
    edit.clear()
    qtbot.keyClicks(edit, "2015-1")
    assert panel.current_query().filters.period_from is None
    assert edit.property("invalid") is True
    qtbot.keyClick(edit, Qt.Key.Key_0)
    assert panel.current_query().filters.period_from == "2015-10"
