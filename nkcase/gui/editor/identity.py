"""The interviewee's identity: sealed by default, revealed on purpose, sealed again by itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nkcase.domain import vocab
from nkcase.gui.editor import ops
from nkcase.services import editing

if TYPE_CHECKING:
    from nkcase.gui.editor.editor import CaseEditor

RESEAL_AFTER_MS = 60_000
_TEXT_FIELDS = (
    "name",
    "name_ko",
    "aliases",
    "birth_date",
    "hometown",
    "hometown_ko",
    "home_province",
    "phone",
    "occupation",
    "ref",
)


class IdentitySection(QWidget):
    def __init__(self, editor: CaseEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.stack = QStackedWidget()

        sealed = QWidget()
        sealed_layout = QVBoxLayout(sealed)
        self.sealed_label = QLabel(
            self.tr(
                "The witness's identity is sealed. It is never shown in lists, titles or "
                "exports; reveal it only when nobody else can see the screen."
            )
        )
        self.sealed_label.setWordWrap(True)
        self.reveal_button = QPushButton(self.tr("Reveal identity"))
        self.reveal_button.clicked.connect(self.reveal)
        sealed_layout.addStretch(1)
        sealed_layout.addWidget(QLabel("🔒"))
        sealed_layout.addWidget(self.sealed_label)
        sealed_layout.addWidget(self.reveal_button)
        sealed_layout.addStretch(2)

        shown = QWidget()
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        labels = {
            "name": self.tr("Name (Latin script)"),
            "name_ko": self.tr("Name (Hangul)"),
            "aliases": self.tr("Other spellings (comma-separated)"),
            "birth_date": self.tr("Born (YYYY, YYYY-MM or YYYY-MM-DD)"),
            "hometown": self.tr("Hometown"),
            "hometown_ko": self.tr("Hometown (Hangul)"),
            "home_province": self.tr("Home province (the only part an export shows)"),
            "phone": self.tr("Phone"),
            "occupation": self.tr("Occupation"),
            "ref": self.tr("Internal reference"),
        }
        for key in _TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"identity_{key}")
            edit.editingFinished.connect(lambda k=key: self._save(k))
            self.fields[key] = edit
            form.addRow(labels[key], edit)
        self.sex = QComboBox()
        for code in vocab.enum("sex"):
            self.sex.addItem(
                {
                    "M": self.tr("male"),
                    "F": self.tr("female"),
                    "X": self.tr("other"),
                    "unknown": self.tr("unknown"),
                }[code],
                code,
            )
        self.sex.activated.connect(lambda _i: self._save("sex"))
        form.addRow(self.tr("Sex"), self.sex)
        self.seal_button = QPushButton(self.tr("Seal again"))
        self.seal_button.clicked.connect(self.seal)
        shown_layout = QVBoxLayout(shown)
        shown_layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.seal_button)
        shown_layout.addLayout(row)
        shown_layout.addStretch(1)

        self.stack.addWidget(sealed)
        self.stack.addWidget(shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._reseal = QTimer(self)
        self._reseal.setSingleShot(True)
        self._reseal.setInterval(RESEAL_AFTER_MS)
        self._reseal.timeout.connect(self.seal)
        editor.loaded.connect(self.show_case)

    @property
    def revealed(self) -> bool:
        return self.stack.currentIndex() == 1

    def reveal(self) -> None:
        self.stack.setCurrentIndex(1)
        self._reseal.start()

    def seal(self) -> None:
        self._reseal.stop()
        self.stack.setCurrentIndex(0)

    def show_case(self, snap: ops.Snapshot) -> None:
        who = snap.case.get("interviewee") or {}
        for key, edit in self.fields.items():
            if key == "aliases":
                value = ", ".join(who.get("aliases") or [])
            elif key == "ref":
                value = snap.case.get("ref") or ""
            else:
                value = who.get(key) or ""
            if not edit.hasFocus():
                edit.setText(value)
        index = self.sex.findData(who.get("sex") or "unknown")
        self.sex.setCurrentIndex(max(index, 0))

    def _save(self, key: str) -> None:
        self._reseal.start()  # still in use: keep it open
        if key == "sex":
            value: object = self.sex.currentData()
        elif key == "aliases":
            value = [a.strip() for a in self.fields[key].text().split(",") if a.strip()]
        else:
            value = self.fields[key].text()
        snap = self.editor.snapshot
        if snap is not None:
            who = snap.case.get("interviewee") or {}
            current = snap.case.get("ref") if key == "ref" else who.get(key)
            if (current or None) == (value or None):
                return
        self.editor.edit(editing.update_identity, {key: value})
