"""The Vault menu's backup/restore/key-slot pieces over a real worker and vault (offscreen)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMenu

from nkcase.gui import field_dialogs
from nkcase.gui.i18n import install_language
from nkcase.services import vaults
from tests.conftest import PASSPHRASE
from tests.gui.conftest import call_on_worker


def test_menu_has_backup_restore_and_slots(open_worker: Any, qtbot: Any) -> None:
    menu = QMenu()
    field_dialogs.add_vault_menu_actions(menu, open_worker, None)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert len(texts) == 3 and menu.title()


def test_backup_then_restore_and_reminder(seeded_worker: Any, qtbot: Any, tmp_path: Path) -> None:
    assert call_on_worker(seeded_worker, qtbot, field_dialogs.backup_reminder_due) == "never"
    got: list[Any] = []
    field_dialogs.start_backup(seeded_worker, None, tmp_path / "b.nkbak", on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=20_000)
    assert (tmp_path / "b.nkbak").stat().st_size > 0
    assert call_on_worker(seeded_worker, qtbot, field_dialogs.backup_reminder_due) == ""
    restored: list[Any] = []
    field_dialogs.start_restore(
        seeded_worker, None, tmp_path / "b.nkbak", tmp_path / "r", PASSPHRASE, restored.append
    )
    qtbot.waitUntil(lambda: bool(restored), timeout=20_000)
    assert restored[0].cases > 0
    vaults.open_vault(tmp_path / "r", PASSPHRASE).close()


def test_key_slots_dialog_lists_slots(open_worker: Any, qtbot: Any) -> None:
    dialog = field_dialogs.KeySlotsDialog(open_worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 2, timeout=10_000)
    assert {s.kind for s in dialog.slots} == {"passphrase", "recovery"}
    assert sum(s.current for s in dialog.slots) == 1


def test_vault_menu_follows_the_language_switch(open_worker: Any, qtbot: Any, qapp: Any) -> None:
    menu = QMenu()
    field_dialogs.add_vault_menu_actions(menu, open_worker, None)
    assert menu.title() == "&Vault"
    install_language(qapp, "ko")
    qtbot.waitUntil(lambda: menu.actions()[0].text() == "백업(&B)…")
    assert menu.title() == "보관소(&V)"
    assert [a.text() for a in menu.actions() if not a.isSeparator()][1:] == [
        "백업 복원(&R)…",
        "키 슬롯, 복구 키, 강압용 암호 문구(&K)…",
    ]
    install_language(qapp, "en")
    qtbot.waitUntil(lambda: menu.actions()[0].text() == "&Back up…")


def test_a_titled_menu_keeps_the_window_s_title(open_worker: Any, qtbot: Any, qapp: Any) -> None:
    menu = QMenu("Window's own title")
    field_dialogs.add_vault_menu_actions(menu, open_worker, None)
    install_language(qapp, "ko")
    qtbot.waitUntil(lambda: menu.actions()[0].text() == "백업(&B)…")
    assert menu.title() == "Window's own title"


def test_key_slots_dialog_in_korean(open_worker: Any, qtbot: Any, qapp: Any) -> None:
    install_language(qapp, "ko")
    dialog = field_dialogs.KeySlotsDialog(open_worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 2, timeout=10_000)
    assert dialog.windowTitle() == "키 슬롯"
    model = dialog.table.model()
    cells = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert [c[0] for c in cells if c[3] == "보관소를 연 슬롯"] == ["암호 문구"]
    assert any(c[0] == "복구 키" and c[3] == "" for c in cells)
    assert dialog.table.headerItem().text(0) == "비밀 정보"


def test_the_recovery_slot_cannot_be_picked_for_removal(open_worker: Any, qtbot: Any) -> None:
    dialog = field_dialogs.KeySlotsDialog(open_worker)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 2, timeout=10_000)
    assert not dialog.remove_button.isEnabled()  # nothing selected
    rows = {s.kind: i for i, s in enumerate(dialog.slots)}
    dialog.table.setCurrentIndex(dialog.table.model().index(rows["recovery"], 0))
    assert not dialog.remove_button.isEnabled()
    dialog.table.setCurrentIndex(dialog.table.model().index(rows["passphrase"], 0))
    assert dialog.remove_button.isEnabled()


def test_closing_the_dialog_with_a_refresh_pending_logs_nothing(
    open_worker: Any, qtbot: Any, caplog: Any
) -> None:
    release = threading.Event()
    open_worker.run(lambda: release.wait(20))  # hold the worker: the refresh stays queued
    try:
        dialog = field_dialogs.KeySlotsDialog(open_worker)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.close()  # what a lock does to an open dialog
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        assert not shiboken6.isValid(dialog)
        caplog.set_level(logging.DEBUG)
    finally:
        release.set()
    qtbot.waitUntil(lambda: open_worker.pending == 0, timeout=10_000)
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
