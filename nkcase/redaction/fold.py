"""Text folding for matching: lower case, no diacritics, one kind of apostrophe and hyphen.

Matching runs on a folded copy whose characters map back to the original offsets, so spans
always point into the text the user wrote (offsets are into the original string).
"""

from __future__ import annotations

import bisect
import re
import unicodedata

# One folded character per original character: offsets stay aligned on the fast path.
_TABLE = str.maketrans(
    {
        "ŏ": "o", "ŭ": "u", "ǒ": "o", "ǔ": "u", "ö": "o", "ü": "u", "ó": "o", "ò": "o",
        "ô": "o", "ú": "u", "ù": "u", "û": "u", "é": "e", "è": "e", "ë": "e", "ê": "e",
        "á": "a", "à": "a", "â": "a", "ä": "a", "í": "i", "ì": "i", "î": "i", "ï": "i",
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "ʻ": "'", "′": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\t": " ",
        "\n": " ", "\r": " ",
    }
)  # fmt: skip

# Combining marks and conjoining jamo: the text is not in the composed form we match on.
_NEEDS_SLOW = re.compile("[\u0300-\u036f\u1100-\u11ff]")
_CLUSTER = re.compile("[\u1100-\u115f][\u1160-\u11a7][\u11a8-\u11ff]?|.[\u0300-\u036f]*", re.DOTALL)


def fold_simple(text: str) -> str:
    """Fold a short string (a registry term); offsets are not kept."""
    text = unicodedata.normalize("NFC", text)
    return _strip_marks(text.lower().translate(_TABLE))


def _strip_marks(s: str) -> str:
    if not _NEEDS_SLOW.search(s):
        return s
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


_SPACE_RUN = re.compile(" {2,}")


class Folded:
    """A folded copy of ``original`` and the map from folded offsets back to original ones.

    Runs of white space are folded to one space (a name broken over a line with indentation
    still matches); ``span`` maps back through both steps.
    """

    __slots__ = ("_ends", "_run_new", "_run_shift", "_starts", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        self._run_new: list[int] = []
        self._run_shift: list[int] = []
        text: str | None = None
        if not _NEEDS_SLOW.search(original):
            lowered = original.lower()
            if len(lowered) == len(original):
                text = lowered.translate(_TABLE)
        if text is None:
            text = self._fold_slow(original)
        self.text = self._collapse(text) if "  " in text else text

    def _collapse(self, text: str) -> str:
        parts: list[str] = []
        pos = 0
        removed = 0
        for m in _SPACE_RUN.finditer(text):
            parts.append(text[pos : m.start() + 1])
            removed += m.end() - m.start() - 1
            # Folded-after-collapse offset of the first character after the run.
            self._run_new.append(m.start() + 1 - (removed - (m.end() - m.start() - 1)))
            self._run_shift.append(removed)
            pos = m.end()
        parts.append(text[pos:])
        return "".join(parts)

    def _fold_slow(self, original: str) -> str:
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for m in _CLUSTER.finditer(original):
            cluster = unicodedata.normalize("NFC", m.group())
            folded = cluster.lower().translate(_TABLE)
            folded = "".join(c for c in folded if not unicodedata.combining(c)) or " "
            for c in folded:
                out.append(c)
                starts.append(m.start())
                ends.append(m.end())
        self._starts = starts
        self._ends = ends
        return "".join(out)

    def _uncollapse(self, pos: int) -> int:
        i = bisect.bisect_right(self._run_new, pos)
        return pos + (self._run_shift[i - 1] if i else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for folded [start, end)."""
        if self._run_new:
            start, end = self._uncollapse(start), self._uncollapse(end - 1) + 1
        if self._starts is None or self._ends is None:
            return start, end
        return self._starts[start], self._ends[end - 1]
