"""The one text normalisation behind the registry matcher, the leak check and the detectors.

A *projection* of a text is a normalised copy plus the map from its offsets back to the
original, so every span found in a projection is reported as offsets into the text the user
wrote. :func:`folded` is the projection the registry matches on; :func:`alternatives` are the
extra projections it also matches on (run-together CamelCase split, Hanja read as Hangul); the
leak check uses the registry and so runs over every projection of every file. :func:`clean` is
the same normalisation with case kept, for the detectors.

What a projection does to the original, in one pass over the places that need it:

* NFKC (full-width Ｓｕｎ－ｏｋ -> Sun-ok, ligatures, circled digits; Hangul compatibility jamo
  are left alone), then lower case, diacritics removed, one apostrophe and one hyphen;
* zero-width characters, bidi controls and soft hyphens removed (Mu\u200bsan -> musan);
* a hyphen at a line end joined with the next line (Mu-\\nsan -> musan, 무-\\n산 -> 무산);
* middle dots (U+00B7, U+30FB, U+2027, U+318D ...) read as a space between Hangul syllables
  (리·순·옥 -> 리 순 옥) and as a hyphen elsewhere (Sun·ok -> sun-ok);
* line breaks and runs of white space read as one space (리순\\n옥 -> 리순 옥; the registry
  holds every spacing of a Hangul term, so spaced syllables match).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from nkcase.config import resource_path

# One folded character per original character: offsets stay aligned on the fast path.
TABLE = str.maketrans(
    {
        "ŏ": "o", "ŭ": "u", "ǒ": "o", "ǔ": "u", "ö": "o", "ü": "u", "ó": "o", "ò": "o",
        "ô": "o", "ú": "u", "ù": "u", "û": "u", "é": "e", "è": "e", "ë": "e", "ê": "e",
        "á": "a", "à": "a", "â": "a", "ä": "a", "í": "i", "ì": "i", "î": "i", "ï": "i",
        "ё": "е", "й": "и",
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "ʻ": "'", "′": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\t": " ",
        "\n": " ", "\r": " ",
    }
)  # fmt: skip

INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
MIDDLE_DOTS = "\u00b7\u0387\u2027\u2219\u22c5\u30fb\u318d\uff65"
_LINE_END_HYPHEN = r"(?<=[^\W\d_])[\-\u2010\u2011\u00ad\uff0d][ \t]*\r?\n[ \t]*(?=[^\W\d_])"
_MARKS = "\u0300-\u036f"
_HANJA = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Cheap test: does a text need anything beyond lower() and TABLE? (NFKC is tested apart.)
_NEEDS_CHARS = re.compile(f"[{INVISIBLE}{MIDDLE_DOTS}{_MARKS}\u1100-\u11ff]")
_HYPHEN_BREAK = re.compile("[\\-\u2010\u2011\uff0d][ \t]*\r?\n")


def _needs_edits(text: str) -> bool:
    """Anything beyond lower() and TABLE to do? (One character class, then line-end hyphens
    only in a text with line breaks: the cheap test keeps plain text on the fast path.)"""
    if _NEEDS_CHARS.search(text):
        return True
    return "\n" in text and _HYPHEN_BREAK.search(text) is not None


_CAMEL = re.compile("[a-z\uff41-\uff5a][A-Z\uff21-\uff3a]")
_HAS_HANJA = re.compile(f"[{_HANJA}]")
_SPACE_RUN = re.compile(" {2,}")
_T = TypeVar("_T")


def _keep_as_is(c: str) -> bool:
    """Characters NFKC would change that the projection keeps (TABLE folds them itself;
    Hangul compatibility jamo must not turn into conjoining jamo)."""
    o = ord(c)
    return c in _TABLE_KEYS or 0x3131 <= o <= 0x318E or 0xFFA0 <= o <= 0xFFDC


_TABLE_KEYS = frozenset(chr(k) for k in TABLE)


@cache
def _compat_class() -> str:
    """A regex class of the characters NFKC or lower() would change (computed once, lazily)."""
    ranges: list[tuple[int, int]] = []
    for o in range(0xA0, 0x30000):
        if 0xD800 <= o <= 0xDFFF or 0xAC00 <= o <= 0xD7A3 or 0x4E00 <= o <= 0x9FFF:
            continue
        c = chr(o)
        if _keep_as_is(c) or unicodedata.combining(c):
            continue
        if unicodedata.normalize("NFKC", c) != c or len(c.lower()) != 1:
            if ranges and ranges[-1][1] == o - 1:
                ranges[-1] = (ranges[-1][0], o)
            else:
                ranges.append((o, o))
    parts = [
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    ]
    return "[" + "".join(parts) + "]"


@cache
def _edit_pattern(camel: bool, hanja: bool) -> re.Pattern[str]:
    branches = [
        f"(?P<join>{_LINE_END_HYPHEN})",
        f"(?P<inv>[{INVISIBLE}]+)",
        f"(?P<dot>[{MIDDLE_DOTS}])",
    ]
    if hanja:
        branches.append(f"(?P<hanja>[{_HANJA}])")
    if camel:
        branches.append("(?P<camel>(?<=[a-z\uff41-\uff5a])(?=[A-Z\uff21-\uff3a]))")
    branches += [
        f"(?P<mark>[^{_MARKS}][{_MARKS}]+)",
        "(?P<jamo>[\u1100-\u115f][\u1160-\u11a7][\u11a8-\u11ff]?)",
        # One character at a time when splitting run-together words (ＲｉＳｕｎＯｋ).
        f"(?P<compat>{_compat_class()}{'' if camel else '+'})",
    ]
    return re.compile("|".join(branches), re.DOTALL)


@cache
def hanja_readings() -> tuple[dict[str, str], dict[str, str]]:
    """(main reading, personal-name reading where it differs) of each Hanja, from Unihan."""
    main: dict[str, str] = {}
    name: dict[str, str] = {}
    with resource_path("redaction", "hanja_readings.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            kind, reading, chars = line.rstrip("\n").split("\t")
            table = main if kind == "P" else name
            for c in chars:
                table[c] = reading
    return main, name


def _is_syllable(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3"


def _strip_marks(s: str) -> str:
    if not any(unicodedata.combining(c) for c in s):
        return s
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def fold_piece(s: str) -> str:
    """Lower case, TABLE and no diacritics for a short piece already in NFKC/NFC form."""
    return _strip_marks(s.lower().translate(TABLE))


class Projection:
    """A normalised copy ``text`` of ``original`` and the map from its offsets back.

    The map is piecewise: stretches copied one character for one character, and edited
    stretches (an original stretch replaced by another string, possibly empty or longer).
    A span that starts or ends inside an edited stretch takes in the whole stretch.
    """

    __slots__ = ("_ident", "_orig_end", "_orig_start", "_proj", "_run_new", "_run_shift",
                 "original", "text")  # fmt: skip

    def __init__(
        self,
        original: str,
        text: str,
        segments: list[tuple[int, int, int, bool]] | None = None,
        collapse: bool = True,
    ) -> None:
        self.original = original
        self._proj: list[int] = []
        self._orig_start: list[int] = []
        self._orig_end: list[int] = []
        self._ident: list[bool] = []
        for proj, o_start, o_end, ident in segments or ():
            self._proj.append(proj)
            self._orig_start.append(o_start)
            self._orig_end.append(o_end)
            self._ident.append(ident)
        self._run_new: list[int] = []
        self._run_shift: list[int] = []
        self.text = self._collapse(text) if collapse and "  " in text else text

    def _collapse(self, text: str) -> str:
        parts: list[str] = []
        pos = 0
        removed = 0
        for m in _SPACE_RUN.finditer(text):
            parts.append(text[pos : m.start() + 1])
            removed += m.end() - m.start() - 1
            # Offset after collapsing of the first character after the run.
            self._run_new.append(m.start() + 1 - (removed - (m.end() - m.start() - 1)))
            self._run_shift.append(removed)
            pos = m.end()
        parts.append(text[pos:])
        return "".join(parts)

    def _uncollapse(self, pos: int) -> int:
        i = bisect.bisect_right(self._run_new, pos)
        return pos + (self._run_shift[i - 1] if i else 0)

    def _orig(self, pos: int, end: bool) -> int:
        i = bisect.bisect_right(self._proj, pos) - 1
        if i < 0:
            return pos
        if self._ident[i]:
            return self._orig_start[i] + (pos - self._proj[i]) + (1 if end else 0)
        return self._orig_end[i] if end else self._orig_start[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for projected [start, end)."""
        if self._run_new:
            start, end = self._uncollapse(start), self._uncollapse(end - 1) + 1
        if not self._proj:
            return start, end
        return self._orig(start, False), self._orig(end - 1, True)


