"""Atomic file writes: a crash leaves the old file or the new one, never neither, never half.

The new content is written to ``.<name>.<random>.tmp`` beside the target, then renamed over it.
A killed writer leaves its temporary file behind (a backup's is hundreds of MB of ciphertext);
the next write to the same target deletes such leftovers first (:func:`discard_stale_temps`).
A writer holds an exclusive lock on its temporary file while it writes, so a leftover is told
apart from another program's write under way: the lock of a killed process is gone.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from nkcase.errors import disk_full, is_disk_full

log = logging.getLogger(__name__)

# Temporary files are ".<target name>.<random>.tmp" beside their target (mkstemp's random part
# is eight characters of [a-z0-9_]); see discard_stale_temps.
TMP_SUFFIX = ".tmp"


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}{re.escape(TMP_SUFFIX)}")


def _try_lock(fd: int) -> bool:
    """An exclusive, non-blocking lock on ``fd``; True if taken (POSIX only)."""
    if sys.platform == "win32":  # pragma: no cover - an open file cannot be deleted there
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def discard_stale_temps(target: Path) -> int:
    """Delete the temporary files that killed writers of ``target`` left; returns how many.

    Only files of our own naming pattern, and only when no live writer holds them (POSIX: its
    lock; Windows: a file open in another process cannot be deleted, so the unlink fails).
    """
    target = Path(target)
    pattern = _temp_pattern(target.name)
    found = 0
    try:
        candidates = [p for p in target.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return 0
    for path in candidates:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if _try_lock(fd) and os.path.samestat(os.fstat(fd), os.lstat(path)):
                path.unlink()
                found += 1
        except OSError:
            pass
        finally:
            os.close(fd)
    if found:
        log.warning("deleted %d temporary file(s) left by an interrupted write", found)
    return found


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Yield a binary file; on clean exit it replaces ``target`` atomically (mode 0600).

    On any exception the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    discard_stale_temps(target)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TMP_SUFFIX, dir=target.parent
        )
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full(target.parent) from None
        raise
    tmp = Path(tmp_name)
    # Held until the rename is done (a duplicate shares the lock): this file is not a leftover.
    lock_fd = os.dup(fd)
    try:
        _try_lock(lock_fd)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(exc, OSError) and is_disk_full(exc):
            raise disk_full(target.parent) from None
        raise
    finally:
        os.close(lock_fd)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_writer(target) as fh:
        fh.write(data)
