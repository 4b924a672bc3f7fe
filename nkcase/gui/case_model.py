"""The case list as a lazy ``QAbstractTableModel``: pages of rows fetched on the worker thread.

A reset asks the worker for the row count and the first page in one operation; other pages are
fetched when the view first asks for one of their rows (and the next page is prefetched), so a
10,000-case vault shows its first page at once and scrolling never waits on the GUI thread.
Rows carry pseudonyms and summary codes only: never a name (``services.cases.CaseRow``).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from nkcase.domain import vocab
from nkcase.gui.worker import DbWorker
from nkcase.services import cases, search
from nkcase.services.cases import CaseRow
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_CACHED_PAGES = 64
SEARCH_LIMIT = 1_000_000

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PSEUDONYM = 0
    COUNTRIES = 1
    SECTORS = 2
    PERIOD = 3
    INDICATORS = 4
    TARGETS = 5
    UPDATED = 6


HEADERS = {
    Column.PSEUDONYM: QT_TRANSLATE_NOOP("CaseTableModel", "Case"),
    Column.COUNTRIES: QT_TRANSLATE_NOOP("CaseTableModel", "Countries"),
    Column.SECTORS: QT_TRANSLATE_NOOP("CaseTableModel", "Sectors"),
    Column.PERIOD: QT_TRANSLATE_NOOP("CaseTableModel", "Period"),
    Column.INDICATORS: QT_TRANSLATE_NOOP("CaseTableModel", "Indicators"),
    Column.TARGETS: QT_TRANSLATE_NOOP("CaseTableModel", "Consent to share with"),
    Column.UPDATED: QT_TRANSLATE_NOOP("CaseTableModel", "Last edited"),
}

SORT_KEYS = {
    Column.PSEUDONYM: "pseudonym",
    Column.COUNTRIES: "countries",
    Column.SECTORS: "sectors",
    Column.PERIOD: "period",
    Column.INDICATORS: "indicators",
    Column.TARGETS: "targets",
    Column.UPDATED: "updated_at",
}

# Short names for the consent targets (the vocabulary's full names are in the tooltip).
TARGET_SHORT = {
    "sr_slavery": QT_TRANSLATE_NOOP("CaseTableModel", "SR slavery"),
    "sr_dprk": QT_TRANSLATE_NOOP("CaseTableModel", "SR DPRK"),
    "ohchr_seoul": QT_TRANSLATE_NOOP("CaseTableModel", "OHCHR Seoul"),
    "sanctions": QT_TRANSLATE_NOOP("CaseTableModel", "Sanctions"),
    "public_report": QT_TRANSLATE_NOOP("CaseTableModel", "Public report"),
}


CONSENT_WITHDRAWN = QT_TRANSLATE_NOOP("CaseTableModel", "Consent withdrawn")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseTableModel", text)


@dataclass(frozen=True)
class Query:
    """What the list shows: everything (``text`` empty, no filters) or a search."""

    text: str = ""
    filters: search.Filters = field(default_factory=search.Filters)

    @property
    def is_search(self) -> bool:
        return bool(self.text.strip()) or self.filters != search.Filters()


@dataclass
class _Loaded:
    count: int
    ids: list[int] | None  # search results in rank order, None when listing everything
    first_page: list[CaseRow]


def _load(vault: Vault, query: Query, sort: str | None, descending: bool) -> _Loaded:
    """Worker side of a reset: the count and page 0."""
    with vault.session() as session:
        if not query.is_search:
            count = cases.count_cases(session)
            rows = cases.list_cases(session, 0, PAGE_SIZE, sort or "id", descending)
            return _Loaded(count, None, rows)
        hits = search.search(session, query.text, query.filters, limit=SEARCH_LIMIT)
        ids = [h.case_id for h in hits]
        return _Loaded(len(ids), ids, _page_rows(session, ids, 0, sort, descending))


def _page_rows(
    session: Any, ids: list[int], page: int, sort: str | None, desc: bool
) -> list[CaseRow]:
    if sort is None:  # rank order: the page's ids, in the order search gave them
        chunk = ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        rows = cases.get_rows(session, chunk)
        return [rows[i] for i in chunk if i in rows]
    return cases.list_cases(session, page * PAGE_SIZE, PAGE_SIZE, sort, desc, ids=ids)


def _fetch_page(
    vault: Vault, ids: list[int] | None, page: int, sort: str | None, desc: bool
) -> list[CaseRow]:
    with vault.session() as session:
        if ids is None:
            return cases.list_cases(session, page * PAGE_SIZE, PAGE_SIZE, sort or "id", desc)
        return _page_rows(session, ids, page, sort, desc)


class CaseTableModel(QAbstractTableModel):
    """Rows of the case list; ``case_id(row)`` gives the case behind a row."""

    #: ``int``: the number of rows after a reset (all cases, or the search hits).
    rows_counted = Signal(int)
    #: ``float``: milliseconds from :meth:`reload` to page 0 being in the model.
    first_page_loaded = Signal(float)
    #: ``int``: a page of rows arrived (page number).
    page_loaded = Signal(int)

    def __init__(self, worker: DbWorker, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._language = language
        self._count = 0
        self._ids: list[int] | None = None
        self._pages: OrderedDict[int, list[CaseRow]] = OrderedDict()
        self._requested: set[int] = set()
        self._generation = 0
        self._query = Query()
        self._sort: str | None = "updated_at"
        self._descending = True
        self._labels: dict[str, dict[str, str]] = {}
        self._reload_labels()

    # -- state ----------------------------------------------------------------------------
    @property
    def query(self) -> Query:
        return self._query

    @property
    def loading(self) -> bool:
        return bool(self._requested)

    def set_language(self, language: str) -> None:
        self._language = language
        self._reload_labels()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(Column) - 1))

    def _reload_labels(self) -> None:
        lang = self._language
        self._labels = {
            "countries": {c: t.label(lang) for c, t in vocab.countries().items()},
            "sectors": {c: t.label(lang) for c, t in vocab.sectors().items()},
            "indicators": {c: t.label(lang) for c, t in vocab.indicators().items()},
            "targets": {c: t.label(lang) for c, t in vocab.targets().items()},
        }

    def case_id(self, row: int) -> int | None:
        case = self._row(row, fetch=False)
        return case.id if case else None

    def pseudonym(self, row: int) -> str | None:
        case = self._row(row, fetch=False)
        return case.pseudonym if case else None

    # -- loading ---------------------------------------------------------------------------
    def set_query(self, query: Query) -> None:
        if query.is_search and not self._query.is_search:
            self._sort = None  # best match first, until a header is clicked
        elif not query.is_search and self._sort is None:
            self._sort, self._descending = "updated_at", True
        self._query = query
        self.reload()

    def set_query_silently(self, query: Query) -> None:
        """Change the query without loading (the next :meth:`reload` uses it)."""
        self._query = query
        if not query.is_search and self._sort is None:
            self._sort, self._descending = "updated_at", True

    def reload(self) -> None:
        """Count and page 0 on the worker; the old rows stay until the new ones arrive."""
        self._generation += 1
        generation = self._generation
        query, sort, desc = self._query, self._sort, self._descending
        started = time.perf_counter()

        def loaded(result: _Loaded) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._count = result.count
            self._ids = result.ids
            self._pages.clear()
            self._requested.clear()
            self._pages[0] = result.first_page
            self.endResetModel()
            self.rows_counted.emit(self._count)
            self.first_page_loaded.emit((time.perf_counter() - started) * 1000.0)

        self._worker.submit(lambda v: _load(v, query, sort, desc), on_success=loaded)

    def clear(self) -> None:
        """Forget every row (on lock): nothing of the vault stays in memory here."""
        self._generation += 1
        self.beginResetModel()
        self._count = 0
        self._ids = None
        self._pages.clear()
        self._requested.clear()
        self.endResetModel()

    def _request(self, page: int) -> None:
        if page in self._pages or page in self._requested:
            return
        if page < 0 or page * PAGE_SIZE >= self._count:
            return
        self._requested.add(page)
        generation = self._generation
        ids, sort, desc = self._ids, self._sort, self._descending

        def arrived(rows: list[CaseRow]) -> None:
            if generation != self._generation:
                return
            self._requested.discard(page)
            self._pages[page] = rows
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
            first = page * PAGE_SIZE
            last = min(first + len(rows), self._count) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))
            self.page_loaded.emit(page)

        def failed(_exc: BaseException) -> None:
            if generation == self._generation:
                self._requested.discard(page)

        self._worker.submit(
            lambda v: _fetch_page(v, ids, page, sort, desc), on_success=arrived, on_failure=failed
        )

    def _row(self, row: int, fetch: bool = True) -> CaseRow | None:
        page, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            if fetch:
                self._request(page)
            return None
        self._pages.move_to_end(page)
        if fetch and offset > PAGE_SIZE // 2:
            self._request(page + 1)  # prefetch while the user scrolls down
        return rows[offset] if offset < len(rows) else None

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(str(HEADERS[Column(section)]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self._row(index.row())
        column = Column(index.column())
        if case is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and column == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, column)
        if role == Qt.ItemDataRole.FontRole and case.withdrawn:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        return None

    def _codes(self, value: str) -> list[str]:
        return [c for c in value.split(",") if c]

    def _display(self, case: CaseRow, column: Column) -> str:
        if column == Column.PSEUDONYM:
            return case.pseudonym
        if column == Column.COUNTRIES:
            labels = self._labels["countries"]
            return ", ".join(labels.get(c, c) for c in self._codes(case.countries))
        if column == Column.SECTORS:
            labels = self._labels["sectors"]
            return ", ".join(labels.get(c, c) for c in self._codes(case.sectors))
        if column == Column.PERIOD:
            return case.period.replace("–", " – ")
        if column == Column.INDICATORS:
            codes = self._codes(case.indicators)
            return str(len(codes)) if codes else ""
        if column == Column.TARGETS:
            if case.withdrawn:
                return _tr(str(CONSENT_WITHDRAWN))
            return ", ".join(_tr(str(TARGET_SHORT.get(c, c))) for c in self._codes(case.targets))
        if not case.updated_at:
            return ""
        # Stored as naive UTC; shown in the machine's local time.
        return case.updated_at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")

    def _tooltip(self, case: CaseRow, column: Column) -> str | None:
        if column == Column.INDICATORS:
            labels = self._labels["indicators"]
            return "\n".join(labels.get(c, c) for c in self._codes(case.indicators)) or None
        if column == Column.TARGETS:
            labels = self._labels["targets"]
            return "\n".join(labels.get(c, c) for c in self._codes(case.targets)) or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS[Column(column)]
        desc = order == Qt.SortOrder.DescendingOrder
        if (key, desc) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, desc
        self.reload()

    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order the rows are in, or None for search rank order."""
        if self._sort is None:
            return None
        column = next(c for c, k in SORT_KEYS.items() if k == self._sort)
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        return int(column), order