def _replacement(
    m: re.Match[str], original: str, fold: bool, reading: Callable[[str], str] | None
) -> str:
    kind = m.lastgroup
    piece = m.group()
    if kind in ("join", "inv"):
        return ""
    if kind == "camel":
        return " "
    if kind == "dot":
        before = original[m.start() - 1] if m.start() else ""
        after = original[m.end()] if m.end() < len(original) else ""
        return " " if _is_syllable(before) and _is_syllable(after) else "-"
    if kind == "hanja":
        # Each Hanja read as a syllable standing apart (the registry holds every spacing of
        # a Hangul term): 茂山 matches in 茂山郡, in 我在茂山工作 and before a particle alike.
        c = unicodedata.normalize("NFKC", piece)
        return f" {reading(c)} " if reading else c
    out = unicodedata.normalize("NFC", piece)  # a letter with marks, conjoining jamo
    return fold_piece(out) if fold else out


def _compat(c: str, fold: bool) -> str:
    out = unicodedata.normalize("NFKC", c)
    return fold_piece(out) if fold else out


def project(
    text: str,
    *,
    fold: bool = True,
    collapse: bool = True,
    camel: bool = False,
    reading: Callable[[str], str] | None = None,
) -> Projection:
    """The projection of ``text``; ``camel`` splits run-together words (RiSunOk -> ri sun ok),
    ``reading`` replaces each Hanja with its Hangul reading."""
    simple = (
        not camel
        and reading is None
        and not _needs_edits(text)
        and unicodedata.is_normalized("NFKC", text)
    )
    if simple:
        lowered = text.lower() if fold else text
        if len(lowered) == len(text):
            return Projection(text, lowered.translate(TABLE) if fold else text, None, collapse)
    pattern = _edit_pattern(camel, reading is not None)
    parts: list[str] = []
    segments: list[tuple[int, int, int, bool]] = []
    proj = 0
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            chunk = text[pos : m.start()]
            if fold:
                chunk = chunk.lower().translate(TABLE)
            segments.append((proj, pos, m.start(), True))
            parts.append(chunk)
            proj += len(chunk)
        pos = m.end()
        if m.lastgroup == "compat":
            # A run of full-width letters (Ｍｕｓａｎ): one character for one when it can be,
            # so the map stays exact and small; else one stretch per character.
            pieces = [_compat(c, fold) for c in m.group()]
            if all(len(p) == 1 for p in pieces):
                segments.append((proj, m.start(), m.end(), True))
                parts.append("".join(pieces))
                proj += len(pieces)
                continue
            for k, rep in enumerate(pieces):
                segments.append((proj, m.start() + k, m.start() + k + 1, False))
                parts.append(rep)
                proj += len(rep)
            continue
        rep = _replacement(m, text, fold, reading)
        segments.append((proj, m.start(), m.end(), False))
        parts.append(rep)
        proj += len(rep)
    if not segments:
        lowered = text.lower() if fold else text
        return Projection(text, lowered.translate(TABLE) if fold else text, None, collapse)
    if pos < len(text):
        chunk = text[pos:]
        segments.append((proj, pos, len(text), True))
        parts.append(chunk.lower().translate(TABLE) if fold else chunk)
        proj += len(chunk)
    # An edit that produced nothing owns no projected offset: drop it from the map (its
    # neighbours' spans then do not take it in, which is right for a removed character).
    segments = [s for k, s in enumerate(segments) if _seg_len(segments, k, proj) > 0]
    return Projection(text, "".join(parts), segments, collapse)


