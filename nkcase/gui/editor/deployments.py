"""Deployments: where, in which sector, for whom, when; wages promised and received."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nkcase.domain import vocab
from nkcase.gui.editor import ops
from nkcase.gui.editor.models import Column, RecordsModel
from nkcase.gui.editor.people import _table
from nkcase.services import editing

if TYPE_CHECKING:
    from nkcase.gui.editor.editor import CaseEditor

_LINE_FIELDS = ("region", "site", "employer", "dispatching_entity", "start", "end")


def _period(d: dict[str, Any]) -> str:
    return "–".join(p for p in (d.get("start"), d.get("end")) if p)


class WageEditor(QWidget):
    """Amount, currency and period of one wage (promised or received)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = QDoubleSpinBox()
        self.amount.setRange(-1, 10_000_000)
        self.amount.setDecimals(2)
        self.amount.setSpecialValueText(self.tr("unknown"))
        self.amount.setValue(-1)
        self.currency = QLineEdit("USD")
        self.currency.setMaxLength(8)
        self.currency.setFixedWidth(60)
        self.per = QComboBox()
        labels = {
            "hour": self.tr("per hour"),
            "day": self.tr("per day"),
            "week": self.tr("per week"),
            "month": self.tr("per month"),
            "year": self.tr("per year"),
            "contract": self.tr("for the contract"),
        }
        for code in vocab.enum("wage_per"):
            self.per.addItem(labels.get(code, code), code)
        self.per.setCurrentIndex(max(self.per.findData("month"), 0))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount, 2)
        row.addWidget(self.currency)
        row.addWidget(self.per, 1)

    def value(self) -> dict[str, Any] | None:
        if self.amount.value() < 0:
            return None
        return {
            "amount": self.amount.value(),
            "currency": self.currency.text().strip().upper() or "USD",
            "per": self.per.currentData(),
        }

    def set_value(self, money: dict[str, Any] | None) -> None:
        self.amount.setValue(float(money["amount"]) if money else -1)
        self.currency.setText((money or {}).get("currency") or "USD")
        self.per.setCurrentIndex(max(self.per.findData((money or {}).get("per") or "month"), 0))


