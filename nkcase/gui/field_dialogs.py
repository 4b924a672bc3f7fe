"""The Vault menu: backup, restore, key slots, recovery key, rekey, duress; the backup reminder.

Every vault operation runs on the DB worker (``worker.submit``); these widgets only ask, show
progress and report. Secrets typed here go straight to the worker and are not kept.

Texts of the module-level functions are in the "VaultMenu" translation context (written out as
``QCoreApplication.translate("VaultMenu", ...)`` so that lupdate finds them); the dialog's are
in "KeySlotsDialog" (``self.tr``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nkcase.errors import NkcaseError
from nkcase.services import backup, keys
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

APP_NAME = "nkcase"  # a name, not translated


def backup_reminder_due(vault: Vault) -> bool:
    """True when the last backup (recorded inside the vault) is over a week old. Worker thread."""
    return backup.backup_due(vault)


def _error(parent: QWidget | None, exc: BaseException) -> None:
    message = (
        str(exc)
        if isinstance(exc, NkcaseError)
        else QCoreApplication.translate("VaultMenu", "The operation failed.")
    )
    QMessageBox.warning(parent, APP_NAME, message)


def _ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def _ask_new_secret(parent: QWidget | None, title: str) -> str | None:
    first = _ask_secret(parent, title, QCoreApplication.translate("VaultMenu", "New passphrase:"))
    if first is None:
        return None
    if _ask_secret(parent, title, QCoreApplication.translate("VaultMenu", "Repeat it:")) != first:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("VaultMenu", "The two entries differ; nothing was changed."),
        )
        return None
    return first


def _progress_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "", 0, 100, parent)
    dialog.setCancelButton(None)  # these operations are safe to interrupt only by a crash
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    return dialog


def _show_secret_once(parent: QWidget | None, title: str, intro: str, secret: str) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setText(intro)
    box.setInformativeText(secret)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


# -- backup and restore -------------------------------------------------------------------
def start_backup(
    worker: Any,
    parent: QWidget | None,
    out: Path,
    on_done: Callable[[backup.BackupInfo], None] | None = None,
) -> int:
    """Write a backup to ``out`` on the worker, with a progress dialog."""
    progress = _progress_dialog(
        parent, QCoreApplication.translate("VaultMenu", "Writing the backup…")
    )

    def finished(info: backup.BackupInfo) -> None:
        progress.close()
        if on_done is not None:
            on_done(info)
        else:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("VaultMenu", "Backup"),
                QCoreApplication.translate("VaultMenu", "Backup written to %1 (%2 MiB).")
                .replace("%1", str(info.path))
                .replace("%2", f"{info.size / 2**20:.1f}"),
            )

    def failed(exc: BaseException) -> None:
        progress.close()
        _error(parent, exc)

    return int(
        worker.submit(
            lambda vault, report: backup.write_backup(vault, out, progress=report),
            on_success=finished,
            on_failure=failed,
            on_progress=lambda done, total: progress.setValue(100 * done // max(total, 1)),
        )
    )


def backup_action(worker: Any, parent: QWidget | None) -> None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("VaultMenu", "Back up the vault"),
        "vault-backup.nkbak",
        QCoreApplication.translate("VaultMenu", "nkcase backups (*.nkbak)"),
    )
    if name:
        start_backup(worker, parent, Path(name))


def start_restore(
    worker: Any,
    parent: QWidget | None,
    source: Path,
    folder: Path,
    passphrase: str,
    on_done: Callable[[backup.RestoreInfo], None] | None = None,
) -> int:
    """Restore ``source`` into ``folder`` (a new or empty folder) on the worker; no vault needed."""

    def finished(info: backup.RestoreInfo) -> None:
        if on_done is not None:
            on_done(info)
        else:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("VaultMenu", "Restore"),
                QCoreApplication.translate(
                    "VaultMenu", "Restored %1 cases into %2. Open that folder to use it."
                )
                .replace("%1", str(info.cases))
                .replace("%2", str(info.folder)),
            )

    return int(
        worker.run(
            lambda: backup.restore_backup(source, folder, passphrase=passphrase),
            on_success=finished,
            on_failure=lambda exc: _error(parent, exc),
        )
    )


def restore_action(worker: Any, parent: QWidget | None) -> None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("VaultMenu", "Restore a backup"),
        "",
        QCoreApplication.translate("VaultMenu", "nkcase backups (*.nkbak);;All files (*)"),
    )
    if not name:
        return
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("VaultMenu", "Restore into an empty folder")
    )
    if not folder:
        return
    secret = _ask_secret(
        parent,
        QCoreApplication.translate("VaultMenu", "Restore"),
        QCoreApplication.translate("VaultMenu", "Passphrase of the backup:"),
    )
    if secret is not None:
        start_restore(worker, parent, Path(name), Path(folder), secret)


# -- key slots ----------------------------------------------------------------------------
class KeySlotsDialog(QDialog):
    """The key slots (no names in the key file: labels come from inside the vault)."""

    def __init__(self, worker: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("Key slots"))
        self.slots: list[keys.SlotView] = []
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setAllColumnsShowFocus(True)
        self.table.setHeaderLabels(
            [self.tr("Secret"), self.tr("Label"), self.tr("Added"), self.tr("This session")]
        )
        self.add_button = QPushButton(self.tr("Add passphrase…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.recovery_button = QPushButton(self.tr("New recovery key…"), self)
        self.duress_button = QPushButton(self.tr("Duress passphrase…"), self)
        self.rekey_button = QPushButton(self.tr("Re-encrypt (rekey)…"), self)
        buttons = QVBoxLayout()
        for b in (self.add_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addSpacing(16)  # the ones below replace or scramble secrets
        for b in (self.recovery_button, self.duress_button, self.rekey_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Each slot opens the same vault with its own secret."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(middle)
        layout.addWidget(close)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.recovery_button.clicked.connect(self._recovery)
        self.duress_button.clicked.connect(self._duress)
        self.rekey_button.clicked.connect(self._rekey)
        self.table.currentItemChanged.connect(self._update_buttons)
        self._update_buttons()
        self.resize(720, 300)
        self.refresh()

    def _while_open(self, callback: Callable[..., None]) -> Callable[..., None]:
        """``callback`` for the worker, skipped once this dialog is deleted (closed, locked)."""

        def call(*args: Any) -> None:
            if shiboken6.isValid(self):
                callback(*args)

        return call

    def _submit(self, fn: Callable[..., Any], on_success: Callable[[Any], None]) -> None:
        self.worker.submit(
            fn, on_success=self._while_open(on_success), on_failure=self._while_open(self._fail)
        )

    def _confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _update_buttons(self) -> None:
        slot = self._selected()
        # The recovery slot is replaced, never removed; the service refuses the last passphrase.
        self.remove_button.setEnabled(slot is not None and slot.kind != "recovery")

    def _selected(self) -> keys.SlotView | None:
        item = self.table.currentItem()
        if item is None:
            return None
        slot_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((s for s in self.slots if s.id == slot_id), None)

    def refresh(self) -> None:
        self._submit(keys.list_slots, self._show)

    def _show(self, slots: list[keys.SlotView]) -> None:
        self.slots = slots
        self.table.clear()
        names = {
            "passphrase": self.tr("Passphrase"),
            "recovery": self.tr("Recovery key"),
            "duress": self.tr("Duress passphrase"),
        }
        for s in slots:
            item = QTreeWidgetItem(
                [
                    names.get(s.kind, s.kind),
                    s.label,
                    s.created,
                    self.tr("opened the vault") if s.current else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, s.id)
            self.table.addTopLevelItem(item)
        for column in range(self.table.columnCount() - 1):  # the last one stretches
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 24)
        self._update_buttons()

    def _fail(self, exc: BaseException) -> None:
        _error(self, exc)
        self.refresh()

    def _then_refresh(self, _result: object = None) -> None:
        self.refresh()

    def _add(self) -> None:
        secret = _ask_new_secret(self, self.tr("Add passphrase"))
        if secret is None:
            return
        label, _ok = QInputDialog.getText(
            self, self.tr("Add passphrase"), self.tr("Label (optional):")
        )
        self._submit(
            lambda vault: keys.add_passphrase(vault, secret, label=label), self._then_refresh
        )

    def _remove(self) -> None:
        slot = self._selected()
        if slot is None or not self._confirm(
            self.tr("Remove"),
            self.tr("Remove this key slot? Its secret will no longer open the vault."),
        ):
            return
        slot_id = slot.id
        self._submit(lambda vault: keys.remove_slot(vault, slot_id), self._then_refresh)

    def _recovery(self) -> None:
        def show(recovery: str) -> None:
            _show_secret_once(
                self,
                self.tr("New recovery key"),
                self.tr(
                    "Write this down and keep it away from the laptop. The old one no longer "
                    "opens the vault."
                ),
                recovery,
            )
            self.refresh()

        if self._confirm(
            self.tr("New recovery key"),
            self.tr("Make a new recovery key? The old one will no longer open the vault."),
        ):
            self._submit(keys.regenerate_recovery_key, show)

    def _duress(self) -> None:
        if any(s.kind == "duress" for s in self.slots):
            if self._confirm(
                self.tr("Duress passphrase"), self.tr("Remove the duress passphrase?")
            ):
                self._submit(keys.clear_duress, self._then_refresh)
            return
        QMessageBox.information(
            self,
            self.tr("Duress passphrase"),
            self.tr(
                "Typed at unlock, the duress passphrase scrambles every other passphrase and "
                "shows an empty vault. Afterwards ONLY the recovery key opens this vault: keep it "
                "somewhere safe, away from the laptop."
            ),
        )
        secret = _ask_new_secret(self, self.tr("Duress passphrase"))
        if secret is not None:
            self._submit(lambda vault: keys.set_duress(vault, secret), self._then_refresh)

    def _rekey(self) -> None:
        if not self._confirm(
            self.tr("Re-encrypt the vault"),
            self.tr(
                "Re-encrypt the whole vault under a new key? Only the new passphrase and a new "
                "recovery key will open it: other passphrases and the duress passphrase are "
                "removed."
            ),
        ):
            return
        secret = _ask_new_secret(self, self.tr("Re-encrypt the vault"))
        if secret is None:
            return
        progress = _progress_dialog(self, self.tr("Re-encrypting the vault…"))

        def done(result: keys.RekeyResult) -> None:
            progress.close()
            _show_secret_once(
                self,
                self.tr("Vault re-encrypted"),
                self.tr(
                    "The vault now has a new key; other passphrases were removed. "
                    "NEW recovery key (the old one no longer works):"
                ),
                result.recovery_key,
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            progress.close()
            self._fail(exc)

        self.worker.submit(
            lambda vault, report: keys.rekey(vault, secret, progress=report),
            on_success=self._while_open(done),
            on_failure=self._while_open(failed),
            on_progress=self._while_open(lambda d, t: progress.setValue(100 * d // max(t, 1))),
        )


class VaultMenu(QObject):
    """The Vault menu's actions, retranslated when the language changes.

    The main window owns the menu and its title; a menu handed over without a title gets one.
    """

    def __init__(self, menu: QMenu, worker: Any, parent: QWidget | None) -> None:
        super().__init__(menu)
        self.menu = menu
        self._owns_title = not menu.title()
        self.backup_action: QAction = menu.addAction("")
        self.backup_action.triggered.connect(lambda: backup_action(worker, parent))
        self.restore_action: QAction = menu.addAction("")
        self.restore_action.triggered.connect(lambda: restore_action(worker, parent))
        menu.addSeparator()
        self.key_slots_action: QAction = menu.addAction("")
        self.key_slots_action.triggered.connect(lambda: open_key_slots(worker, parent))
        menu.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        if self._owns_title:
            self.menu.setTitle(self.tr("&Vault"))
        self.backup_action.setText(self.tr("&Back up…"))
        self.restore_action.setText(self.tr("&Restore a backup…"))
        self.key_slots_action.setText(self.tr("&Key slots, recovery key, duress…"))


def open_key_slots(worker: Any, parent: QWidget | None) -> None:
    """Show the key slots dialog modally; it is deleted when closed (a lock closes it too)."""
    dialog = KeySlotsDialog(worker, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()


def add_vault_menu_actions(menu: QMenu, worker: Any, parent: QWidget | None) -> VaultMenu:
    """Fill the main window's Vault menu."""
    return VaultMenu(menu, worker, parent)
