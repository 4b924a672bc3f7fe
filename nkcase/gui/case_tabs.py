"""The open cases: one editor tab per case, titled by pseudonym, or a hint while none is open."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QWidget

from nkcase.errors import describe_exception
from nkcase.gui.i18n import Retranslatable
from nkcase.gui.optional_parts import editor_class

log = logging.getLogger(__name__)


class CaseTabs(Retranslatable, QStackedWidget):
    """Editors of the open cases. Closing a tab (or all of them) saves what is pending first."""

    #: ``bool``: whether any case is open now (the window gives the editors more room then).
    open_changed = Signal(bool)
    #: no payload: a tab was opened, shown or closed (the window title follows the current one).
    current_changed = Signal()
    #: ``int``: an editor saved its case (the case id).
    case_saved = Signal(int)
    #: ``list``: an editor asked to export these case ids.
    export_requested = Signal(list)

    def __init__(self, worker: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._editors: dict[int, QWidget] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: palette(mid);")
        self.placeholder.setContentsMargins(24, 24, 24, 24)
        self.addWidget(self.placeholder)
        self.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        self.placeholder.setText(
            self.tr("Open a case from the list (double-click), or create one with File → New case.")
        )

    def current_title(self) -> str | None:
        """The current tab's title (a pseudonym), or None while no case is open."""
        index = self.tabs.currentIndex()
        return self.tabs.tabText(index) if index >= 0 else None

    def open(self, case_id: int, title: str) -> None:
        """Show the case's tab, opening an editor for it first if it has none."""
        if case_id in self._editors:
            self.tabs.setCurrentWidget(self._editors[case_id])
            return
        found = editor_class()
        if found is None:
            label = QLabel(self.tr("The case editor is not available in this build."))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget: QWidget = label
        else:
            widget = found(self.worker, case_id, self)
            if hasattr(widget, "case_saved"):
                widget.case_saved.connect(self.case_saved)
            if hasattr(widget, "export_requested"):
                widget.export_requested.connect(self.export_requested)
        self._editors[case_id] = widget
        self.tabs.addTab(widget, title)
        self.tabs.setCurrentWidget(widget)
        if self.currentWidget() is not self.tabs:
            self.setCurrentWidget(self.tabs)
            self.open_changed.emit(True)
        self.current_changed.emit()

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        flush = getattr(widget, "flush", None)
        if flush is not None:
            flush()
        for case_id, editor in list(self._editors.items()):
            if editor is widget:
                del self._editors[case_id]
        self.tabs.removeTab(index)
        if widget is not None:
            widget.deleteLater()
        if not self.tabs.count():
            self.setCurrentWidget(self.placeholder)
            self.open_changed.emit(False)
        self.current_changed.emit()

    def flush_all(self) -> None:
        """Queue the save of every editor's pending changes (ahead of a lock's vault close)."""
        for editor in list(self._editors.values()):
            flush = getattr(editor, "flush", None)
            if flush is not None:
                try:
                    flush()
                except Exception as exc:
                    log.error("an editor could not save before the lock: %s",
                              describe_exception(exc))  # fmt: skip

    def reopen_all(self) -> None:
        """Save, close and open again every editor (after a language switch: the editors build
        their texts once). The current case and each editor's current section stay."""
        self.flush_all()  # queued on the worker ahead of the new editors' loads
        current = self.tabs.currentIndex()
        opened: list[tuple[int, str, int]] = []
        for case_id, editor in self._editors.items():
            inner = getattr(editor, "tabs", None)
            section = inner.currentIndex() if isinstance(inner, QTabWidget) else 0
            opened.append((case_id, self.tabs.tabText(self.tabs.indexOf(editor)), section))
        order = sorted(opened, key=lambda o: self.tabs.indexOf(self._editors[o[0]]))
        self.close_all()
        for case_id, title, section in order:
            self.open(case_id, title)
            inner = getattr(self._editors[case_id], "tabs", None)
            if isinstance(inner, QTabWidget):
                inner.setCurrentIndex(section)
        if 0 <= current < self.tabs.count():
            self.tabs.setCurrentIndex(current)
        self.current_changed.emit()

    def close_all(self) -> None:
        """Drop every editor without saving (call :meth:`flush_all` first)."""
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self._editors.clear()
        self.setCurrentWidget(self.placeholder)
        self.open_changed.emit(False)
