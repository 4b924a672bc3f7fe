"""The lock screen: passphrase (or recovery key) in, key derivation on the worker, busy bar."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nkcase.errors import WrongPassphrase, WrongRecoveryKey
from nkcase.gui.i18n import Retranslatable
from nkcase.gui.worker import DbWorker, user_message
from nkcase.services.vaults import open_vault
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)


class UnlockWidget(Retranslatable, QWidget):
    """Shown whenever the vault is locked. Holds no case data; clears its fields after use."""

    #: ``object``: the vault opened (it lives on the worker; read nothing from it here).
    unlocked = Signal(object)
    #: ``str``: an unlock attempt failed; the message says why (wrong passphrase...).
    unlock_failed = Signal(str)

    def __init__(self, worker: DbWorker, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.folder = Path(folder)
        self._recovery_mode = False
        self._busy = False

        self.title = QLabel(self)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel(self)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)

        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.recovery = QLineEdit(self)
        self.recovery.setObjectName("recoveryKey")
        self.recovery.setFont(QFont("monospace"))
        self.field_label = QLabel(self)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setDefault(True)
        self.unlock_button.setObjectName("unlock")
        self.mode_button = QPushButton(self)
        self.mode_button.setFlat(True)
        self.mode_button.setObjectName("useRecoveryKey")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("unlockStatus")
        self.status.setStyleSheet("color: #b3261e;")
        self.demo_note = QLabel(self)
        self.demo_note.setWordWrap(True)
        self.demo_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_note.setVisible(False)
        self.demo_note.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 8px; border-radius: 4px;"
        )
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")

        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(520)
        form = QFormLayout()
        form.addRow(self.field_label, self.passphrase)
        form.addRow("", self.recovery)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mode_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addSpacing(12)
        inner.addWidget(self.demo_note)
        inner.addLayout(form)
        inner.addWidget(self.busy)
        inner.addWidget(self.status)
        inner.addLayout(buttons)
        inner.addSpacing(8)
        inner.addWidget(self.hint)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.unlock_button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        self.recovery.returnPressed.connect(self.submit)
        self.mode_button.clicked.connect(lambda: self.set_recovery_mode(not self._recovery_mode))
        self._demo_passphrase: str | None = None
        self.set_recovery_mode(False)
        self.retranslate()

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("The vault is locked"))
        self.subtitle.setText(self.tr("Enter the passphrase to open the case vault."))
        self.unlock_button.setText(self.tr("Unlock"))
        self.field_label.setText(
            self.tr("Recovery key") if self._recovery_mode else self.tr("Passphrase")
        )
        self.mode_button.setText(
            self.tr("Use the passphrase instead")
            if self._recovery_mode
            else self.tr("Use recovery key")
        )
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.hint.setText(
            self.tr(
                "Ctrl+Shift+L locks the vault at once and clears the screen. "
                "The vault also locks itself after a few idle minutes."
            )
        )
        if self._demo_passphrase:
            self._show_demo_note()

    # -- modes ---------------------------------------------------------------------------
    def set_recovery_mode(self, on: bool) -> None:
        self._recovery_mode = on
        self.passphrase.setVisible(not on)
        self.recovery.setVisible(on)
        self.status.clear()
        self.retranslate()
        (self.recovery if on else self.passphrase).setFocus()

    @property
    def recovery_mode(self) -> bool:
        return self._recovery_mode

    def set_demo_passphrase(self, passphrase: str | None) -> None:
        """The demo vault's passphrase is shown on screen (it protects fictional cases only)."""
        self._demo_passphrase = passphrase
        self.demo_note.setVisible(bool(passphrase))
        if passphrase:
            self._show_demo_note()

    def _show_demo_note(self) -> None:
        self.demo_note.setText(
            self.tr("Demo vault with fictional cases. Its passphrase is: %1").replace(
                "%1", self._demo_passphrase or ""
            )
        )

    def reset(self) -> None:
        """Back to a clean lock screen (after a lock): no secret left in the fields."""
        self.passphrase.clear()
        self.recovery.clear()
        self.status.clear()
        self.set_busy(False)
        if self._recovery_mode:
            self.set_recovery_mode(False)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.unlock_button.setEnabled(not busy)
        self.mode_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.recovery.setEnabled(not busy)

    # -- unlocking -----------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy:
            return
        folder = self.folder
        if self._recovery_mode:
            secret = self.recovery.text().strip()
            if not secret:
                self.status.setText(self.tr("Type the recovery key."))
                return

            def opener() -> Vault:
                return open_vault(folder, recovery_key=secret)

        else:
            secret = self.passphrase.text()
            if not secret:
                self.status.setText(self.tr("Type the passphrase."))
                return

            def opener() -> Vault:
                return open_vault(folder, passphrase=secret)

        self.status.setText(self.tr("Unlocking…"))
        self.status.setStyleSheet("color: palette(text);")
        self.set_busy(True)
        self._worker.open_vault(opener, on_success=self._opened, on_failure=self._failed)

    def _opened(self, vault: Vault) -> None:
        self.reset()
        self.unlocked.emit(vault)

    def _failed(self, error: BaseException) -> None:
        self.set_busy(False)
        if isinstance(error, WrongPassphrase):
            message = self.tr("Wrong passphrase: it does not open this vault.")
        elif isinstance(error, WrongRecoveryKey):
            message = self.tr("Wrong recovery key: it does not open this vault.")
        else:
            message = user_message(error)
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(message)
        field = self.recovery if self._recovery_mode else self.passphrase
        field.selectAll()
        field.setFocus()
        self.unlock_failed.emit(message)