class DeploymentsSection(QWidget):
    def __init__(self, editor: CaseEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self._loading = False
        self._current: int | None = None
        lang = "ko" if self.tr("en") == "ko" else "en"
        countries, sectors = vocab.countries(), vocab.sectors()
        self.model = RecordsModel(
            [
                Column("country", self.tr("Country"),
                       show=lambda d: countries[d["country"]].label(lang)
                       if d.get("country") in countries else d.get("country") or ""),
                Column("sector", self.tr("Sector"),
                       show=lambda d: sectors[d["sector"]].label(lang)
                       if d.get("sector") in sectors else ""),
                Column("period", self.tr("Period"), show=_period),
                Column("withheld", self.tr("Wages withheld"), show=self._withheld_text),
            ],
            self,
        )  # fmt: skip
        self.view = _table(self.model)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        # Short values, titles in full: each column as wide as its title or content needs.
        self.view.horizontalHeader().setSectionResizeMode(
            self.view.horizontalHeader().ResizeMode.ResizeToContents
        )
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._select(cur.row())
        )

        self.country = QComboBox()
        self.country.setEditable(True)
        for code, term in countries.items():
            self.country.addItem(f"{code} · {term.label(lang)}", code)
        self.sector = QComboBox()
        self.sector.addItem(self.tr("not known"), None)
        for code, term in sectors.items():
            self.sector.addItem(term.label(lang), code)
        self.lines = {key: QLineEdit() for key in _LINE_FIELDS}
        for key in ("start", "end"):
            self.lines[key].setPlaceholderText("YYYY-MM")
        self.promised = WageEditor()
        self.received = WageEditor()
        self.withheld = QLabel()
        self.withheld.setObjectName("share_withheld")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(-1, 24)
        self.hours.setSpecialValueText(self.tr("unknown"))
        self.rest = QDoubleSpinBox()
        self.rest.setRange(-1, 31)
        self.rest.setSpecialValueText(self.tr("unknown"))
        self._held_by = {
            "self": self.tr("the worker"),
            "minder": self.tr("a minder"),
            "company": self.tr("the company"),
            "embassy": self.tr("the DPRK embassy"),
            "dispatching_entity": self.tr("the dispatching entity"),
            "other": self.tr("someone else"),
            "unknown": self.tr("unknown"),
        }
        self._left_by = {
            "escape": self.tr("escaped"),
            "end_of_contract": self.tr("end of contract"),
            "recalled": self.tr("recalled"),
            "injury": self.tr("injury"),
            "other": self.tr("other"),
            "unknown": self.tr("unknown"),
        }
        self.passport = QComboBox()
        self.passport.addItem(self.tr("not known"), None)
        for code in vocab.enum("passport_held_by"):
            self.passport.addItem(self._held_by.get(code, code), code)
        self.left_by = QComboBox()
        self.left_by.addItem(self.tr("not known"), None)
        for code in vocab.enum("left_by"):
            self.left_by.addItem(self._left_by.get(code, code), code)

        form = QFormLayout()
        form.addRow(self.tr("Country"), self.country)
        form.addRow(self.tr("Region"), self.lines["region"])
        form.addRow(self.tr("Site"), self.lines["site"])
        form.addRow(self.tr("Sector"), self.sector)
        form.addRow(self.tr("Employer"), self.lines["employer"])
        form.addRow(self.tr("Dispatching entity"), self.lines["dispatching_entity"])
        form.addRow(self.tr("From"), self.lines["start"])
        form.addRow(self.tr("Until"), self.lines["end"])
        form.addRow(self.tr("Wage promised"), self.promised)
        form.addRow(self.tr("Wage received"), self.received)
        form.addRow(self.tr("Share withheld"), self.withheld)
        form.addRow(self.tr("Hours per day"), self.hours)
        form.addRow(self.tr("Rest days per month"), self.rest)
        form.addRow(self.tr("Passport held by"), self.passport)
        form.addRow(self.tr("How they left"), self.left_by)
        self.form_widget = QWidget()
        self.form_widget.setLayout(form)

        for line in self.lines.values():
            line.editingFinished.connect(self.save)
        for combo in (self.country, self.sector, self.passport, self.left_by):
            combo.activated.connect(self.save)
        for wage in (self.promised, self.received):
            wage.amount.editingFinished.connect(self.save)
            wage.currency.editingFinished.connect(self.save)
            wage.per.activated.connect(self.save)
            wage.amount.valueChanged.connect(self._update_withheld)
            wage.per.currentIndexChanged.connect(self._update_withheld)
        for spin in (self.hours, self.rest):
            spin.editingFinished.connect(self.save)

        add = QPushButton(self.tr("Add deployment"))
        add.clicked.connect(lambda: editor.edit(editing.add_deployment, {}))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(self.view)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        ll.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form_widget)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        editor.loaded.connect(self.show_case)

    def _withheld_text(self, d: dict[str, Any]) -> str:
        share = editing.share_withheld(d.get("wage_promised"), d.get("wage_received"))
        return "" if share is None else f"{share:.0%}"

    def _update_withheld(self) -> None:
        share = editing.share_withheld(self.promised.value(), self.received.value())
        self.withheld.setText(
            self.tr("needs both wages in the same currency and period")
            if share is None
            else f"{share:.0%}"
        )

    def show_case(self, snap: ops.Snapshot) -> None:
        rows = snap.case.get("deployments") or []
        current = self._current
        self.model.set_rows(rows)
        self.form_widget.setEnabled(bool(rows))
        if not rows:
            self._current = None
            return
        ids = [r["id"] for r in rows]
        row = ids.index(current) if current in ids else len(rows) - 1
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._select(row)

    def _select(self, row: int) -> None:
        if row < 0 or row >= len(self.model.rows):
            return
        d = self.model.rows[row]
        self._current = d["id"]
        self._loading = True
        try:
            index = self.country.findData(d.get("country"))
            if index < 0 and d.get("country"):
                self.country.addItem(d["country"], d["country"])
                index = self.country.count() - 1
            self.country.setCurrentIndex(index)
            self.sector.setCurrentIndex(max(self.sector.findData(d.get("sector")), 0))
            for key, line in self.lines.items():
                if not line.hasFocus():
                    line.setText(d.get(key) or "")
            self.promised.set_value(d.get("wage_promised"))
            self.received.set_value(d.get("wage_received"))
            self.hours.setValue(-1 if d.get("hours_per_day") is None else float(d["hours_per_day"]))
            self.rest.setValue(
                -1 if d.get("rest_days_per_month") is None else float(d["rest_days_per_month"])
            )
            self.passport.setCurrentIndex(max(self.passport.findData(d.get("passport_held_by")), 0))
            self.left_by.setCurrentIndex(max(self.left_by.findData(d.get("left_by")), 0))
            self._update_withheld()
        finally:
            self._loading = False

    def form_values(self) -> dict[str, Any]:
        country = self.country.currentData()
        if country is None or self.country.currentText() != self.country.itemText(
            self.country.currentIndex()
        ):
            country = self.country.currentText().split("·")[0].strip() or None
        return {
            "country": country,
            "sector": self.sector.currentData(),
            **{key: line.text() for key, line in self.lines.items()},
            "wage_promised": self.promised.value(),
            "wage_received": self.received.value(),
            "hours_per_day": None if self.hours.value() < 0 else self.hours.value(),
            "rest_days_per_month": None if self.rest.value() < 0 else self.rest.value(),
            "passport_held_by": self.passport.currentData(),
            "left_by": self.left_by.currentData(),
        }

    def save(self) -> None:
        if self._loading or self._current is None:
            return
        self.editor.edit(editing.update_deployment, self._current, self.form_values())

    def _remove(self) -> None:
        if self._current is not None:
            current, self._current = self._current, None
            self.editor.edit(editing.remove_deployment, current)
