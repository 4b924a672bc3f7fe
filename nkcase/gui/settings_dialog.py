"""Preferences: interface language and the two protection timeouts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nkcase.gui.i18n import Retranslatable
from nkcase.gui.settings import LANGUAGES, AppSettings

# Each language is named in itself, so anyone can find their own.
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}


class SettingsDialog(Retranslatable, QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.autolock = QSpinBox(self)
        self.autolock.setObjectName("autolockMinutes")
        self.autolock.setRange(1, 240)
        self.autolock.setValue(max(1, round(settings.autolock_seconds / 60)))
        self.clipboard = QSpinBox(self)
        self.clipboard.setObjectName("clipboardSeconds")
        self.clipboard.setRange(5, 600)
        self.clipboard.setValue(settings.clipboard_seconds)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.language_label = QLabel(self)
        self.autolock_label = QLabel(self)
        self.clipboard_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.autolock_label, self.autolock)
        form.addRow(self.clipboard_label, self.clipboard)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("Language"))
        self.autolock_label.setText(self.tr("Lock after idle (minutes)"))
        self.clipboard_label.setText(self.tr("Clear copied text after (seconds)"))
        self.note.setText(
            self.tr(
                "These preferences are the only things nkcase keeps outside the encrypted "
                "vault. Ctrl+Shift+L always locks at once."
            )
        )

    def accept(self) -> None:
        self._settings.language = str(self.language.currentData())
        self._settings.autolock_seconds = self.autolock.value() * 60
        self._settings.clipboard_seconds = self.clipboard.value()
        super().accept()
