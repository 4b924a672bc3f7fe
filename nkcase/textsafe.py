"""Making untrusted text safe to print on a terminal: the one place that does it.

Text from a packet, a case file, a backup header or a vault may hold terminal control sequences
(ESC ``[1A`` moves the cursor up, CR returns to the start of the line, ``ESC [2K`` erases it,
OSC sequences set window titles and hyperlinks, C1 codes such as U+009B act as CSI on some
terminals), bidirectional overrides (U+202E shows ``fdp.exe`` for ``exe.pdf``), invisible
characters, or lone surrogates (which cannot even be encoded, and crash a plain ``print``).
:func:`printable` shows every such character escaped -- ``\\x1b``, ``\\u202e``, ``\\ud800`` --
so what a reader sees is what the text holds, and nothing in it can move the cursor, erase or
rewrite a line, or reorder what follows.

Used by ``nkcase verify`` for every manifest field it prints, by :class:`~nkcase.errors.
CaseFileError` for the JSON path it names, and by the CLI for everything it writes
(:class:`SafeStream` wraps stdout and stderr; line feeds and tabs stay, nothing else does).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TextIO

# C0 controls (minus what a caller keeps), DEL, C1 controls, lone surrogates, and the format
# characters that reorder or hide text: bidi embeddings, overrides and isolates, marks, zero
# width characters, the BOM, soft hyphen, line and paragraph separators.
_ALWAYS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff"
)
_STRICT = re.compile(f"[\t\n{_ALWAYS}]")
_LINES = re.compile(f"[{_ALWAYS}]")

ELLIPSIS = "\u2026"


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _other_format(ch: str) -> bool:
    # Format (Cf) characters outside the explicit list above, e.g. language tags (U+E0001...).
    return unicodedata.category(ch) == "Cf"


def printable(text: object, *, keep_newlines: bool = False, limit: int | None = None) -> str:
    """``text`` with every control, bidi, invisible or unpaired-surrogate character escaped.

    With ``keep_newlines`` line feeds and tabs stay as they are (for our own multi-line
    messages); otherwise they are escaped too, so one field prints on one line. ``limit`` cuts
    the result to that many characters of the *original* text, marked with an ellipsis.
    """
    value = str(text)
    if limit is not None and len(value) > limit:
        value = value[:limit] + ELLIPSIS
    pattern = _LINES if keep_newlines else _STRICT
    escaped = pattern.sub(_escape, value)
    if any(ord(ch) > 0xFFFF for ch in escaped):  # rare: tag characters and the like
        escaped = "".join(f"\\U{ord(ch):08x}" if _other_format(ch) else ch for ch in escaped)
    return escaped


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps``) with the same characters written as ``\\uXXXX`` escapes.

    Valid JSON still (those characters can only occur inside strings, and ``\\uXXXX`` means the
    same character to a JSON reader), but safe to print on a terminal.
    """

    def escape(match: re.Match[str]) -> str:
        return f"\\u{ord(match.group()):04x}"

    return _LINES.sub(escape, text)


class SafeStream:
    """A text stream that passes every write through :func:`printable` (lines kept).

    The CLI wraps stdout and stderr in it, so no path that echoes input can write a control
    sequence, whoever wrote the ``print``. Output meant to move the cursor (the progress line's
    carriage return) goes through :meth:`write_control`.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text, keep_newlines=True))
        return len(text)

    def write_control(self, text: str) -> None:
        """Write our own control characters (a progress line's ``\\r``) unescaped."""
        self._stream.write(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def write_control(stream: TextIO, text: str) -> None:
    """Write trusted control output to ``stream``, past a :class:`SafeStream` if it is one."""
    if isinstance(stream, SafeStream):
        stream.write_control(text)
    else:
        stream.write(text)
