"""The main journeys of the shell: create, unlock, recover, list, search, filter."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QWizard

from nkcase.gui.case_model import Column
from nkcase.services.vaults import open_vault
from nkcase.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.gui.conftest import call_on_worker, unlock_window

STRONG = "lantern-quartz-meadow-orbit-57"


def test_first_run_wizard_creates_vault_and_shows_recovery_key_once(
    make_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "new-vault"
    window = make_window(folder)
    assert window.stack.currentWidget() is window.setup_page
    wizard = window.first_run()  # no vault in the folder yet: the wizard opens by itself
    assert wizard is not None
    qtbot.waitExposed(wizard)
    wizard.organisation_page.organisation.setText("Field Office")
    wizard.next()
    page = wizard.passphrase_page
    assert wizard.currentPage() is page

    # A weak passphrase is refused, and the page says why.
    page.passphrase.setText("password123")
    page.repeat.setText("password123")
    wizard.next()
    assert wizard.currentPage() is page
    assert "guess" in page.reason.text().lower()
    assert not folder.exists()

    page.passphrase.setText(STRONG)
    page.repeat.setText(STRONG)
    page.update_meter()
    assert page.meter.value() >= 3
    assert page.reason.text() == ""
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30_000)
    key = wizard.recovery_page.key.text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){7}", key)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # "I have written it down" is required
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    wizard.recovery_page.confirm.setChecked(True)
    assert finish.isEnabled()
    with qtbot.waitSignal(window.first_page_shown, timeout=10_000):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert window.is_unlocked
    assert window.case_list.model.rowCount() == 0
    assert wizard.recovery_key is None  # not kept after the wizard

    # The key shown is a real recovery key for this vault.
    with qtbot.waitSignal(window.worker.vault_closed):
        window.lock("manual")
    vault = open_vault(folder, recovery_key=key.lower())
    vault.close()


def test_wrong_then_right_passphrase(make_window: Any, qtbot: Any, seeded_vault: Vault) -> None:
    window = make_window(seeded_vault.folder)
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    assert window.first_run() is None  # a vault exists: no wizard, the lock screen
    page.passphrase.setText("not-the-passphrase-at-all")
    with qtbot.waitSignal(page.unlock_failed, timeout=10_000) as blocker:
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert "Wrong passphrase" in blocker.args[0]
    assert "Wrong passphrase" in page.status.text()
    assert not window.is_unlocked
    assert window.stack.currentWidget() is page

    ms = unlock_window(window, qtbot)
    assert ms >= 0
    assert window.is_unlocked
    assert window.stack.currentWidget() is window.splitter
    assert page.passphrase.text() == ""  # the secret does not linger in the widget
    assert window.case_list.model.rowCount() >= 5


def test_recovery_key_path(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    from nkcase.services.vaults import create_vault
    from nkcase.vault.keyslots import TEST_KDF

    folder = tmp_path / "v"
    vault, recovery = create_vault(folder, "Org", PASSPHRASE, kdf=TEST_KDF)
    vault.close()
    window = make_window(folder)
    page = window.unlock_page
    qtbot.mouseClick(page.mode_button, Qt.MouseButton.LeftButton)
    assert page.recovery_mode and page.recovery.isVisible() and not page.passphrase.isVisible()
    page.recovery.setText("0000-0000-0000-0000-0000-0000-0000-0000")
    with qtbot.waitSignal(page.unlock_failed, timeout=10_000) as blocker:
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert "recovery key" in blocker.args[0].lower()
    page.recovery.setText(recovery.replace("-", " ").lower())
    with qtbot.waitSignal(window.first_page_shown, timeout=10_000):
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert window.is_unlocked
    assert page.recovery.text() == ""


def _column(window: Any, column: Column) -> list[str]:
    model = window.case_list.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_list_shows_pseudonyms_never_names(
    make_window: Any, qtbot: Any, seeded_vault: Vault
) -> None:
    from nkcase.services import cases

    with seeded_vault.session() as session:
        everyone = [
            cases.case_to_dict(cases.find_case(session, r.id)) for r in cases.list_cases(session)
        ]
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    model = window.case_list.model
    assert model.rowCount() == len(everyone)
    shown = " ".join(
        str(model.index(r, c).data(role) or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    )
    for case in everyone:
        assert case["pseudonym"] in shown
        for name in (case["interviewee"]["name"], case["interviewee"]["name_ko"]):
            if name:
                assert name not in shown
        for rel in case["relatives"]:
            assert rel["name"] not in shown
    window.open_case(everyone[0]["id"])
    assert everyone[0]["pseudonym"] in window.windowTitle()
    assert everyone[0]["interviewee"]["name"] not in window.windowTitle()


def test_sorting_by_a_column(make_window: Any, qtbot: Any, seeded_vault: Vault) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    model = window.case_list.model
    with qtbot.waitSignal(model.first_page_loaded):
        window.case_list._header_clicked(Column.PSEUDONYM)
    names = _column(window, Column.PSEUDONYM)
    assert names == sorted(names)
    with qtbot.waitSignal(model.first_page_loaded):
        window.case_list._header_clicked(Column.PSEUDONYM)
    assert _column(window, Column.PSEUDONYM) == sorted(names, reverse=True)


def test_search_and_filters(make_window: Any, qtbot: Any, seeded_vault: Vault) -> None:
    from nkcase.services import cases, search

    with seeded_vault.session() as session:
        total = cases.count_cases(session)
        logging_ids = {
            h.case_id for h in search.search(session, "", search.Filters(sector="logging"))
        }
        passport_ids = {h.case_id for h in search.search(session, "passport")}
        korean_ids = {h.case_id for h in search.search(session, "여권")}
    assert 0 < len(logging_ids) < total and passport_ids and korean_ids

    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    panel, model = window.case_list, window.case_list.model

    def ids() -> set[int]:
        return {model.case_id(r) for r in range(model.rowCount())}

    with qtbot.waitSignal(model.first_page_loaded):
        panel.sector.setCurrentIndex(panel.sector.findData("logging"))
    assert ids() == logging_ids
    assert str(len(logging_ids)) in panel.count_label.text()

    with qtbot.waitSignal(model.first_page_loaded):
        panel.sector.setCurrentIndex(0)
    assert len(ids()) == total

    with qtbot.waitSignal(model.first_page_loaded, timeout=5_000):
        qtbot.keyClicks(panel.search_box, "passport")  # debounced: one search after typing
    assert ids() == passport_ids

    panel.search_box.clear()
    with qtbot.waitSignal(model.first_page_loaded):
        panel.search_box.setText("여권")
    assert ids() == korean_ids

    with qtbot.waitSignal(model.first_page_loaded):
        panel.search_box.setText("passport")
        panel.sector.setCurrentIndex(panel.sector.findData("logging"))
    assert ids() == passport_ids & logging_ids


def _shown_text(window: Any) -> str:
    """Everything the list, the tabs and the title bar show."""
    model = window.case_list.model
    cells = [
        str(model.index(r, c).data(role) or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    return " ".join([*cells, *tabs, window.windowTitle()])


def _interviewee(window: Any, qtbot: Any, case_id: int) -> dict[str, Any]:
    from nkcase.services import cases

    def op(vault: Vault) -> dict[str, Any]:
        with vault.session() as session:
            return dict(cases.case_to_dict(cases.find_case(session, case_id))["interviewee"])

    return dict(call_on_worker(window.worker, qtbot, op))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("  Kim Chol Su ", ("name", "Kim Chol Su")), ("김철수", ("name_ko", "김철수"))],
)
def test_new_case_asks_for_the_name_and_shows_only_a_pseudonym(
    make_window: Any, qtbot: Any, seeded_vault: Vault, typed: str, stored: tuple[str, str]
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    before = window.case_list.model.rowCount()
    window.menus.new_case_action.trigger()
    dialog = window.findChild(QInputDialog, "newCaseDialog")
    assert dialog is not None and dialog.isVisible()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a case needs a name in either script
    dialog.setTextValue("   ")
    assert not ok.isEnabled()
    dialog.setTextValue(typed)
    assert ok.isEnabled()
    with qtbot.waitSignal(window.case_created, timeout=10_000) as blocker:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    new_id = blocker.args[0]
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == before + 1)
    assert window.tabs.count() == 1
    assert window.tabs.tabText(0).startswith("W-")
    assert new_id in {window.case_list.model.case_id(r) for r in range(before + 1)}
    key, value = stored
    assert _interviewee(window, qtbot, new_id)[key] == value
    shown = _shown_text(window)
    assert value not in shown and "Kim" not in shown and "김철수" not in shown


def test_new_case_cancelled_creates_nothing(
    make_window: Any, qtbot: Any, seeded_vault: Vault
) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    before = window.case_list.model.rowCount()
    dialog = window.new_case()
    dialog.setTextValue("Kim Chol Su")
    dialog.reject()
    # A later, completed creation proves nothing was queued by the cancelled one.
    second = window.new_case()
    second.setTextValue("Pak Ok Nyo")
    with qtbot.waitSignal(window.case_created, timeout=10_000):
        second.accept()
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == before + 1)
    assert window.tabs.count() == 1


def test_lock_closes_the_new_case_dialog(make_window: Any, qtbot: Any, seeded_vault: Vault) -> None:
    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    dialog = window.new_case()
    dialog.setTextValue("Kim Chol Su")
    window.lock("panic")
    assert not dialog.isVisible()
    assert window.new_case() is None  # nothing to create while locked


def test_backup_reminder_says_never_or_over_a_week(
    make_window: Any, qtbot: Any, seeded_vault: Vault
) -> None:
    from datetime import UTC, datetime, timedelta

    from nkcase.services.backup import LAST_BACKUP_META
    from nkcase.services.vaults import set_meta

    window = make_window(seeded_vault.folder)
    unlock_window(window, qtbot)
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=10_000)
    assert window.statusBar().currentMessage().startswith("No backup yet")
    window.lock("manual")
    old = (datetime.now(UTC) - timedelta(days=9)).isoformat()
    with seeded_vault.session() as session:
        set_meta(session, LAST_BACKUP_META, old.encode())
    unlock_window(window, qtbot)
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=10_000)
    assert window.statusBar().currentMessage().startswith("No backup for over a week")


@pytest.mark.parametrize("width", [1280, 1200])
def test_every_editor_tab_is_in_sight_at_the_default_size(
    make_window: Any, qtbot: Any, seeded_vault: Vault, width: int
) -> None:
    window = make_window(seeded_vault.folder)
    window.resize(width, 800)
    unlock_window(window, qtbot)
    window.open_case(window.case_list.model.case_id(0))
    editor = window.case_tabs.tabs.currentWidget()
    qtbot.waitUntil(lambda: editor.snapshot is not None, timeout=10_000)
    qtbot.wait(50)
    assert window.width() == width  # the list and the editor fit side by side
    bar = editor.tabs.tabBar()
    assert bar.count() >= 8
    for i in range(bar.count()):
        assert bar.tabRect(i).right() <= bar.width(), editor.tabs.tabText(i)
    panel = window.case_list
    assert panel.target.width() >= panel.target.sizeHint().width() - 2  # "Any consent target"
