"""Protection in the field: panic lock, idle lock, clipboard clearing, nothing in QSettings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from nkcase.gui.main_window import PANIC_SHORTCUT
from nkcase.services import cases
from nkcase.vault.vault import Vault
from tests.conftest import ORGANISATION, PASSPHRASE
from tests.gui.conftest import unlock_window


def _visible_text(window: Any) -> str:
    parts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QLineEdit):
            parts.append(widget.text())
    model = window.case_list.model
    parts += [str(model.index(r, 0).data() or "") for r in range(model.rowCount())]
    return "\n".join(parts)


def _pseudonyms(vault: Vault) -> list[str]:
    with vault.session() as session:
        return [r.pseudonym for r in cases.list_cases(session)]


def test_panic_shortcut_locks_at_once_and_clears_the_screen(
    make_window: Any, qtbot: Any, seeded_vault: Vault
) -> None:
    pseudonyms = _pseudonyms(seeded_vault)
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    window.case_list.search_box.setText("passport")
    first = window.case_list.model.case_id(0)
    window.open_case(first)
    settings = window.open_settings()  # an open dialog must go too
    qtbot.waitExposed(settings)
    assert any(p in _visible_text(window) for p in pseudonyms)

    settings.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is settings)
    with qtbot.waitSignal(window.locked, timeout=2_000) as blocker:
        qtbot.keyClick(
            settings,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert blocker.args == ["panic"]
    assert window.menus.lock_action.shortcut().toString() == PANIC_SHORTCUT
    assert not window.is_unlocked
    assert window.stack.currentWidget() is window.unlock_page
    assert window.tabs.count() == 0
    assert window.case_list.model.rowCount() == 0
    assert window.case_list.search_box.text() == ""
    assert not settings.isVisible()
    text = _visible_text(window)
    assert not any(p in text for p in pseudonyms)
    qtbot.waitSignal(window.worker.vault_closed, timeout=5_000, raising=False)
    qtbot.waitUntil(lambda: window.worker.pending == 0)

    # And it opens again.
    unlock_window(window, qtbot)
    assert window.case_list.model.rowCount() == len(pseudonyms)


def test_auto_lock_after_short_idle_timeout(
    make_window: Any, qtbot: Any, seeded_vault: Vault, app_settings: Any
) -> None:
    app_settings.autolock_seconds = 1
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    assert window.idle.armed and window.idle.timeout_ms() == 1000
    with qtbot.waitSignal(window.locked, timeout=5_000) as blocker:
        pass
    assert blocker.args == ["idle"]
    assert window.stack.currentWidget() is window.unlock_page
    assert window.case_list.model.rowCount() == 0
    assert not window.idle.armed


def test_activity_postpones_the_idle_lock(
    make_window: Any, qtbot: Any, seeded_vault: Vault, app_settings: Any
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    # Margins wide enough for a loaded machine (a GC pause or a descheduled GUI thread): the
    # timer fires early only if one 250 ms wait overruns by 750 ms, and a restarted timer reads
    # above 750 ms unless reading it lags the click by 250 ms. The 8 inputs span 2 s, twice the
    # idle time, so without the postponing the lock would come during the loop.
    window.idle.set_timeout_ms(1000)
    locked: list[str] = []
    window.locked.connect(locked.append)
    remaining: list[int] = []
    for _ in range(8):
        qtbot.keyClick(window.case_list.search_box, Qt.Key.Key_A)
        remaining.append(window.idle._timer.remainingTime())
        qtbot.wait(250)  # input every 250 ms keeps a 1000 ms idle timer from firing
    assert locked == []
    assert min(remaining) > 750  # not restarted, it would read 750 ms or less by the 2nd input
    qtbot.waitUntil(lambda: locked == ["idle"], timeout=10_000)


def test_clipboard_cleared_after_copy_from_a_case(
    make_window: Any, qtbot: Any, seeded_vault: Vault, app_settings: Any
) -> None:
    app_settings.clipboard_seconds = 1
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    clipboard = QGuiApplication.clipboard()
    field = window.case_list.search_box
    field.setText("Kim Myong Chol, Hoeryong")
    window.activateWindow()
    field.selectAll()
    field.copy()
    assert clipboard.text() == "Kim Myong Chol, Hoeryong"
    assert window.clipboard.holding
    with qtbot.waitSignal(window.clipboard.clipboard_cleared, timeout=5_000):
        pass
    assert clipboard.text() == ""


def test_clipboard_left_alone_if_someone_copied_something_else(
    make_window: Any, qtbot: Any, seeded_vault: Vault, app_settings: Any
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    window.clipboard.set_timeout_ms(200)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("from a case")
    assert window.clipboard.holding
    window.clipboard._ours = None  # as if another program took the clipboard
    clipboard.blockSignals(True)
    clipboard.setText("the user's own text")
    clipboard.blockSignals(False)
    window.clipboard.clear_now()
    assert clipboard.text() == "the user's own text"


def test_lock_clears_our_clipboard_at_once(
    make_window: Any, qtbot: Any, seeded_vault: Vault
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    clipboard = QGuiApplication.clipboard()
    window.activateWindow()
    clipboard.setText("narrative excerpt")
    window.lock("manual")
    assert clipboard.text() == ""


def test_qsettings_hold_nothing_sensitive(
    make_window: Any, qtbot: Any, seeded_vault: Vault, app_settings: Any, settings_file: Path
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    with qtbot.waitSignal(window.case_list.model.first_page_loaded):
        window.case_list.search_box.setText("Hoeryong")
    window.open_case(window.case_list.model.case_id(0) or 1)
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("ko"))
    dialog.accept()
    window.close()
    app_settings.q.sync()
    stored = settings_file.read_text(encoding="utf-8")
    assert "ko" in stored and "autolock" in stored  # the file is the one in use
    keys = set(app_settings.q.allKeys())
    assert keys <= {
        "ui/language",
        "protection/autolock_seconds",
        "protection/clipboard_seconds",
        "window/geometry",
        "window/state",
    }
    for secret in (
        PASSPHRASE,
        ORGANISATION,
        "Hoeryong",
        str(seeded_vault.folder),
        *_pseudonyms(seeded_vault),
    ):
        assert secret not in stored
