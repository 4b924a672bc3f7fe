"""First run: create the vault (organisation, passphrase with a strength meter, recovery key)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from nkcase.errors import WeakPassphrase
from nkcase.gui.i18n import Retranslatable
from nkcase.gui.worker import DbWorker, user_message
from nkcase.services.vaults import create_vault
from nkcase.vault.keyslots import MIN_PASSPHRASE_CHARS, KdfParams, check_passphrase_strength
from nkcase.vault.keyslots import strength_score as score_passphrase
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

STRENGTH_COLOURS = ("#b3261e", "#b3261e", "#c77700", "#2e7d32", "#1b5e20")


class OrganisationPage(Retranslatable, QWizardPage):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("organisation")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.folder_label = QLabel(self)
        self.folder_value = QLabel(str(folder), self)
        self.folder_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.org_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.org_label, self.organisation)
        form.addRow(self.folder_label, self.folder_value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addLayout(form)
        self.registerField("organisation*", self.organisation)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Create the case vault"))
        self.setSubTitle(self.tr("Everything is encrypted in one vault on this computer."))
        self.intro.setText(
            self.tr(
                "The organisation's name signs every testimony packet you export. "
                "It is stored inside the encrypted vault."
            )
        )
        self.org_label.setText(self.tr("Organisation"))
        self.folder_label.setText(self.tr("Vault folder"))


class PassphrasePage(Retranslatable, QWizardPage):
    """Validating this page creates the vault on the worker (the KDF takes a second or more)."""

    def __init__(self, wizard: CreateVaultWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("newPassphrase")
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeatPassphrase")
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.meter.setObjectName("strengthMeter")
        self.strength = QLabel(self)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setObjectName("passphraseReason")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.pass_label = QLabel(self)
        self.repeat_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.pass_label, self.passphrase)
        form.addRow(self.repeat_label, self.repeat)
        form.addRow(self.strength, self.meter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.reason)
        layout.addStretch(1)
        layout.addWidget(self.busy)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.update_meter)
        self.passphrase.textChanged.connect(lambda _t: self._timer.start())
        self.passphrase.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.repeat.textChanged.connect(lambda _t: self.completeChanged.emit())
        self._creating = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(self.tr("Nobody, not even us, can open the vault without it."))
        self.advice.setText(
            self.tr(
                "Use at least %1 characters. Four or more unrelated words are easy to "
                "remember and hard to guess. Never reuse a passphrase from elsewhere."
            ).replace("%1", str(MIN_PASSPHRASE_CHARS))
        )
        self.pass_label.setText(self.tr("Passphrase"))
        self.repeat_label.setText(self.tr("Repeat it"))
        self.update_meter()

    def strength_names(self) -> tuple[str, ...]:
        return (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Strong"),
            self.tr("Very strong"),
        )

    def update_meter(self) -> None:
        text = self.passphrase.text()
        score = score_passphrase(text) if text else 0
        self.meter.setValue(score)
        self.meter.setStyleSheet(
            f"QProgressBar::chunk {{ background: {STRENGTH_COLOURS[score]}; }}"
        )
        self.strength.setText(self.strength_names()[score] if text else self.tr("Strength"))
        self.reason.setText(self.refusal_reason() if text else "")

    def refusal_reason(self) -> str:
        """Why this passphrase would be refused, or "" if it is acceptable."""
        text = self.passphrase.text()
        if len(text) < MIN_PASSPHRASE_CHARS:
            return self.tr("Too short: use at least %1 characters.").replace(
                "%1", str(MIN_PASSPHRASE_CHARS)
            )
        try:
            check_passphrase_strength(text)
        except WeakPassphrase:
            from zxcvbn import zxcvbn

            warning = str((zxcvbn(text[:100]).get("feedback") or {}).get("warning") or "")
            reason = self.tr("Too easy to guess: add more unrelated words or characters.")
            return f"{reason} ({warning.rstrip('.')})" if warning else reason
        return ""

    def isComplete(self) -> bool:
        return bool(self.passphrase.text()) and self.passphrase.text() == self.repeat.text()

    def validatePage(self) -> bool:
        if self._wizard.vault_ready:
            return True
        if self._creating:
            return False
        self.update_meter()
        if self.refusal_reason():
            return False
        self._creating = True
        self.set_busy(True)
        self._wizard.create_vault(self.passphrase.text(), on_done=self._created)
        return False

    def _created(self, error: BaseException | None) -> None:
        self._creating = False
        self.set_busy(False)
        if error is not None:
            self.reason.setText(user_message(error))
            return
        self.passphrase.clear()
        self.repeat.clear()
        self._wizard.next()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.repeat.setEnabled(not busy)
        if busy:
            self.reason.setText(self.tr("Creating the vault… (deriving the key takes a moment)"))


class RecoveryPage(Retranslatable, QWizardPage):
    def __init__(self, wizard: CreateVaultWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.key = QLabel(self)
        self.key.setObjectName("recoveryKey")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 1.5)
        font.setBold(True)
        self.key.setFont(font)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setStyleSheet("padding: 12px; border: 1px dashed palette(mid);")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printRecoveryKey")
        self.print_button.clicked.connect(self.print_key)
        self.confirm = QCheckBox(self)
        self.confirm.setObjectName("writtenDown")
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addSpacing(8)
        layout.addWidget(self.key)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.confirm)
        self.registerField("written*", self.confirm)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Write down the recovery key"))
        self.setSubTitle(self.tr("It is shown only this once."))
        self.explain.setText(
            self.tr(
                "If the passphrase is forgotten, this key is the only way into the vault. "
                "Write it on paper and keep it somewhere safe, away from this computer. "
                "Do not photograph it or save it in a file."
            )
        )
        self.print_button.setText(self.tr("Print…"))
        self.confirm.setText(self.tr("I have written it down and put it somewhere safe"))

    def initializePage(self) -> None:
        self.key.setText(self._wizard.recovery_key or "")

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # Straight to a printer: never to a PDF file on this disk.
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setPlainText(
            self.tr("nkcase recovery key")
            + "\n\n"
            + (self._wizard.recovery_key or "")
            + "\n\n"
            + self.tr("Keep this paper safe. It opens the vault without the passphrase.")
        )
        painter = QPainter(printer)
        doc.drawContents(painter)
        painter.end()


class CreateVaultWizard(Retranslatable, QWizard):
    """Creates a vault in ``folder``; when it finishes, the worker holds the open vault."""

    #: no payload: the vault exists and is open on the worker.
    vault_created = Signal()

    def __init__(
        self,
        worker: DbWorker,
        folder: Path,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self.folder = Path(folder)
        self._kdf = kdf
        self.recovery_key: str | None = None
        self.vault_ready = False
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(640, 480)
        self.organisation_page = OrganisationPage(self.folder, self)
        self.passphrase_page = PassphrasePage(self)
        self.recovery_page = RecoveryPage(self)
        self.addPage(self.organisation_page)
        self.addPage(self.passphrase_page)
        self.addPage(self.recovery_page)
        self.currentIdChanged.connect(self._page_changed)
        self.retranslate()
        # zxcvbn loads big word lists on first use: warm it up off the GUI thread.
        worker.run(lambda: score_passphrase("warm-up"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New vault"))

    def _page_changed(self, _page_id: int) -> None:
        on_recovery = self.currentPage() is self.recovery_page
        # Once the vault exists there is no going back and no cancelling the key's display.
        self.button(QWizard.WizardButton.CancelButton).setVisible(not on_recovery)

    def create_vault(self, passphrase: str, on_done: Any) -> None:
        organisation = str(self.field("organisation"))
        folder, kdf = self.folder, self._kdf
        box: dict[str, str] = {}

        def opener() -> Vault:
            vault, recovery = create_vault(folder, organisation, passphrase, kdf=kdf)
            box["recovery"] = recovery
            return vault

        def created(_vault: Vault) -> None:
            self.recovery_key = box.pop("recovery", None)
            self.vault_ready = True
            on_done(None)

        self._worker.open_vault(opener, on_success=created, on_failure=on_done)

    def reject(self) -> None:
        if self.vault_ready:
            return  # the recovery key must be confirmed
        super().reject()

    def accept(self) -> None:
        self.recovery_key = None
        self.recovery_page.key.clear()
        super().accept()
        self.vault_created.emit()
