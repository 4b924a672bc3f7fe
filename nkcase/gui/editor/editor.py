"""The case editor: one case, in tabs, every change saved through the DB worker."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from nkcase.domain import vocab
from nkcase.gui.editor import ops
from nkcase.gui.editor.autosave import TextAutosaver
from nkcase.gui.worker import DbWorker, user_message
from nkcase.redaction import api as redaction

log = logging.getLogger(__name__)


class CaseEditor(QWidget):
    """Edit one case. Texts autosave ~1.5 s after typing stops; structured fields save at once.

    The pseudonym is the case's face; the identity stays sealed until revealed on purpose.
    """

    #: ``int``: the case id, after any change reached the vault.
    case_saved = Signal(int)
    #: ``list[int]``: case ids the user wants to export (from the review tab).
    export_requested = Signal(list)
    #: ``object`` (:class:`ops.Snapshot`): a fresh view of the case after loading or an edit.
    loaded = Signal(object)
    #: ``str``: a user-facing message of an edit that was refused or failed.
    edit_failed = Signal(str)

    def __init__(self, worker: DbWorker, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.case_id = case_id
        self.snapshot: ops.Snapshot | None = None
        self.autosave = TextAutosaver(worker, case_id, self)
        self.autosave.saved.connect(self._on_texts_saved)
        self.autosave.save_failed.connect(self._show_error)
        self.autosave.dirty_changed.connect(self._on_dirty)

        self.pseudonym_label = QLabel("…")
        font = QFont(self.pseudonym_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.pseudonym_label.setFont(font)
        self.pseudonym_label.setAccessibleName(self.tr("Case pseudonym"))
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("color: palette(mid);")
        self.status_label = QLabel()
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.pseudonym_label)
        header.addWidget(self.summary_label, 1)
        header.addWidget(self.status_label)

        from nkcase.gui.editor.consent import ConsentSection
        from nkcase.gui.editor.deployments import DeploymentsSection
        from nkcase.gui.editor.history import HistorySection
        from nkcase.gui.editor.identity import IdentitySection
        from nkcase.gui.editor.indicators import IndicatorsSection
        from nkcase.gui.editor.interviews import InterviewsSection
        from nkcase.gui.editor.people import PeopleSection
        from nkcase.gui.review import RedactionReview

        self.identity = IdentitySection(self)
        self.people = PeopleSection(self)
        self.deployments = DeploymentsSection(self)
        self.indicators = IndicatorsSection(self)
        self.interviews = InterviewsSection(self)
        self.consent = ConsentSection(self)
        self.review = RedactionReview(worker, case_id, self)
        self.review.export_requested.connect(self.export_requested)
        self.review.decisions_changed.connect(self.reload)
        self.history = HistorySection(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Every section stays in sight: in a narrow window tab titles shorten, never scroll away.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        for widget, title in (
            (self.interviews, self.tr("Interviews")),
            (self.identity, self.tr("Identity (sealed)")),
            (self.people, self.tr("Relatives and terms")),
            (self.deployments, self.tr("Deployments")),
            (self.indicators, self.tr("ILO indicators")),
            (self.consent, self.tr("Consent")),
            (self.review, self.tr("Redaction review")),
            (self.history, self.tr("History")),
            (self._attachments_tab(), self.tr("Attachments")),
        ):
            self.tabs.addTab(widget, title)
        self.tabs.currentChanged.connect(self._on_tab)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.reload()

    # -- loading and editing ----------------------------------------------------------------
    def reload(self) -> None:
        self.worker.submit(ops.load(self.case_id), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, snap: ops.Snapshot) -> None:
        self.snapshot = snap
        self.pseudonym_label.setText(snap.pseudonym)
        self.setWindowTitle(snap.pseudonym)  # never a real name in a title
        deps = snap.case.get("deployments") or []
        lang = "ko" if QLocale().language() == QLocale.Language.Korean else "en"
        countries = vocab.countries()
        codes = sorted({d["country"] for d in deps if d.get("country")})
        where = ", ".join(countries[c].label(lang) if c in countries else c for c in codes)
        n = len(snap.case.get("interviews") or [])
        count = self.tr("1 interview") if n == 1 else self.tr("%1 interviews").replace("%1", str(n))
        self.summary_label.setText(count + (f" · {where}" if where else ""))
        self.loaded.emit(snap)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._show_error(user_message(exc))

    def edit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
    ) -> None:
        """Run ``fn(session, case_id, *args)`` (a services.editing function) on the worker."""
        self._set_status(self.tr("Saving…"))

        def ok(outcome: tuple[Any, ops.Snapshot]) -> None:
            result, snap = outcome
            self._saved_now()
            self._on_loaded(snap)
            self._propose()  # a text the edit changed (an evidence quote) gets its proposals
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._show_error(user_message(exc))
            if self.snapshot is not None:
                self.loaded.emit(self.snapshot)  # put the refused value back

        self.worker.submit(ops.edit(self.case_id, fn, *args), ok, failed)

    def registry_context(
        self,
    ) -> tuple[
        redaction.Registry | None,
        list[redaction.Decision],
        dict[str, list[redaction.Detection]],
    ]:
        """Registry, decisions and cached proposals for highlighting (see LiveHighlight)."""
        if self.snapshot is None:
            return None, [], {}
        return self.snapshot.registry, self.snapshot.decisions, self.snapshot.proposals

    def flush(self) -> None:
        """Save pending edits now (before a lock or close); the worker runs them first."""
        self.interviews.commit_metadata()
        self.autosave.flush()

    # -- status -----------------------------------------------------------------------------
    def _on_texts_saved(self, keys: list[str]) -> None:
        self._saved_now()
        self._propose()

    def _propose(self) -> None:
        """Queue the finder on the texts just saved, as a worker job of its own.

        Not while newer text is waiting (its own save will queue this again), and skipped if a
        lock is asked for before the job starts: the finder never delays a lock by more than
        the one analysis already running.
        """
        if self.autosave.dirty:
            return
        worker = self.worker
        opened = worker.is_unlocked

        def wanted() -> bool:  # worker thread: reads a flag only
            return not (opened and not worker.is_unlocked)

        worker.submit(ops.propose(self.case_id, wanted), None, self._on_propose_failed)

    def _on_propose_failed(self, exc: BaseException) -> None:
        # The review finds what is missing when it opens; the text itself is saved.
        log.warning("finding names after a save failed: %s", type(exc).__name__)

    def _on_dirty(self, dirty: bool) -> None:
        if dirty:
            self._set_status(self.tr("Unsaved typing…"))

    def _saved_now(self) -> None:
        self._set_status(self.tr("Saved at %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        self.case_saved.emit(self.case_id)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b00020;" if error else "")
        self.status_label.setText(text)

    def _show_error(self, message: str) -> None:
        self._set_status(message, error=True)
        self.edit_failed.emit(message)

    def _on_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.review:
            self.autosave.flush()
            self.review.refresh()
        elif widget is self.history:
            self.autosave.flush()
            self.history.refresh()

    def _attachments_tab(self) -> QWidget:
        from nkcase.gui.editor.attachments import AttachmentsSection

        self.attachments = AttachmentsSection(self)
        return self.attachments

    def closeEvent(self, event: Any) -> None:
        self.flush()
        super().closeEvent(event)
