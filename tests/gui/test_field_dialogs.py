"""The Vault menu's backup/restore/key-slot pieces over a real worker and vault (offscreen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenu

from nkcase.gui import field_dialogs
from nkcase.services import vaults
from tests.conftest import PASSPHRASE
from tests.gui.conftest import call_on_worker


def test_menu_has_backup_restore_and_slots(open_worker: Any, qtbot: Any) -> None:
    menu = QMenu()
    field_dialogs.add_vault_menu_actions(menu, open_worker, None)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert len(texts) == 3 and menu.title()


def test_backup_then_restore_and_reminder(seeded_worker: Any, qtbot: Any, tmp_path: Path) -> None:
    assert call_on_worker(seeded_worker, qtbot, field_dialogs.backup_reminder_due) is True
    got: list[Any] = []
    field_dialogs.start_backup(seeded_worker, None, tmp_path / "b.nkbak", on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=20_000)
    assert (tmp_path / "b.nkbak").stat().st_size > 0
    assert call_on_worker(seeded_worker, qtbot, field_dialogs.backup_reminder_due) is False
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
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=10_000)
    assert {s.kind for s in dialog.slots} == {"passphrase", "recovery"}
    assert sum(s.current for s in dialog.slots) == 1
