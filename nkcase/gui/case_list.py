"""The case list panel: search box, filters, and the lazy table of cases."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nkcase.domain import vocab
from nkcase.gui.case_model import CaseTableModel, Column, Query
from nkcase.gui.i18n import Retranslatable
from nkcase.gui.worker import DbWorker
from nkcase.services.search import Filters

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250
_PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")


class CaseListPanel(Retranslatable, QWidget):
    """Search, filter and pick cases. Shows pseudonyms and summary codes only."""

    #: ``int``: a case was opened (double-click or Enter) -- its id.
    case_activated = Signal(int)
    #: ``list``: the ids of the selected cases changed.
    selection_changed = Signal(list)

    def __init__(self, worker: DbWorker, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.model = CaseTableModel(worker, language, self)
        self._language = language

        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setObjectName("search")
        self.country = QComboBox(self)
        self.sector = QComboBox(self)
        self.indicator = QComboBox(self)
        self.target = QComboBox(self)
        self.period_from = QLineEdit(self)
        self.period_to = QLineEdit(self)
        validator = QRegularExpressionValidator(
            QRegularExpression(r"\d{0,4}(-(0[1-9]?|1[0-2]?)?)?"), self
        )
        for edit in (self.period_from, self.period_to):
            edit.setValidator(validator)
            edit.setMinimumWidth(70)
            edit.setMaximumWidth(90)
        for combo in (self.country, self.sector, self.indicator, self.target):
            # Long vocabulary labels must not widen the whole window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.target.setMinimumContentsLength(16)  # "Any consent target" in full
        self.count_label = QLabel(self)
        self.count_label.setObjectName("caseCount")

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)  # the model sorts in SQL; wired by hand below
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setStretchLastSection(True)
        header.sectionClicked.connect(self._header_clicked)
        header.resizeSection(Column.PSEUDONYM, 100)
        header.resizeSection(Column.COUNTRIES, 130)
        header.resizeSection(Column.SECTORS, 150)
        header.resizeSection(Column.PERIOD, 160)
        header.resizeSection(Column.INDICATORS, 80)
        header.resizeSection(Column.TARGETS, 200)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        selection = self.view.selectionModel()
        selection.selectionChanged.connect(
            lambda *_: self.selection_changed.emit(self.selected_ids())
        )
        self.model.rows_counted.connect(self._show_count)
        self.model.modelReset.connect(self._show_sort)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self.apply_query)
        for combo in (self.country, self.sector, self.indicator, self.target):
            combo.currentIndexChanged.connect(lambda _i: self.apply_query())
        for edit in (self.period_from, self.period_to):
            edit.editingFinished.connect(self.apply_query)

        # Two rows: one row of every filter made the list too wide for an open case beside it.
        filters_top = QHBoxLayout()
        filters = QHBoxLayout()
        self._filter_labels: list[QLabel] = []
        for widget in (self.country, self.sector, self.indicator):
            filters_top.addWidget(widget, 1)
        filters.addWidget(self.target, 1)
        self.period_label = QLabel(self)
        self.period_dash = QLabel("–", self)
        filters.addWidget(self.period_label)
        filters.addWidget(self.period_from)
        filters.addWidget(self.period_dash)
        filters.addWidget(self.period_to)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addLayout(top)
        layout.addLayout(filters_top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self.retranslate()

    # -- language ------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self._language = language
        self.model.set_language(language)
        self.retranslate()

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Search narratives, places, employers (English or Korean)")
        )
        self.period_label.setText(self.tr("Period"))
        self.period_from.setPlaceholderText(self.tr("from"))
        self.period_to.setPlaceholderText(self.tr("to"))
        self.period_from.setToolTip(self.tr("Year (YYYY) or month (YYYY-MM)"))
        self.period_to.setToolTip(self.tr("Year (YYYY) or month (YYYY-MM)"))
        lang = self._language
        self._fill(self.country, self.tr("All countries"), vocab.countries(), lang)
        self._fill(self.sector, self.tr("All sectors"), vocab.sectors(), lang)
        self._fill(self.indicator, self.tr("All indicators"), vocab.indicators(), lang)
        self._fill(self.target, self.tr("Any consent target"), vocab.targets(), lang)
        self._show_count(self.model.rowCount())

    @staticmethod
    def _fill(combo: QComboBox, everything: str, terms: dict[str, vocab.Term], lang: str) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for code, term in terms.items():
            combo.addItem(term.label(lang), code)
            combo.setItemData(combo.count() - 1, term.en, Qt.ItemDataRole.ToolTipRole)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    # -- querying ------------------------------------------------------------------------
    def current_query(self) -> Query:
        def period(edit: QLineEdit) -> str | None:
            value = edit.text().strip()
            valid = not value or bool(_PERIOD.match(value))
            # An unfinished or impossible period ("2015-1", "2015-13") filters nothing: say so.
            edit.setProperty("invalid", not valid)
            edit.setStyleSheet("" if valid else "border: 1px solid #b00020;")
            edit.setToolTip(
                self.tr("Year (YYYY) or month (YYYY-MM)")
                if valid
                else self.tr("Not a year (YYYY) or month (YYYY-MM): this filter is not applied.")
            )
            return value if value and valid else None

        filters = Filters(
            country=self.country.currentData(),
            sector=self.sector.currentData(),
            indicator=self.indicator.currentData(),
            target=self.target.currentData(),
            period_from=period(self.period_from),
            period_to=period(self.period_to),
        )
        return Query(self.search_box.text().strip(), filters)

    def apply_query(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def reload(self) -> None:
        self.model.reload()

    def clear(self) -> None:
        """On lock: rows, search text and filters all go."""
        self._search_timer.stop()
        for widget in (self.search_box, self.period_from, self.period_to):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.country, self.sector, self.indicator, self.target):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.model.set_query_silently(Query())
        self.model.clear()
        self._show_count(0)

    def _show_count(self, count: int) -> None:
        if self.model.query.is_search:
            self.count_label.setText(self.tr("%n match(es)", "", count))
        else:
            self.count_label.setText(self.tr("%n case(s)", "", count))

    def _show_sort(self) -> None:
        state = self.model.sort_state()
        header = self.view.horizontalHeader()
        if state is None:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            header.setSortIndicator(*state)

    def _header_clicked(self, section: int) -> None:
        state = self.model.sort_state()
        if state is not None and state[0] == section:
            order = (
                Qt.SortOrder.AscendingOrder
                if state[1] == Qt.SortOrder.DescendingOrder
                else Qt.SortOrder.DescendingOrder
            )
        else:
            order = Qt.SortOrder.AscendingOrder
        self.model.sort(section, order)
        self.view.horizontalHeader().setSortIndicator(section, order)

    # -- selection -----------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        ids = []
        for index in self.view.selectionModel().selectedRows():
            case_id = self.model.case_id(index.row())
            if case_id is not None:
                ids.append(case_id)
        return ids

    def select_case(self, case_id: int) -> bool:
        """Select the row of ``case_id`` if it is loaded; returns whether it was found."""
        for row in range(self.model.rowCount()):
            if self.model.case_id(row) == case_id:
                index = self.model.index(row, 0)
                self.view.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.scrollTo(index)
                return True
        return False

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            self.case_activated.emit(case_id)
