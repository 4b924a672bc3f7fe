"""The main window: lock screen or (case list | editors), menus, and protection in the field."""

from __future__ import annotations

import importlib
import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nkcase.gui.case_list import CaseListPanel
from nkcase.gui.protection import ClipboardGuard, IdleWatcher, PanicKey
from nkcase.gui.settings import AppSettings
from nkcase.gui.unlock import UnlockWidget
from nkcase.gui.worker import DbWorker, user_message
from nkcase.redaction.hangul import is_hangul_text
from nkcase.services import editing
from nkcase.vault.keyslots import KdfParams
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

PANIC_SHORTCUT = "Ctrl+Shift+L"


def _optional(module: str, name: str | None = None) -> Any:
    """A part built by another engineer, or None while it is not in this build."""
    try:
        found = importlib.import_module(module)
    except ImportError:
        return None
    return getattr(found, name, None) if name else found


def _editor_class() -> Any:
    return _optional("nkcase.gui.editor", "CaseEditor")


def _export_dialog_class() -> Any:
    return _optional("nkcase.gui.export", "ExportDialog")


def _field_dialogs() -> Any:
    return _optional("nkcase.gui.field_dialogs")


def _create_case(name: str) -> Any:
    """The worker operation creating a case for the interviewee ``name`` (either script)."""
    korean = is_hangul_text(name)

    def op(vault: Vault) -> tuple[int, str]:
        with vault.session() as session:
            case = editing.create_case(
                session,
                name=None if korean else name,
                name_ko=name if korean else None,
                actor="gui",
            )
            return case.id, case.pseudonym

    return op