def _seg_len(segments: list[tuple[int, int, int, bool]], k: int, total: int) -> int:
    nxt = segments[k + 1][0] if k + 1 < len(segments) else total
    return nxt - segments[k][0]


def folded(text: str) -> Projection:
    """The projection the registry matches on (lower case, white space collapsed)."""
    return project(text)


def clean(text: str) -> Projection:
    """The same normalisation with case and white space kept: the detectors' input."""
    return project(text, fold=False, collapse=False)


def _main_reading(c: str) -> str:
    return hanja_readings()[0].get(c, c)


def _name_reading(c: str) -> str:
    main, name = hanja_readings()
    return name.get(c) or main.get(c, c)


def alternatives(text: str) -> list[Projection]:
    """Extra projections to match on, only for texts that need them: CamelCase split and
    Hanja read as Hangul (main readings; and personal-name readings, 金 -> 김, where a
    character of the text has one that differs)."""
    camel = _CAMEL.search(text) is not None
    hanja = _HAS_HANJA.search(text) is not None
    if not (camel or hanja):
        return []
    out = [project(text, camel=camel, reading=_main_reading if hanja else None)]
    if hanja:
        name = hanja_readings()[1]
        if any(c in name for c in text if "\u3400" <= c <= "\ufaff"):
            out.append(project(text, camel=camel, reading=_name_reading))
    return out


def projections(text: str) -> list[Projection]:
    """Every projection a text is matched on: :func:`folded` first, then the alternatives."""
    return [folded(text), *alternatives(text)]


def on_clean(text: str, find: Callable[[str], list[_T]]) -> list[_T]:
    """Run ``find`` over :func:`clean` of ``text`` and map what it returns (dataclasses with
    ``start``/``end`` offsets, like a detector's Detection) back to offsets into ``text``.

    How a detector sees Mu-\\nsan, Ｍｕｓａｎ or 010\u200b-4417-2093 as a plain word or number
    while its spans still point into the original: ``on_clean(text, detect)``.
    """
    proj = clean(text)
    if proj.text == text:
        return find(text)
    out: list[_T] = []
    for item in find(proj.text):
        start, end = proj.span(item.start, item.end)  # type: ignore[attr-defined]
        out.append(dataclasses.replace(item, start=start, end=end))  # type: ignore[type-var]
    return out
