"""Consent: the gates G0-G6 per target, and a withdrawal recorded with its date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nkcase.domain import vocab
from nkcase.gui.editor import ops
from nkcase.services import editing

if TYPE_CHECKING:
    from nkcase.gui.editor.editor import CaseEditor


class ConsentSection(QWidget):
    def __init__(self, editor: CaseEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        lang = "ko" if self.tr("en") == "ko" else "en"
        gates = vocab.gates()

        self.g0 = QCheckBox(f"G0 · {gates['G0'].label(lang)}")
        self.g1 = QCheckBox(f"G1 · {gates['G1'].label(lang)}")
        self.g0.clicked.connect(lambda v: self._save({"interview": v}))
        self.g1.clicked.connect(lambda v: self._save({"storage": v}))

        targets_box = QGroupBox(self.tr("G2 · share an anonymised packet with…"))
        targets_layout = QVBoxLayout(targets_box)
        self.targets: dict[str, QCheckBox] = {}
        for code, term in vocab.targets().items():
            box = QCheckBox(term.label(lang))
            box.setObjectName(f"target_{code}")
            if vocab.target_reaches_governments(code):
                box.setToolTip(
                    self.tr("Communications go to the governments concerned (the DPRK included).")
                )
            box.clicked.connect(self._save_targets)
            self.targets[code] = box
            targets_layout.addWidget(box)

        self.g3 = QCheckBox(self.tr("G3 · OHCHR may know the identity in confidence"))
        self.g3.clicked.connect(lambda v: self._save({"identity_to_ohchr": v}))
        self.g4 = QCheckBox(self.tr("G4 · identity may appear in a letter to a government"))
        self.g4.setToolTip(self.tr("The DPRK and the host state receive such letters."))
        self.g4.clicked.connect(self._save_g4)
        self.g5 = QComboBox()
        for code, label in (
            ("none", self.tr("none")),
            ("initials", self.tr("initials")),
            ("name", self.tr("name")),
        ):
            self.g5.addItem(label, code)
        self.g5.activated.connect(
            lambda _i: self._save({"public_attribution": self.g5.currentData()})
        )
        self.g6 = QComboBox()
        for value, label in (
            (None, self.tr("not asked")),
            (True, self.tr("yes")),
            (False, self.tr("no")),
        ):
            self.g6.addItem(label, value)
        self.g6.activated.connect(
            lambda _i: self._save({"follow_up_contact": self.g6.currentData()})
        )
        self.given_on = QLineEdit()
        self.given_on.setPlaceholderText("YYYY-MM-DD")
        self.form_version = QLineEdit()
        self.language = QLineEdit()
        for key, edit in (
            ("given_on", self.given_on),
            ("form_version", self.form_version),
            ("language", self.language),
        ):
            edit.editingFinished.connect(lambda k=key, e=edit: self._save({k: e.text()}))

        form = QFormLayout()
        form.addRow(self.tr("G5 · public attribution"), self.g5)
        form.addRow(self.tr("G6 · follow-up contact allowed"), self.g6)
        form.addRow(self.tr("Consent given on"), self.given_on)
        form.addRow(self.tr("Consent form version"), self.form_version)
        form.addRow(self.tr("Language of the form"), self.language)

        withdrawal = QGroupBox(self.tr("Withdrawal"))
        self.withdrawn_label = QLabel()
        self.withdrawn_label.setWordWrap(True)
        self.withdraw_date = QLineEdit(date.today().isoformat())
        self.withdraw_button = QPushButton(self.tr("Record withdrawal"))
        self.withdraw_button.clicked.connect(self._withdraw)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Withdrawn on")))
        row.addWidget(self.withdraw_date)
        row.addWidget(self.withdraw_button)
        wl = QVBoxLayout(withdrawal)
        wl.addWidget(self.withdrawn_label)
        wl.addLayout(row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.g0)
        layout.addWidget(self.g1)
        layout.addWidget(targets_box)
        layout.addWidget(self.g3)
        layout.addWidget(self.g4)
        layout.addLayout(form)
        layout.addWidget(withdrawal)
        layout.addStretch(1)
        editor.loaded.connect(self.show_case)

    def show_case(self, snap: ops.Snapshot) -> None:
        c = snap.case.get("consent") or {}
        self.g0.setChecked(bool(c.get("interview")))
        self.g1.setChecked(bool(c.get("storage")))
        for code, box in self.targets.items():
            box.setChecked(code in (c.get("share_with") or []))
        self.g3.setChecked(bool(c.get("identity_to_ohchr")))
        self.g4.setChecked(bool(c.get("identity_to_governments")))
        self.g5.setCurrentIndex(max(self.g5.findData(c.get("public_attribution") or "none"), 0))
        self.g6.setCurrentIndex(max(self.g6.findData(c.get("follow_up_contact")), 0))
        for key, edit in (
            ("given_on", self.given_on),
            ("form_version", self.form_version),
            ("language", self.language),
        ):
            if not edit.hasFocus():
                edit.setText(c.get(key) or "")
        withdrawn = c.get("withdrawn_on")
        if withdrawn:
            self.withdrawn_label.setText(
                self.tr(
                    "Consent was withdrawn on %1. This case can never be exported again."
                ).replace("%1", withdrawn)
            )
            self.withdrawn_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.withdrawn_label.setText(
                self.tr(
                    "If the witness withdraws consent, record the date: every later export "
                    "of this case is blocked."
                )
            )
            self.withdrawn_label.setStyleSheet("")
        for w in (self.withdraw_date, self.withdraw_button):
            w.setEnabled(not withdrawn)

    def _save(self, changes: dict[str, Any]) -> None:
        self.editor.edit(editing.update_consent, changes)

    def _save_targets(self) -> None:
        self._save({"share_with": [c for c, box in self.targets.items() if box.isChecked()]})

    def _save_g4(self, value: bool) -> None:
        if value and not self._confirm(
            self.tr("Identity in letters to governments"),
            self.tr(
                "Special-procedures letters go to the governments concerned, the DPRK and "
                "the host state included. Record that the witness agreed to this?"
            ),
        ):
            self.g4.setChecked(False)
            return
        self._save({"identity_to_governments": value})

    def _withdraw(self) -> None:
        if self._confirm(
            self.tr("Record withdrawal"),
            self.tr("After this, the case can no longer be exported to anyone. Continue?"),
        ):
            self.editor.edit(editing.withdraw_consent, self.withdraw_date.text())

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes
