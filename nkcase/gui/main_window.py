"""The main window: lock screen or (case list | editors), menus, and protection in the field.

Its parts live beside it: the menu bar (main_menus), the open-case tabs (case_tabs), the New case
dialog (new_case), the no-vault-yet page (setup_page) and the parts other modules may provide
(optional_parts).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from nkcase.gui.case_list import CaseListPanel
from nkcase.gui.case_tabs import CaseTabs
from nkcase.gui.i18n import Retranslatable
from nkcase.gui.main_menus import MainMenus
from nkcase.gui.new_case import NewCaseDialog, create_case_op
from nkcase.gui.optional_parts import backup_reminder_check, export_dialog_class
from nkcase.gui.protection import ClipboardGuard, IdleWatcher, PanicKey
from nkcase.gui.settings import AppSettings
from nkcase.gui.setup_page import SetupPage
from nkcase.gui.unlock import UnlockWidget
from nkcase.gui.worker import DbWorker, user_message
from nkcase.vault.keyslots import KdfParams
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

PANIC_SHORTCUT = "Ctrl+Shift+L"


class MainWindow(Retranslatable, QMainWindow):
    """One window per vault folder. Locked, it shows nothing but the lock screen."""

    #: no payload: the vault was opened and the case list asked for.
    unlocked = Signal()
    #: ``str``: the vault was locked ("manual", "panic", "idle", "quit").
    locked = Signal(str)
    #: ``float``: ms from the vault being open to the first page of the case list in the model.
    first_page_shown = Signal(float)
    #: ``int``: a case was created from the window (its id).
    case_created = Signal(int)

    def __init__(
        self,
        worker: DbWorker,
        settings: AppSettings,
        folder: Path,
        kdf: KdfParams | None = None,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.settings = settings
        self.folder = Path(folder)
        self._kdf = kdf
        self._unlocked = False
        self._unlocked_at = 0.0
        self._language = settings.language
        self._backup_due = ""  # "never" / "stale" while the status bar shows the reminder
        self.setObjectName("mainWindow")
        self.resize(1200, 760)

        self.stack = QStackedWidget(self)
        self.setup_page = SetupPage(self)
        self.setup_page.create_button.clicked.connect(self.start_wizard)
        self.unlock_page = UnlockWidget(worker, self.folder, self)
        self.unlock_page.set_demo_passphrase(demo_passphrase)
        self.unlock_page.unlocked.connect(self._on_unlocked)
        self.case_list = CaseListPanel(worker, settings.language, self)
        self.case_list.case_activated.connect(self.open_case)
        self.case_list.selection_changed.connect(self._selection_changed)
        self.case_list.model.first_page_loaded.connect(self._first_page)
        self.case_tabs = CaseTabs(worker, self)
        self.case_tabs.open_changed.connect(lambda on: self._balance(0.7 if on else 0.3))
        self.case_tabs.current_changed.connect(self._update_title)
        self.case_tabs.case_saved.connect(lambda _id: self.case_list.reload())
        self.case_tabs.export_requested.connect(self.export_cases)
        self.tabs = self.case_tabs.tabs
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.case_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.stack.addWidget(self.setup_page)
        self.stack.addWidget(self.unlock_page)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.statusBar().addPermanentWidget(self.busy)
        self._busy_timer = QTimer(self)  # show the busy bar only for work that takes a while
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(300)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(True))
        worker.busy_changed.connect(self._busy_changed)
        worker.failed.connect(self.show_error)

        self.idle = IdleWatcher(settings.autolock_seconds * 1000, self)
        self.idle.idle_timed_out.connect(lambda: self.lock("idle"))
        self.clipboard = ClipboardGuard(settings.clipboard_seconds * 1000, self)
        self.panic_key = PanicKey(PANIC_SHORTCUT, self)
        self.panic_key.panic_pressed.connect(lambda: self.lock("panic"))

        self.menus = MainMenus(self, worker, PANIC_SHORTCUT)
        self.menus.new_case_action.triggered.connect(self.new_case)
        self.menus.export_action.triggered.connect(self.export_selected)
        self.menus.lock_action.triggered.connect(lambda: self.lock("manual"))
        self.menus.settings_action.triggered.connect(self.open_settings)
        self.menus.quit_action.triggered.connect(self.close)
        self.menus.about_action.triggered.connect(self.show_protection_help)

        geometry, state = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.retranslate()
        self._show_start_page()

    def retranslate(self) -> None:
        self.menus.retranslate()
        self._update_title()
        self._selection_changed(self.case_list.selected_ids())
        self._show_backup_reminder()

    def _update_title(self) -> None:
        # Pseudonyms only: a window title shows in task bars, screen sharing and screenshots.
        title = "nkcase"
        if self._unlocked:
            current = self.case_tabs.current_title()
            if current is not None:
                title = f"{current} — nkcase"
        else:
            title = self.tr("nkcase (locked)")
        self.setWindowTitle(title)

    # -- pages ---------------------------------------------------------------------------
    def _show_start_page(self) -> None:
        has_vault = (
            Vault.keys_path_of(self.folder).exists() or Vault.db_path_of(self.folder).exists()
        )
        self.stack.setCurrentWidget(self.unlock_page if has_vault else self.setup_page)
        self._set_unlocked_actions(False)
        self._update_title()

    def _set_unlocked_actions(self, on: bool) -> None:
        self.menus.set_unlocked(on)
        self.menus.export_action.setEnabled(on and bool(self.case_list.selected_ids()))

    def first_run(self) -> Any:
        """On a computer with no vault yet, open the creation wizard straight away."""
        if self.stack.currentWidget() is self.setup_page:
            return self.start_wizard()
        return None

    def start_wizard(self) -> Any:
        from nkcase.gui.wizard import CreateVaultWizard

        wizard = CreateVaultWizard(self.worker, self.folder, kdf=self._kdf, parent=self)
        wizard.vault_created.connect(self._on_vault_created)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def open_with(self, opener: Any) -> None:
        """Open (or create) the vault with ``opener`` on the worker, busy lock screen meanwhile."""
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.set_busy(True)

        def failed(error: BaseException) -> None:
            self.unlock_page.set_busy(False)
            self.show_error(user_message(error))

        def opened(vault: Vault) -> None:
            self.unlock_page.set_busy(False)
            self._on_unlocked(vault)

        self.worker.open_vault(opener, on_success=opened, on_failure=failed)

    def _on_vault_created(self) -> None:
        self._on_unlocked(None)

    def _on_unlocked(self, _vault: Any) -> None:
        self._unlocked = True
        self._unlocked_at = time.perf_counter()
        self.stack.setCurrentWidget(self.splitter)
        self._balance(editor_share=0.3)
        self._set_unlocked_actions(True)
        self.case_list.set_language(self.settings.language)
        self.case_list.model.clear()
        self.case_list.reload()
        self.idle.set_timeout_ms(self.settings.autolock_seconds * 1000)
        self.clipboard.set_timeout_ms(self.settings.clipboard_seconds * 1000)
        self.idle.arm()
        self.clipboard.set_enabled(True)
        self._update_title()
        self.case_list.search_box.setFocus()
        self._check_backup_reminder()
        self.unlocked.emit()

    def _check_backup_reminder(self) -> None:
        due = backup_reminder_check()
        if due is None:
            return

        def show(why: object) -> None:
            self._backup_due = str(why or "") if self._unlocked else ""
            self._show_backup_reminder()

        self.worker.submit(due, on_success=show, on_failure=lambda _e: None)

    def _show_backup_reminder(self) -> None:
        if not self._unlocked or not self._backup_due:
            return
        if self._backup_due == "never":
            text = self.tr("No backup yet: use Vault → Back up…")
        else:
            text = self.tr("No backup for over a week: use Vault → Back up…")
        self.statusBar().showMessage(text, 0)

    def _first_page(self, _ms: float) -> None:
        if self._unlocked_at:
            elapsed = (time.perf_counter() - self._unlocked_at) * 1000.0
            self._unlocked_at = 0.0
            log.info("first page of the case list %.1f ms after unlocking", elapsed)
            self.first_page_shown.emit(elapsed)

    @property
    def is_unlocked(self) -> bool:
        return self._unlocked

    # -- locking -------------------------------------------------------------------------
    def lock(self, reason: str = "manual") -> None:
        """Save what is pending, then clear the screen and close the vault at once."""
        if not self._unlocked:
            return
        self._unlocked = False
        self.idle.disarm()
        self.case_tabs.flush_all()  # queues the saves ahead of the close below
        self.case_tabs.close_all()
        self._close_dialogs()
        self.case_list.clear()
        self.clipboard.clear_now()
        self.clipboard.set_enabled(False)
        self.worker.close_vault()
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self._set_unlocked_actions(False)
        self._backup_due = ""
        self.statusBar().clearMessage()
        self._update_title()
        self.unlock_page.passphrase.setFocus()
        log.info("vault locked (%s)", reason)
        self.locked.emit(reason)

    def _close_dialogs(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible():
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            widget.close()

    # -- cases ---------------------------------------------------------------------------
    def open_case(self, case_id: int, pseudonym: str | None = None) -> None:
        model = self.case_list.model
        row = next((r for r in range(model.rowCount()) if model.case_id(r) == case_id), None)
        title = pseudonym or (model.pseudonym(row) if row is not None else None) or f"#{case_id}"
        self.case_tabs.open(case_id, title)

    def close_tab(self, index: int) -> None:
        self.case_tabs.close_tab(index)

    def _balance(self, editor_share: float) -> None:
        """The list gets the room while no case is open; an open case gets most of it."""
        width = max(self.splitter.width(), 600)
        editor = int(width * editor_share)
        self.splitter.setSizes([width - editor, editor])

    def new_case(self) -> NewCaseDialog | None:
        """Ask for the interviewee's name; the case is created when the dialog is accepted."""
        if not self._unlocked:
            return None
        dialog = NewCaseDialog(self)
        dialog.textValueSelected.connect(self._create_named_case)
        dialog.open()
        return dialog

    def _create_named_case(self, name: str) -> None:
        name = name.strip()
        if not self._unlocked or not name:
            return

        def created(result: tuple[int, str]) -> None:
            case_id, pseudonym = result
            if not self._unlocked:
                return  # locked while the case was being created: show nothing
            self.case_list.reload()
            self.open_case(case_id, pseudonym)
            self.case_created.emit(case_id)

        self.worker.submit(create_case_op(name), on_success=created)

    def _selection_changed(self, ids: list[int]) -> None:
        available = export_dialog_class() is not None
        action = self.menus.export_action
        action.setEnabled(self._unlocked and bool(ids) and available)
        if not available:
            action.setToolTip(self.tr("Export is not available in this build."))
        elif not ids:
            action.setToolTip(self.tr("Select one or more cases in the list first."))
        else:
            action.setToolTip("")

    def export_selected(self) -> None:
        self.export_cases(self.case_list.selected_ids())

    def export_cases(self, ids: list[int]) -> None:
        dialog_class = export_dialog_class()
        if not self._unlocked or not ids or dialog_class is None:
            return
        dialog = dialog_class(self.worker, list(ids), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- dialogs -------------------------------------------------------------------------
    def open_settings(self) -> Any:
        from nkcase.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.apply_settings)
        dialog.open()
        return dialog

    def apply_settings(self) -> None:
        from nkcase.gui.i18n import install_language

        app = QApplication.instance()
        if app is not None:
            changed = self.settings.language != getattr(self, "_language", None)
            install_language(app, self.settings.language)
            if changed:
                self.case_tabs.reopen_all()  # the editors' texts follow the switch
        self._language = self.settings.language
        self.case_list.set_language(self.settings.language)
        self.idle.set_timeout_ms(self.settings.autolock_seconds * 1000)
        self.clipboard.set_timeout_ms(self.settings.clipboard_seconds * 1000)

    def show_error(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "nkcase", message, QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_protection_help(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Protection in the field"))
        box.setText(
            self.tr(
                "<p><b>Ctrl+Shift+L</b> locks the vault at once and clears the screen.</p>"
                "<p>The vault locks itself after %1 minute(s) without input.</p>"
                "<p>Text copied from a case is cleared from the clipboard after %2 seconds.</p>"
            )
            .replace("%1", str(max(1, self.settings.autolock_seconds // 60)))
            .replace("%2", str(self.settings.clipboard_seconds))
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock("quit")
        self.panic_key.uninstall()
        self.settings.save_geometry(self.saveGeometry(), self.saveState())
        super().closeEvent(event)
