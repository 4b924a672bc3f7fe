"""The page shown when the vault folder holds no vault yet."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from nkcase.gui.i18n import Retranslatable

log = logging.getLogger(__name__)


class SetupPage(Retranslatable, QWidget):
    """A line of text and the button that starts the create-a-vault wizard."""

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

    def retranslate(self) -> None:
        self.text.setText(self.tr("There is no case vault on this computer yet."))
        self.create_button.setText(self.tr("Create a vault…"))
