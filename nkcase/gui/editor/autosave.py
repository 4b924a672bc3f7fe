"""Autosave: texts are saved on the worker ~1.5 s after typing stops, at least every 3 s while
typing goes on without a pause, and at once on flush()."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from nkcase.gui.editor import ops
from nkcase.gui.worker import DbWorker, user_message

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 1500
# Someone transcribing steadily may never pause for 1.5 s: a kill must still lose no more than
# the last couple of seconds, so a save also happens this long after the first unsaved key.
AUTOSAVE_MAX_WAIT_MS = 3000


class TextAutosaver(QObject):
    """Collects the latest text of each field; one save per pause in typing (or per
    ``AUTOSAVE_MAX_WAIT_MS`` of typing without one)."""

    #: ``list[str]``: field keys whose new text is now in the vault.
    saved = Signal(list)
    #: ``str``: a user-facing message; the pending texts are kept and retried on the next save.
    save_failed = Signal(str)
    #: ``bool``: True while some typed text is not yet in the vault.
    dirty_changed = Signal(bool)

    def __init__(
        self, worker: DbWorker, case_id: int, parent: QObject | None = None, delay_ms: int = 0
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.case_id = case_id
        self._pending: dict[str, str] = {}
        self._in_flight = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms or AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(max(AUTOSAVE_MAX_WAIT_MS, self._timer.interval()))
        self._max_wait.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        return bool(self._pending) or self._in_flight > 0

    def text_changed(self, field_key: str, text: str) -> None:
        was_dirty = self.dirty
        self._pending[field_key] = text
        self._timer.start()  # restarts: the save waits for a pause...
        if not self._max_wait.isActive():
            self._max_wait.start()  # ...but not longer than this after the first unsaved key
        if not was_dirty:
            self.dirty_changed.emit(True)

    def flush(self) -> None:
        """Queue the pending texts now; the worker saves them before any later operation."""
        self._timer.stop()
        self._max_wait.stop()
        if not self._pending:
            return
        texts, self._pending = self._pending, {}
        self._in_flight += 1

        # The worker saves even if this editor is closed (a lock, a closed tab) before the
        # result comes back; then there is no one left to tell.
        def ok(keys: list[str]) -> None:
            if not shiboken6.isValid(self):
                return
            self._in_flight -= 1
            self.saved.emit(keys)
            if not self.dirty:
                self.dirty_changed.emit(False)

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._in_flight -= 1
            for key, text in texts.items():  # keep them unless newer text arrived meanwhile
                self._pending.setdefault(key, text)
            self.save_failed.emit(user_message(exc))

        # (The editor queues the finder's proposals after ``saved``: the save never waits.)
        self.worker.submit(
            ops.save_texts(self.case_id, texts, propose=False), on_success=ok, on_failure=failed
        )
