"""The Vault menu: backup, restore, key slots, recovery key, rekey, duress; the backup reminder.

Every vault operation runs on the DB worker (``worker.submit``); these widgets only ask, show
progress and report. Secrets typed here go straight to the worker and are not kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nkcase.errors import NkcaseError
from nkcase.services import backup, keys
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("FieldDialogs", text)


def backup_reminder_due(vault: Vault) -> bool:
    """True when the last backup (recorded inside the vault) is over a week old. Worker thread."""
    return backup.backup_due(vault)


def _error(parent: QWidget | None, exc: BaseException) -> None:
    message = str(exc) if isinstance(exc, NkcaseError) else tr("The operation failed.")
    QMessageBox.warning(parent, tr("nkcase"), message)


def _ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def _ask_new_secret(parent: QWidget | None, title: str) -> str | None:
    first = _ask_secret(parent, title, tr("New passphrase:"))
    if first is None:
        return None
    if _ask_secret(parent, title, tr("Repeat it:")) != first:
        QMessageBox.warning(parent, title, tr("The two entries differ; nothing was changed."))
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
    progress = _progress_dialog(parent, tr("Writing the backup…"))

    def finished(info: backup.BackupInfo) -> None:
        progress.close()
        if on_done is not None:
            on_done(info)
        else:
            QMessageBox.information(
                parent,
                tr("Backup"),
                tr("Backup written to {path} ({size:.1f} MiB).").format(
                    path=info.path, size=info.size / 2**20
                ),
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
        parent, tr("Back up the vault"), "vault-backup.nkbak", tr("nkcase backups (*.nkbak)")
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
                tr("Restore"),
                tr("Restored {cases} cases into {folder}. Open that folder to use it.").format(
                    cases=info.cases, folder=info.folder
                ),
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
        parent, tr("Restore a backup"), "", tr("nkcase backups (*.nkbak);;All files (*)")
    )
    if not name:
        return
    folder = QFileDialog.getExistingDirectory(parent, tr("Restore into an empty folder"))
    if not folder:
        return
    secret = _ask_secret(parent, tr("Restore"), tr("Passphrase of the backup:"))
    if secret is not None:
        start_restore(worker, parent, Path(name), Path(folder), secret)


# -- key slots ----------------------------------------------------------------------------
class KeySlotsDialog(QDialog):
    """The key slots (no names in the key file: labels come from inside the vault)."""

    def __init__(self, worker: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(tr("Key slots"))
        self.slots: list[keys.SlotView] = []
        self.list = QListWidget(self)
        self.add_button = QPushButton(tr("Add passphrase…"), self)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.recovery_button = QPushButton(tr("New recovery key…"), self)
        self.duress_button = QPushButton(tr("Duress passphrase…"), self)
        self.rekey_button = QPushButton(tr("Re-encrypt (rekey)…"), self)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.recovery_button):
            buttons.addWidget(b)
        more = QHBoxLayout()
        for b in (self.duress_button, self.rekey_button):
            more.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Each slot opens the same vault with its own secret."), self))
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addWidget(close)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.recovery_button.clicked.connect(self._recovery)
        self.duress_button.clicked.connect(self._duress)
        self.rekey_button.clicked.connect(self._rekey)
        self.refresh()

    def refresh(self) -> None:
        self.worker.submit(keys.list_slots, on_success=self._show, on_failure=self._fail)

    def _show(self, slots: list[keys.SlotView]) -> None:
        self.slots = slots
        self.list.clear()
        names = {
            "passphrase": tr("Passphrase"),
            "recovery": tr("Recovery key"),
            "duress": tr("Duress passphrase"),
        }
        for s in slots:
            text = f"{names.get(s.kind, s.kind)}  {s.label}  ({s.created}, {s.memory_mib} MiB)"
            if s.current:
                text += "  " + tr("— opened this session")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.list.addItem(item)

    def _fail(self, exc: BaseException) -> None:
        _error(self, exc)
        self.refresh()

    def _then_refresh(self, _result: object = None) -> None:
        self.refresh()

    def _add(self) -> None:
        secret = _ask_new_secret(self, tr("Add passphrase"))
        if secret is None:
            return
        label, _ok = QInputDialog.getText(self, tr("Add passphrase"), tr("Label (optional):"))
        self.worker.submit(
            lambda vault: keys.add_passphrase(vault, secret, label=label),
            on_success=self._then_refresh,
            on_failure=self._fail,
        )

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        slot_id = str(item.data(Qt.ItemDataRole.UserRole))
        self.worker.submit(
            lambda vault: keys.remove_slot(vault, slot_id),
            on_success=self._then_refresh,
            on_failure=self._fail,
        )

    def _recovery(self) -> None:
        def show(recovery: str) -> None:
            _show_secret_once(
                self,
                tr("New recovery key"),
                tr(
                    "Write this down and keep it away from the laptop. The old one no longer "
                    "opens the vault."
                ),
                recovery,
            )
            self.refresh()

        self.worker.submit(keys.regenerate_recovery_key, on_success=show, on_failure=self._fail)

    def _duress(self) -> None:
        has = any(s.kind == "duress" for s in self.slots)
        if (
            has
            and QMessageBox.question(self, tr("Duress"), tr("Remove the duress passphrase?"))
            == QMessageBox.StandardButton.Yes
        ):
            self.worker.submit(
                keys.clear_duress, on_success=self._then_refresh, on_failure=self._fail
            )
            return
        QMessageBox.information(
            self,
            tr("Duress passphrase"),
            tr(
                "Typed at unlock, the duress passphrase scrambles every other passphrase and "
                "shows an empty vault. Afterwards ONLY the recovery key opens this vault: keep it "
                "somewhere safe, away from the laptop."
            ),
        )
        secret = _ask_new_secret(self, tr("Duress passphrase"))
        if secret is not None:
            self.worker.submit(
                lambda vault: keys.set_duress(vault, secret),
                on_success=self._then_refresh,
                on_failure=self._fail,
            )

    def _rekey(self) -> None:
        secret = _ask_new_secret(self, tr("Re-encrypt the vault"))
        if secret is None:
            return
        progress = _progress_dialog(self, tr("Re-encrypting the vault…"))

        def done(result: keys.RekeyResult) -> None:
            progress.close()
            _show_secret_once(
                self,
                tr("Vault re-encrypted"),
                tr(
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
            on_success=done,
            on_failure=failed,
            on_progress=lambda d, t: progress.setValue(100 * d // max(t, 1)),
        )


def add_vault_menu_actions(menu: QMenu, worker: Any, parent: QWidget | None) -> None:
    """Fill the main window's Vault menu."""
    if not menu.title():
        menu.setTitle(tr("&Vault"))
    menu.addAction(tr("Back up…"), lambda: backup_action(worker, parent))
    menu.addAction(tr("Restore a backup…"), lambda: restore_action(worker, parent))
    menu.addSeparator()
    menu.addAction(
        tr("Key slots, recovery key, duress…"), lambda: KeySlotsDialog(worker, parent).exec()
    )
