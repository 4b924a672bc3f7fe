"""The one database worker thread: every SQL statement and every key derivation runs here.

The GUI thread never blocks on the vault. It hands the worker an *operation* (a plain function)
and gets the outcome back, on the GUI thread, through callbacks::

    def load(vault: Vault) -> dict:              # runs ON THE WORKER THREAD: no widgets here
        with vault.session() as session:
            return case_to_dict(find_case(session, case_id))

    worker.submit(load, on_success=self.show_case, on_failure=self.show_error)

Rules (after anki's ``CollectionOp``/``taskman``):

* Operations run one at a time, in the order submitted, on one thread. SQLite connections and
  sessions are created and closed inside the operation; never pass ORM objects out of it
  (return plain values: dicts, dataclasses, ids).
* ``on_success(result)`` / ``on_failure(exc)`` / ``on_progress(done, total)`` are called on the
  GUI thread. An operation that wants to report progress takes a second argument, a callable
  ``progress(done: int, total: int)``; it is passed only when ``on_progress`` is given.
* Without ``on_failure``, an :class:`NkcaseError` becomes the :attr:`DbWorker.failed` signal
  (its message is safe to show); any other exception is logged by type and location only (no
  message: a driver error can quote case text) and reported as a generic message.
* While the vault is locked, :meth:`submit` operations fail with :class:`VaultLocked`.
  :meth:`run` is for operations that need no vault (unlocking, creating, scoring a passphrase).
"""

from __future__ import annotations

import itertools
import logging
import queue
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nkcase.errors import NkcaseError, VaultLocked, describe_exception
from nkcase.gui.errors import GENERIC_FAILURE
from nkcase.gui.errors import user_message as user_message
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]


@dataclass
class _Job:
    id: int
    fn: Callable[..., Any]
    needs_vault: bool
    on_success: SuccessCallback | None
    on_failure: FailureCallback | None
    on_progress: ProgressCallback | None
    kind: str = "op"  # "op" | "open" | "close"


class _Thread(QThread):
    """Runs jobs from the queue until it gets ``None``. Owns the open :class:`Vault`."""

    job_done = Signal(int, object, object)  # job id, result, exception (or None)
    job_progress = Signal(int, int, int)  # job id, done, total
    job_started = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: queue.Queue[_Job | None] = queue.Queue()
        self.vault: Vault | None = None

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                break
            self.job_started.emit(job.id)
            result: Any = None
            error: BaseException | None = None
            try:
                result = self._execute(job)
            except BaseException as exc:  # delivered to the GUI thread, never swallowed
                error = exc
            self.job_done.emit(job.id, result, error)
        self._close_vault()

    def _execute(self, job: _Job) -> Any:
        if job.kind == "open":
            self._close_vault()
            vault = job.fn()
            if not isinstance(vault, Vault):
                raise TypeError("an opener must return a Vault")
            self.vault = vault
            return vault
        if job.kind == "close":
            self._close_vault()
            return None
        args: list[Any] = []
        if job.needs_vault:
            if self.vault is None:
                raise VaultLocked("The vault is locked; unlock it first.")
            args.append(self.vault)
        if job.on_progress is not None:
            job_id = job.id

            def progress(done: int, total: int) -> None:
                self.job_progress.emit(job_id, int(done), int(total))

            args.append(progress)
        return job.fn(*args)

    def _close_vault(self) -> None:
        if self.vault is not None:
            vault, self.vault = self.vault, None
            vault.close()


