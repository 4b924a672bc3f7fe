"""Registered terms and redaction suggestions highlighted as you type (computed off-thread)."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from nkcase.gui.editor import ops
from nkcase.gui.worker import DbWorker
from nkcase.redaction import api as redaction

log = logging.getLogger(__name__)

HIGHLIGHT_DELAY_MS = 250

# status -> (background, underline colour); calm colours, readable in both themes.
_STYLES = {
    "auto": ("#f6c9c9", None),  # a registered term: will be replaced
    "accepted": ("#f6c9c9", None),
    "pending": ("#fff0b3", "#c98a00"),  # a suggestion waiting for review
    "rejected": (None, "#9a9a9a"),
}


def utf16_offsets(text: str) -> Callable[[int], int]:
    """Python string index -> Qt (UTF-16) position; identity when the text is all BMP."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    table = [0, *itertools.accumulate(2 if ord(c) >= 0x10000 else 1 for c in text)]
    return lambda i: table[min(i, len(text))]


def format_for(status: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    background, underline = _STYLES.get(status, (None, None))
    if background:
        fmt.setBackground(QColor(background))
    if underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(underline))
    return fmt


class SpanHighlighter(QSyntaxHighlighter):
    """Paints given spans (absolute offsets into the document's text)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._ranges: list[tuple[int, int, str]] = []  # UTF-16 start, end, status
        self.spans: list[redaction.Span] = []

    def set_spans(self, spans: Sequence[redaction.Span], text: str) -> None:
        to_qt = utf16_offsets(text)
        self.spans = list(spans)
        self._ranges = [(to_qt(s.start), to_qt(s.end), s.status) for s in spans]
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start, length = block.position(), block.length()
        for a, b, status in self._ranges:
            if b <= start or a >= start + length:
                continue
            lo, hi = max(a, start), min(b, start + length)
            self.setFormat(lo - start, hi - lo, format_for(status))


class LiveHighlight(QObject):
    """Debounces typing, computes spans on the worker thread, paints the fresh ones only.

    A result that comes back after a lock, after :meth:`cancel` or after the editor was deleted
    (a closed tab: the lock deletes every editor) is dropped without touching any widget, and a
    computation still queued then is skipped on the worker.
    """

    #: ``list`` of Span: the spans now painted (after each fresh computation).
    spans_changed = Signal(list)

    def __init__(
        self,
        worker: DbWorker,
        editor: QPlainTextEdit,
        field_key: str,
        context: Callable[[], tuple[Any, ...]],  # (registry, decisions[, proposals by text])
    ) -> None:
        super().__init__(editor)
        self.worker = worker
        self.editor = editor
        self.field_key = field_key
        self._context = context
        self.highlighter = SpanHighlighter(editor.document())
        self._generation = 0
        # Read by the worker thread too; set once, never cleared. Connected to the editor (not
        # to a method of self) so it fires while the C++ objects are being destroyed.
        self._cancelled = threading.Event()
        editor.destroyed.connect(self._cancelled.set)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HIGHLIGHT_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._last_text = editor.toPlainText()
        # contentsChanged also fires when the highlighter repaints: react to real edits only.
        editor.document().contentsChanged.connect(self._maybe_changed)

    def cancel(self) -> None:
        """Stop for good: no further computation, and the one in flight is never painted."""
        self._cancelled.set()
        self._timer.stop()

    def _maybe_changed(self) -> None:
        if self._cancelled.is_set():
            return
        text = self.editor.toPlainText()
        if text != self._last_text:
            self._last_text = text
            self._timer.start()

    def refresh(self) -> None:
        """Compute now (also called when the registry changes, e.g. a relative was added)."""
        self._timer.stop()
        if self._cancelled.is_set():
            return
        context = self._context()  # (registry, decisions[, cached proposals by text])
        registry, decisions = context[0], context[1]
        proposals = context[2] if len(context) > 2 else None
        if registry is None:
            return
        self._generation += 1
        generation = self._generation
        text = self._last_text = self.editor.toPlainText()
        compute = ops.spans_for(text, registry, decisions, self.field_key, proposals)
        cancelled, worker = self._cancelled, self.worker
        opened = worker.is_unlocked

        def dropped() -> bool:
            # A lock since this was queued (the worker reports locked at once, before the
            # close runs), a cancel, or the editor deleted meanwhile.
            return cancelled.is_set() or (opened and not worker.is_unlocked)

        def op() -> list[redaction.Span]:  # worker thread: reads only the flags above
            return [] if dropped() else compute()

        def done(spans: list[redaction.Span]) -> None:
            if dropped() or not shiboken6.isValid(self) or not shiboken6.isValid(self.editor):
                return
            # A result for text that has changed since is dropped: the next one is coming.
            if generation == self._generation and text == self.editor.toPlainText():
                self.highlighter.set_spans(spans, text)
                self.spans_changed.emit(spans)

        def failed(exc: BaseException) -> None:
            if not dropped():
                log.warning("highlighting failed: %s", type(exc).__name__)

        self.worker.run(op, on_success=done, on_failure=failed)
