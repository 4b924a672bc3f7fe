"""Text folding for matching: lower case, no diacritics, one kind of apostrophe and hyphen.

Matching runs on a folded copy whose characters map back to the original offsets, so spans
always point into the text the user wrote (offsets are into the original string).
"""

from __future__ import annotations

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


class Folded:
    """A folded copy of ``original`` and the map from folded offsets back to original ones."""

    __slots__ = ("_ends", "_starts", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        if not _NEEDS_SLOW.search(original):
            lowered = original.lower()
            if len(lowered) == len(original):
                self.text = lowered.translate(_TABLE)
                return
        self._fold_slow(original)

    def _fold_slow(self, original: str) -> None:
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
        self.text = "".join(out)
        self._starts = starts
        self._ends = ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for folded [start, end)."""
        if self._starts is None or self._ends is None:
            return start, end
        return self._starts[start], self._ends[end - 1]