class _SetupPage(QWidget):
    """Shown when the vault folder holds no vault yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("createVault")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.text.setText(self.tr("There is no case vault on this computer yet."))
        self.create_button.setText(self.tr("Create a vault…"))


class MainWindow(QMainWindow):
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
        self._editors: dict[int, QWidget] = {}
        self.setObjectName("mainWindow")
        self.resize(1200, 760)

        self.stack = QStackedWidget(self)
        self.setup_page = _SetupPage(self)
        self.setup_page.create_button.clicked.connect(self.start_wizard)
        self.unlock_page = UnlockWidget(worker, self.folder, self)
        self.unlock_page.set_demo_passphrase(demo_passphrase)
        self.unlock_page.unlocked.connect(self._on_unlocked)
        self.case_list = CaseListPanel(worker, settings.language, self)
        self.case_list.case_activated.connect(self.open_case)
        self.case_list.selection_changed.connect(self._selection_changed)
        self.case_list.model.first_page_loaded.connect(self._first_page)
        self.tabs = QTabWidget(self)
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(mid);")
        self.placeholder.setContentsMargins(24, 24, 24, 24)
        self.editor_stack = QStackedWidget(self)
        self.editor_stack.addWidget(self.placeholder)
        self.editor_stack.addWidget(self.tabs)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.editor_stack)
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

        self._build_actions()
        self._build_menus()

        geometry, state = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.retranslate()
        self._show_start_page()

    # -- building --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.new_case_action = QAction(self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.triggered.connect(self.new_case)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_selected)
        # The key itself is caught by PanicKey (works over modal dialogs); the menu shows it.
        self.lock_action = QAction(self)
        self.lock_action.setObjectName("panicLock")
        self.lock_action.setShortcut(QKeySequence(PANIC_SHORTCUT))
        self.lock_action.triggered.connect(lambda: self.lock("manual"))
        self.settings_action = QAction(self)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_protection_help)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self)
        for action in (self.new_case_action, self.export_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        bar.addMenu(self.file_menu)
        self.vault_menu: QMenu | None = None
        field = _field_dialogs()
        if field is not None and hasattr(field, "add_vault_menu_actions"):
            self.vault_menu = QMenu(self)
            try:
                field.add_vault_menu_actions(self.vault_menu, self.worker, self)
                bar.addMenu(self.vault_menu)
            except Exception:
                log.exception("the Vault menu could not be built")
                self.vault_menu = None
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.about_action)
        bar.addMenu(self.help_menu)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        if self.vault_menu is not None:
            self.vault_menu.setTitle(self.tr("&Vault"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.new_case_action.setText(self.tr("&New case"))
        self.export_action.setText(self.tr("&Export packet…"))
        self.lock_action.setText(self.tr("&Lock now"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("Protection in the field"))
        self.placeholder.setText(
            self.tr("Open a case from the list (double-click), or create one with File → New case.")
        )
        self._update_title()
        self._selection_changed(self.case_list.selected_ids())

    def _update_title(self) -> None:
        # Pseudonyms only: a window title shows in task bars, screen sharing and screenshots.
        title = "nkcase"
        if self._unlocked:
            index = self.tabs.currentIndex()
            if index >= 0:
                title = f"{self.tabs.tabText(index)} — nkcase"
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
        self.new_case_action.setEnabled(on)
        self.export_action.setEnabled(on and bool(self.case_list.selected_ids()))
        self.lock_action.setEnabled(on)
        if self.vault_menu is not None:
            self.vault_menu.setEnabled(on)

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
        field = _field_dialogs()
        due = getattr(field, "backup_reminder_due", None)
        if due is None:
            return

        def show(is_due: object) -> None:
            if is_due and self._unlocked:
                self.statusBar().showMessage(
                    self.tr("No backup for over a week: use Vault → Backup…"), 0
                )

        self.worker.submit(due, on_success=show, on_failure=lambda _e: None)

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
        for editor in list(self._editors.values()):
            flush = getattr(editor, "flush", None)
            if flush is not None:
                try:
                    flush()  # queues the save ahead of the close below
                except Exception:
                    log.exception("an editor could not save before the lock")
        self._close_all_editors()
        self._close_dialogs()
        self.case_list.clear()
        self.clipboard.clear_now()
        self.clipboard.set_enabled(False)
        self.worker.close_vault()
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self._set_unlocked_actions(False)
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

    def _close_all_editors(self) -> None:
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self._editors.clear()
        self.editor_stack.setCurrentWidget(self.placeholder)
        self._balance(editor_share=0.3)

    # -- cases ---------------------------------------------------------------------------
    def open_case(self, case_id: int, pseudonym: str | None = None) -> None:
        if case_id in self._editors:
            self.tabs.setCurrentWidget(self._editors[case_id])
            return
        editor_class = _editor_class()
        row = next(
            (
                r
                for r in range(self.case_list.model.rowCount())
                if self.case_list.model.case_id(r) == case_id
            ),
            None,
        )
        title = (
            pseudonym
            or (self.case_list.model.pseudonym(row) if row is not None else None)
            or f"#{case_id}"
        )
        if editor_class is None:
            label = QLabel(self.tr("The case editor is not available in this build."))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget: QWidget = label
        else:
            widget = editor_class(self.worker, case_id, self)
            if hasattr(widget, "case_saved"):
                widget.case_saved.connect(lambda _id: self.case_list.reload())
            if hasattr(widget, "export_requested"):
                widget.export_requested.connect(self.export_cases)
        self._editors[case_id] = widget
        self.tabs.addTab(widget, title)
        self.tabs.setCurrentWidget(widget)
        if self.editor_stack.currentWidget() is not self.tabs:
            self.editor_stack.setCurrentWidget(self.tabs)
            self._balance(editor_share=0.62)
        self._update_title()

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        flush = getattr(widget, "flush", None)
        if flush is not None:
            flush()
        for case_id, editor in list(self._editors.items()):
            if editor is widget:
                del self._editors[case_id]
        self.tabs.removeTab(index)
        if widget is not None:
            widget.deleteLater()
        if not self.tabs.count():
            self.editor_stack.setCurrentWidget(self.placeholder)
            self._balance(editor_share=0.3)
        self._update_title()

    def _balance(self, editor_share: float) -> None:
        """The list gets the room while no case is open; an open case gets most of it."""
        width = max(self.splitter.width(), 600)
        editor = int(width * editor_share)
        self.splitter.setSizes([width - editor, editor])

    def new_case(self) -> QInputDialog | None:
        """Ask for the interviewee's name (a case-file case needs one), then create the case.

        The name goes into the sealed identity only: the window title, the tab and the list
        show the pseudonym.
        """
        if not self._unlocked:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("newCaseDialog")
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setWindowTitle(self.tr("New case"))
        dialog.setLabelText(
            self.tr(
                "The interviewee's name, in Latin letters or in Hangul. It stays inside the "
                "vault: the case list and the window show only a pseudonym."
            )
        )
        dialog.setOkButtonText(self.tr("Create"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self._create_named_case)
        dialog.open()
        buttons = dialog.findChild(QDialogButtonBox)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok) if buttons is not None else None
        if ok is not None:
            ok.setEnabled(False)
            dialog.textValueChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
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

        self.worker.submit(_create_case(name), on_success=created)

    def _selection_changed(self, ids: list[int]) -> None:
        available = _export_dialog_class() is not None
        self.export_action.setEnabled(self._unlocked and bool(ids) and available)
        if not available:
            self.export_action.setToolTip(self.tr("Export is not available in this build."))
        elif not ids:
            self.export_action.setToolTip(self.tr("Select one or more cases in the list first."))
        else:
            self.export_action.setToolTip("")

    def export_selected(self) -> None:
        self.export_cases(self.case_list.selected_ids())

    def export_cases(self, ids: list[int]) -> None:
        dialog_class = _export_dialog_class()
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
            install_language(app, self.settings.language)
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
