"""Live highlighting: a result that arrives after a lock (or a closed tab) is dropped quietly."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QPlainTextEdit

from nkcase.gui.editor.highlight import LiveHighlight
from nkcase.redaction import api as redaction
from nkcase.vault.vault import Vault
from tests.gui.conftest import unlock_window


@pytest.fixture
def hold() -> Iterator[Callable[[Any], threading.Event]]:
    """``hold(worker)``: keep the worker busy until the returned event is set (jobs queue up).

    Released at teardown too, so a failing test never leaves the worker thread stuck.
    """
    events: list[threading.Event] = []

    def hold_worker(worker: Any) -> threading.Event:
        release = threading.Event()
        events.append(release)
        worker.run(lambda: release.wait(20))
        return release

    yield hold_worker
    for release in events:
        release.set()


def _open_editor_with_text(window: Any, qtbot: Any) -> Any:
    window.open_case(window.case_list.model.case_id(0))
    editor = window.case_tabs.tabs.widget(0)
    qtbot.waitUntil(lambda: editor.snapshot is not None, timeout=10_000)
    pane = editor.interviews.narrative
    qtbot.waitUntil(lambda: bool(pane.live.highlighter.spans), timeout=10_000)
    return pane


def test_lock_with_a_highlight_pending_logs_no_error(
    make_window: Any, qtbot: Any, seeded_vault: Vault, caplog: Any, hold: Any
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    pane = _open_editor_with_text(window, qtbot)
    live = pane.live
    changed: list[object] = []
    live.spans_changed.connect(changed.append)
    worker = window.worker

    release = hold(worker)
    live.refresh()  # queued behind the held job: pending when the lock comes
    assert worker.pending >= 2
    caplog.set_level(logging.DEBUG)
    with qtbot.waitSignal(window.locked, timeout=2_000):
        qtbot.keyClick(
            window,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    # The editors are gone (deleteLater ran) before the worker hands the result back.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(live)
    release.set()
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=10_000)
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert errors == [], [r.getMessage() for r in errors]
    assert changed == []


def _field(
    worker: Any, qtbot: Any, owned_by_qtbot: bool = True
) -> tuple[QPlainTextEdit, LiveHighlight, list[object]]:
    edit = QPlainTextEdit()
    if owned_by_qtbot:
        qtbot.addWidget(edit)
    edit.setPlainText("My wife Ri Sun Hui stayed in Hoeryong.")
    registry = redaction.Registry()  # empty: the detectors still suggest "Ri Sun Hui"
    live = LiveHighlight(worker, edit, "interview/1/narrative", lambda: (registry, []))
    changed: list[object] = []
    live.spans_changed.connect(changed.append)
    return edit, live, changed


def test_a_result_is_painted_when_nothing_happened_meanwhile(open_worker: Any, qtbot: Any) -> None:
    _edit, live, changed = _field(open_worker, qtbot)
    with qtbot.waitSignal(live.spans_changed, timeout=10_000):
        live.refresh()
    assert any("Sun Hui" in s.text for s in live.highlighter.spans) and len(changed) == 1


def test_result_after_lock_is_dropped_even_while_the_editor_lives(
    open_worker: Any, qtbot: Any, caplog: Any, hold: Any
) -> None:
    _edit, live, changed = _field(open_worker, qtbot)
    release = hold(open_worker)
    live.refresh()
    open_worker.close_vault()  # what a lock does
    caplog.set_level(logging.DEBUG)
    release.set()
    qtbot.waitUntil(lambda: open_worker.pending == 0, timeout=10_000)
    assert changed == [] and live.highlighter.spans == []
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_closing_the_field_with_a_result_pending_logs_no_error(
    open_worker: Any, qtbot: Any, caplog: Any, hold: Any
) -> None:
    edit, live, changed = _field(open_worker, qtbot, owned_by_qtbot=False)
    release = hold(open_worker)
    live.refresh()
    edit.deleteLater()  # a closed tab
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(live)
    caplog.set_level(logging.DEBUG)
    release.set()
    qtbot.waitUntil(lambda: open_worker.pending == 0, timeout=10_000)
    assert changed == []
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_cancel_stops_the_debounce_and_drops_the_result(
    open_worker: Any, qtbot: Any, hold: Any
) -> None:
    edit, live, changed = _field(open_worker, qtbot)
    release = hold(open_worker)
    live.refresh()
    edit.appendPlainText("More.")
    assert live._timer.isActive()
    live.cancel()
    assert not live._timer.isActive()
    release.set()
    qtbot.waitUntil(lambda: open_worker.pending == 0, timeout=10_000)
    edit.appendPlainText("Even more.")
    assert changed == [] and not live._timer.isActive()
