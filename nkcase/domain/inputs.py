"""Reading files that come from outside: bounded before a byte too many is read.

A case file, a packet, a backup or a passphrase file may be a device (``/dev/zero``), a pipe or
a file of many gigabytes. Each kind has a documented size limit; a regular file above it is
refused from its size alone, and anything that is not a regular file is refused before it is
opened, so memory stays bounded whatever the path names.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# A passphrase is one line; a file of more than this holds something else.
MAX_SECRET_FILE_BYTES = 64 * 1024


class OversizedInput(ValueError):
    """A file refused before it was read whole; ``str()`` is the reason (no content in it)."""


def read_capped(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Anything else is refused (:class:`OversizedInput`) having read at most ``limit + 1``
    bytes: a device, a pipe, a file larger than the limit or one that grows while read.
    OSError as usual for a missing or unreadable file (IsADirectoryError for a folder).
    """
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(str(path))
    if not stat.S_ISREG(st.st_mode):
        raise OversizedInput(f"is not a regular file (a device or a pipe?), so not a {what}")
    if st.st_size > limit:
        raise OversizedInput(f"is larger than {_size(limit)}, the limit for a {what}")
    with open(path, "rb") as fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise OversizedInput(f"is larger than {_size(limit)}, the limit for a {what}")
    return raw


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MB"
    return f"{limit // 1024} KB"


def read_secret_file(path: Path) -> str:
    """The first line of a passphrase file. ValueError (with a reason naming no content) for a
    file that is not a small UTF-8 text file; OSError as usual."""
    raw = read_capped(Path(path), MAX_SECRET_FILE_BYTES, "passphrase file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise OversizedInput("is not UTF-8 text") from None
    return text.splitlines()[0] if text else ""