class DbWorker(QObject):
    """Queue of vault operations on one background thread; outcomes come back on the GUI thread.

    Create one per application (not a singleton: tests make their own), :meth:`start` it, and
    :meth:`stop` it before quitting (stop closes the vault on its own thread).
    """

    #: ``str``: a user-facing message of an operation that failed with no ``on_failure``.
    failed = Signal(str)
    #: ``bool``: ``True`` when the first operation is queued, ``False`` when the queue drains.
    busy_changed = Signal(bool)
    #: ``object`` (the open :class:`Vault`, for reading its folder/organisation on the worker
    #: only): emitted after :meth:`open_vault` succeeded.
    vault_opened = Signal(object)
    #: emitted after the vault was closed by :meth:`close_vault`.
    vault_closed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = _Thread()
        self._thread.job_done.connect(self._on_done)
        self._thread.job_progress.connect(self._on_progress)
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        self._unlocked = False

    # -- lifecycle --------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_ms: int = 30_000) -> None:
        """Finish queued operations, close the vault, end the thread (blocks the caller)."""
        if self._thread.isRunning():
            self._thread.jobs.put(None)
            self._thread.wait(timeout_ms)
        self._unlocked = False

    @property
    def is_unlocked(self) -> bool:
        """As seen from the GUI thread: an open succeeded and no close was requested since."""
        return self._unlocked

    @property
    def pending(self) -> int:
        """Operations queued or running whose outcome has not yet been delivered."""
        return len(self._jobs)

    # -- submitting ---------------------------------------------------------------------------
    def submit(
        self,
        fn: Callable[..., Any],
        on_success: SuccessCallback | None = None,
        on_failure: FailureCallback | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> int:
        """Run ``fn(vault)`` (or ``fn(vault, progress)``) on the worker; returns a job id."""
        return self._enqueue(_Job(0, fn, True, on_success, on_failure, on_progress))

    def run(
        self,
        fn: Callable[..., Any],
        on_success: SuccessCallback | None = None,
        on_failure: FailureCallback | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> int:
        """Run ``fn()`` (or ``fn(progress)``), which needs no vault, on the worker."""
        return self._enqueue(_Job(0, fn, False, on_success, on_failure, on_progress))

    def open_vault(
        self,
        opener: Callable[[], Vault],
        on_success: SuccessCallback | None = None,
        on_failure: FailureCallback | None = None,
    ) -> int:
        """Run ``opener()`` (unlock or create: the KDF) on the worker and keep its vault there.

        Operations submitted after this one see the new vault.
        """
        return self._enqueue(_Job(0, opener, False, on_success, on_failure, None, kind="open"))

    def close_vault(self, on_done: Callable[[], None] | None = None) -> int:
        """Close the vault after the operations already queued (pending saves land first)."""
        self._unlocked = False
        return self._enqueue(
            _Job(
                0,
                lambda: None,
                False,
                (lambda _r: on_done()) if on_done else None,
                None,
                None,
                kind="close",
            )
        )

    def _enqueue(self, job: _Job) -> int:
        if not self._thread.isRunning():
            self.start()
        job.id = next(self._ids)
        was_idle = not self._jobs
        self._jobs[job.id] = job
        self._thread.jobs.put(job)
        if was_idle:
            self.busy_changed.emit(True)
        return job.id

    # -- delivery (GUI thread) ---------------------------------------------------------------
    @Slot(int, int, int)
    def _on_progress(self, job_id: int, done: int, total: int) -> None:
        job = self._jobs.get(job_id)
        if job is not None and job.on_progress is not None:
            self._call(job.on_progress, done, total)

    @Slot(int, object, object)
    def _on_done(self, job_id: int, result: Any, error: BaseException | None) -> None:
        job = self._jobs.pop(job_id, None)
        try:
            if job is None:
                return
            if job.kind == "open" and error is None:
                self._unlocked = True
                self.vault_opened.emit(result)
            elif job.kind == "close":
                self.vault_closed.emit()
            if error is None:
                if job.on_success is not None:
                    self._call(job.on_success, result)
            else:
                self._deliver_failure(job, error)
        finally:
            if not self._jobs:
                self.busy_changed.emit(False)

    def _deliver_failure(self, job: _Job, error: BaseException) -> None:
        if not isinstance(error, NkcaseError):
            log.error("operation failed: %s", describe_exception(error))
        if job.on_failure is not None:
            self._call(job.on_failure, error)
        else:
            self.failed.emit(user_message(error))

    @staticmethod
    def _call(callback: Callable[..., Any], *args: Any) -> None:
        # A callback may belong to a widget closed meanwhile (a lock): log, keep the worker alive.
        try:
            callback(*args)
        except Exception as exc:
            log.error("callback failed: %s", describe_exception(exc))


__all__ = ["GENERIC_FAILURE", "DbWorker", "user_message"]
