"""The open-case tabs of the main window: pseudonym titles, one tab per case, the hint page."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCursor

from nkcase.services import cases
from nkcase.vault.vault import Vault
from tests.gui.conftest import unlock_window


def test_tabs_open_once_per_case_and_give_the_list_back_when_closed(
    make_window: Any, qtbot: Any, seeded_vault: Vault
) -> None:
    window = make_window(seeded_vault.folder)
    window.resize(1200, 760)
    unlock_window(window, qtbot)
    tabs, model = window.case_tabs, window.case_list.model
    assert tabs.currentWidget() is tabs.placeholder
    list_width = window.splitter.sizes()[0]
    first, second = model.case_id(0), model.case_id(1)
    assert first is not None and second is not None

    window.open_case(first)
    assert tabs.currentWidget() is tabs.tabs
    assert window.splitter.sizes()[0] < list_width  # an open case gets most of the room
    window.open_case(second)
    window.open_case(first)  # already open: shown again, not opened twice
    assert window.tabs.count() == 2
    assert window.tabs.currentIndex() == 0
    assert window.tabs.tabText(0) == model.pseudonym(0)
    assert window.tabs.tabText(1) == model.pseudonym(1)
    assert window.windowTitle() == f"{model.pseudonym(1)} — nkcase"

    window.close_tab(1)
    assert window.tabs.count() == 1
    assert window.windowTitle() == f"{model.pseudonym(0)} — nkcase"
    window.close_tab(0)
    assert tabs.currentWidget() is tabs.placeholder
    assert window.windowTitle() == "nkcase"
    assert window.splitter.sizes()[0] >= list_width - 2


def test_lock_saves_every_open_tab_then_closes_them(
    make_window: Any, qtbot: Any, seeded_vault: Vault
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    model = window.case_list.model
    ids = [model.case_id(0), model.case_id(1)]
    editors = []
    for case_id in ids:
        window.open_case(case_id)
        editor = window.tabs.currentWidget()
        qtbot.waitSignal(editor.loaded, timeout=10_000).wait()
        editors.append(editor)
    for editor in editors:
        window.tabs.setCurrentWidget(editor)
        editor.interviews.narrative.edit.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(editor.interviews.narrative.edit, " Added before the lock.")
    window.lock("manual")
    assert window.tabs.count() == 0
    assert window.case_tabs.currentWidget() is window.case_tabs.placeholder
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10_000)
    with seeded_vault.session() as session:
        for case_id in ids:
            case = cases.case_to_dict(cases.find_case(session, case_id))
            assert case["interviews"][0]["narrative"].endswith(" Added before the lock.")
