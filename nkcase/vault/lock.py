"""Who has a vault open: an advisory lock on the vault folder itself.

Every open vault holds a *shared* lock on its folder for as long as it is open. The operations
that change the vault's files under other programs' feet -- a rekey, finishing an interrupted
rekey, a key-slot change, a restore over it -- need the lock *exclusively*, and refuse (nothing
changed) while another program, or another window of this one, has the vault open: that program
would go on writing to the old database, or later save its stale copy of the key file, and work
or a passphrase change would be lost.

The lock is ``flock`` on the folder's own descriptor: no extra file in the vault, released by
the kernel when a process dies (a kill -9 leaves no stale lock), and held per open vault, so two
vaults opened on one folder in one process exclude each other too. Where ``flock`` does not exist
(Windows) there is no lock; docs/threat-model.md says so.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from nkcase.errors import VaultBusy

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

OPEN_ELSEWHERE = (
    "The vault in {folder} is open in another program or window. Close or lock it there, then "
    "try again; nothing was changed."
)
_BUSY = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)


class FolderLock:
    """A lock on one vault folder, taken at once (shared unless ``exclusive``).

    Raises :class:`VaultBusy` when it cannot be had: an exclusive holder elsewhere for a shared
    lock, any other holder for an exclusive one.
    """

    def __init__(self, folder: Path, exclusive: bool = False) -> None:
        self.folder = Path(folder)
        self._fd: int | None = None
        if fcntl is None:  # pragma: no cover - Windows
            return
        fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            self._set(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _set(self, fd: int, operation: int) -> None:
        assert fcntl is not None
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY:
                raise VaultBusy(OPEN_ELSEWHERE.format(folder=self.folder)) from None
            raise

    def try_exclusive(self) -> bool:
        """Upgrade to exclusive if no one else holds the lock; False (still shared) otherwise.

        ``flock`` converts by dropping the lock and taking the new one, so a refused upgrade
        has to take the shared lock back; if another program slipped an exclusive lock into
        that moment (it is replacing the vault's files), this raises :class:`VaultBusy` and
        holds nothing.
        """
        if fcntl is None or self._fd is None:
            return fcntl is None
        try:
            self._set(self._fd, fcntl.LOCK_EX)
        except VaultBusy:
            self.to_shared()
            return False
        return True

    def to_shared(self) -> None:
        if fcntl is None or self._fd is None:
            return
        try:
            self._set(self._fd, fcntl.LOCK_SH)
        except VaultBusy:
            self.release()
            raise

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """``with lock.exclusive():`` no one else has the vault open inside the block."""
        if fcntl is not None and self._fd is None:
            raise VaultBusy(OPEN_ELSEWHERE.format(folder=self.folder))
        if not self.try_exclusive():
            raise VaultBusy(OPEN_ELSEWHERE.format(folder=self.folder))
        try:
            yield
        finally:
            try:
                self.to_shared()
            except VaultBusy:  # the work is done; only this vault's hold on the folder is gone
                log.warning("lost the vault folder lock to another program")

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None
