"""Keep the process's memory out of crash dumps: it holds the data key and decrypted text.

Called once at the start of the CLI and of the desktop app, before any vault is opened:

- POSIX: ``RLIMIT_CORE`` set to 0 (soft and hard), so the kernel writes no core file, whatever
  ``ulimit -c`` the shell had.
- Linux: ``prctl(PR_SET_DUMPABLE, 0)``. The kernel then hands no core to a crash collector
  either (systemd-coredump, apport, abrt are fed through a pipe, where ``RLIMIT_CORE`` does not
  apply), and other processes of the same user can no longer ``ptrace`` this one or read its
  ``/proc/PID/mem``.
- macOS: ``RLIMIT_CORE`` is enough for core files (they are off by default and go to /cores
  only when allowed). ``PT_DENY_ATTACH`` is deliberately not used: it also stops the crash
  reporter's stack-only report, which holds no memory, and makes legitimate debugging of a
  user's problem impossible; ReportCrash does not copy process memory.
- Windows: ``SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)`` (no crash dialog
  that would offer to send a report) and ``WerAddExcludedApplication`` for the running
  executable, so Windows Error Reporting collects no dump of this process.

Python's own crash output stays free of values: ``faulthandler`` prints only file names, line
numbers and function names (never locals), and the CLI and the GUI print only the type of an
unexpected exception and where it was raised (:func:`nkcase.errors.describe_exception`).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys

from nkcase import config

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002

_done = False


def harden_process() -> None:
    """Disable core dumps and crash-report collection for this process (idempotent)."""
    global _done
    if _done:
        return
    _done = True
    if sys.platform == "win32":
        _harden_windows()
    else:
        _no_core_files()
        if sys.platform.startswith("linux"):
            _not_dumpable()


def _no_core_files() -> None:
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError) as exc:
        log.warning("could not turn core dumps off (%s)", type(exc).__name__)


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def _not_dumpable() -> None:
    libc = _libc()
    if libc is None or libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        log.warning("could not mark the process non-dumpable")


def leave_this_process_alone() -> None:
    """For the test suite, which calls the CLI and the app in its own process: leave that
    process's limits as they are (its child processes -- a real `nkcase` -- still harden)."""
    global _done
    _done = True


def is_dumpable() -> bool | None:
    """Linux only: whether the kernel would dump this process (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = _libc()
    return None if libc is None else bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def _harden_windows() -> None:  # pragma: no cover - exercised on Windows only
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return
    try:
        kernel32 = windll.kernel32
        old = kernel32.GetErrorMode()
        kernel32.SetErrorMode(old | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    except (AttributeError, OSError):
        log.warning("could not turn the crash dialog off")
    try:
        wer = windll.wer
        wer.WerAddExcludedApplication.argtypes = [ctypes.c_wchar_p, ctypes.c_int]
        # FALSE: for the current user only (no administrator rights needed).
        result = wer.WerAddExcludedApplication(sys.executable, 0)
        if result != 0:
            log.warning("Windows Error Reporting exclusion refused (0x%08x)", result & 0xFFFFFFFF)
    except (AttributeError, OSError):
        log.warning("could not exclude nkcase from Windows Error Reporting")


def test_abort_point(point: str) -> None:
    """Test-only: abort the process here when the test switch names this point (see config)."""
    if config.test_abort_requested(point):
        os.abort()
