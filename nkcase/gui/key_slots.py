"""The key-slots dialog: passphrase slots, the recovery key, duress, rekey (texts in the
"KeySlotsDialog" translation context). Every operation runs on the DB worker."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nkcase.gui.vault_prompts import (
    ask_new_secret,
    progress_dialog,
    show_error,
    show_secret_once,
)
from nkcase.services import keys

log = logging.getLogger(__name__)


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
        show_error(self, exc)
        self.refresh()

    def _then_refresh(self, _result: object = None) -> None:
        self.refresh()

    def _add(self) -> None:
        secret = ask_new_secret(self, self.tr("Add passphrase"))
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
            show_secret_once(
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
        secret = ask_new_secret(self, self.tr("Duress passphrase"))
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
        secret = ask_new_secret(self, self.tr("Re-encrypt the vault"))
        if secret is None:
            return
        progress = progress_dialog(self, self.tr("Re-encrypting the vault…"))

        def done(result: keys.RekeyResult) -> None:
            progress.close()
            show_secret_once(
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
