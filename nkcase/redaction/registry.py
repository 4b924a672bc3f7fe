"""The per-case registry of identifying terms and the matcher that finds them in any text.

Every variant of every term goes into one Aho-Corasick automaton that runs over each
projection of the text (:mod:`nkcase.redaction.normalize`: the folded, NFKC-normalised copy,
and for texts that need them a CamelCase-split copy and Hanja read as Hangul); candidate hits
are then checked for word boundaries (Latin, Cyrillic), allowed particles (Hangul) and, for
given names, the person's surname next to them. Spans are offsets into the original text.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

import ahocorasick

from nkcase.redaction import data, hangul
from nkcase.redaction.identifiers import digits_of_phone
from nkcase.redaction.normalize import Projection, alternatives, folded
from nkcase.redaction.variants import VariantSpec

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Term:
    """One identifying item of a case (the registered text is a secret: not in repr)."""

    text: str = field(repr=False)
    category: str
    token: str
    owner: str


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: int  # index into Registry.terms


@dataclass(frozen=True)
class _Entry:
    length: int
    term: int
    spec: VariantSpec
    first_hangul: bool
    last_hangul: bool
    last_alnum: bool
    first_alnum: bool
    last_cyrillic: bool = False


def _is_latin_word(c: str) -> bool:
    """A letter or digit of an alphabetic word (Latin or Cyrillic): a term must not end in one."""
    return (c.isascii() and c.isalnum()) or ("\u00c0" <= c <= "\u024f") or "\u0400" <= c <= "\u04ff"


@cache
def _other_surnames() -> frozenset[str]:
    stop = set(data.context_words()["stop_en"])
    return frozenset(s for s in data.surnames().all_latin if s not in stop and len(s) > 1)


_PHONE_CANDIDATE = re.compile(r"\+?\(?\d[\d \t().\-]{5,22}\d")
_CYRILLIC_ENDING = re.compile(
    "(?:ами|ого|ому|ыми|ои|ом|ем|ым|им|ов|ах|ам|а|у|е|ы|ю|я|и)(?![\u0400-\u04ff])"
)
_WORD_BACK = re.compile(r"([a-z']+)(?:, |[ \-])$")
_WORD_FWD = re.compile(r"(?:[ \-])([a-z]+)")


class Registry:
    """Terms and their variants for one case; ``find`` returns non-overlapping matches."""

    def __init__(self) -> None:
        self.terms: list[Term] = []
        self._entries: dict[str, _Entry] = {}
        self._phones: list[tuple[str, int]] = []
        self._attach: dict[int, frozenset[str]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    # -- building ---------------------------------------------------------------------------
    def add(self, text: str, category: str, token: str, owner: str,
            variants: dict[str, VariantSpec], attach: Iterable[str] = ()) -> int:  # fmt: skip
        """Register a term and its folded variants; an earlier term keeps a shared variant.

        ``attach``: folded words of the term that a match takes in when they stand right next
        to it ("[Mirim] squad" -> one span); they never match on their own.
        """
        idx = len(self.terms)
        self.terms.append(Term(text, category, token, owner))
        if attach:
            self._attach[idx] = frozenset(attach)
        for form, spec in variants.items():
            form = form.strip()
            if len(form) < 2 or form in self._entries:
                continue
            self._entries[form] = _Entry(
                length=len(form),
                term=idx,
                spec=spec,
                first_hangul=hangul.is_syllable(form[0]),
                last_hangul=hangul.is_syllable(form[-1]),
                first_alnum=form[0].isalnum(),
                last_alnum=form[-1].isalnum(),
                last_cyrillic="\u0400" <= form[-1] <= "\u04ff",
            )
        self._automaton = None
        return idx

    def add_phone(self, text: str, category: str, token: str, owner: str) -> int | None:
        nsn = digits_of_phone(text)
        if not nsn:
            return None
        idx = len(self.terms)
        self.terms.append(Term(text, category, token, owner))
        self._phones.append((nsn, idx))
        return idx

    @classmethod
    def merged(cls, registries: Iterable[Registry]) -> Registry:
        """One registry with the terms of several, term indexes shifted in order (the packet
        leak check scans a many-case packet in one pass instead of one pass per case)."""
        out = cls()
        for reg in registries:
            offset = len(out.terms)
            out.terms.extend(reg.terms)
            for form, entry in reg._entries.items():
                if form not in out._entries:
                    out._entries[form] = replace(entry, term=entry.term + offset)
            out._phones.extend((nsn, idx + offset) for nsn, idx in reg._phones)
            out._attach.update((idx + offset, words) for idx, words in reg._attach.items())
        return out

    @property
    def variant_count(self) -> int:
        return len(self._entries) + len(self._phones)

    def variants(self) -> Iterable[str]:
        """Every folded variant (for the benchmark baseline and tests; secret content)."""
        return self._entries.keys()

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for form in self._entries:
            automaton.add_word(form, form)
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        return automaton

    # -- matching ---------------------------------------------------------------------------
    def find(self, text: str) -> list[Match]:
        """Every registered term in ``text``, in any of its projections; non-overlapping."""
        if not text:
            return []
        found = self._find_in(folded(text), phones=True)
        alts = alternatives(text)
        if alts:
            for proj in alts:
                found += self._find_in(proj, phones=False)
            found = _non_overlapping(found)
        return [Match(s, e, t) for s, e, t in found]

    def _find_in(self, folded: Projection, phones: bool) -> list[tuple[int, int, int]]:
        """Matches in one projection, as (start, end, term) offsets into the original."""
        ft = folded.text
        candidates: list[tuple[int, int, int]] = []
        automaton = self._automaton or self._build()
        if len(automaton):
            entries = self._entries
            for end, form in automaton.iter(ft):
                entry = entries[form]
                start = end - entry.length + 1
                hit = self._check(ft, start, end + 1, entry)
                if hit and entry.spec.break_only and not _parted_by_breaks(folded, *hit):
                    continue
                if hit:
                    candidates.append((hit[0], hit[1], entry.term))
        if phones and self._phones:
            candidates += self._find_phones(ft)
        kept = _non_overlapping(candidates)
        if self._attach and kept:
            kept = _widen(ft, kept, self._attach)
        out = []
        for s, e, t in kept:
            os_, oe = folded.span(s, e)
            out.append((os_, oe, t))
        return out

    def _check(self, ft: str, start: int, stop: int, entry: _Entry) -> tuple[int, int] | None:
        n = len(ft)
        before = ft[start - 1] if start > 0 else " "
        if entry.first_hangul:
            if hangul.is_syllable(before):
                return None
        elif entry.first_alnum and (_is_latin_word(before) or before.isdigit()):
            return None
        if entry.last_hangul:
            if not entry.spec.loose_tail:
                j = stop
                while j < n and hangul.is_syllable(ft[j]):
                    j += 1
                if j > stop and not hangul.remainder_ok(ft[stop:j]):
                    return None
        elif entry.last_alnum and stop < n and (_is_latin_word(ft[stop]) or ft[stop].isdigit()):
            # A Russian case ending is part of the name (Ким Чен Ына); anything else is not.
            m = _CYRILLIC_ENDING.match(ft, stop) if entry.last_cyrillic else None
            if m is None:
                return None
            stop = m.end()
        if entry.spec.kind == "given":
            return self._attach_surname(ft, start, stop, entry.spec)
        return start, stop

    @staticmethod
    def _attach_surname(
        ft: str, start: int, stop: int, spec: VariantSpec
    ) -> tuple[int, int] | None:
        """Take the person's surname on either side; refuse another person's surname before."""
        attached = False
        m = _WORD_BACK.search(ft, max(0, start - 16), start)
        if m and (m.start() == 0 or not _is_latin_word(ft[m.start() - 1])):
            word = m.group(1)
            if word in spec.surnames:
                start, attached = m.start(), True
            elif word in _other_surnames():
                return None
        m = _WORD_FWD.match(ft, stop)
        if m and not attached:
            word = m.group(1)
            end = m.end()
            if word in spec.surnames and (end >= len(ft) or not _is_latin_word(ft[end])):
                stop, attached = end, True
        if spec.needs_surname and not attached:
            return None
        return start, stop

    def _find_phones(self, ft: str) -> list[tuple[int, int, int]]:
        out = []
        for m in _PHONE_CANDIDATE.finditer(ft):
            digits = re.sub(r"\D", "", m.group())
            for nsn, idx in self._phones:
                if nsn in digits:
                    out.append((m.start(), m.end(), idx))
                    break
        return out


_WHITE = re.compile(r"\s+")


def _parted_by_breaks(proj: Projection, start: int, end: int) -> bool:
    """True when no plain space (a run of white space without a line break) stands inside the
    match in the original text: 무\n산 and 무·산 are the place, 무 산 is two words."""
    os_, oe = proj.span(start, end)
    return all("\n" in m.group() or "\r" in m.group()
               for m in _WHITE.finditer(proj.original, os_, oe))  # fmt: skip


def _non_overlapping(cands: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Longest first, then leftmost; returns the kept spans sorted by start."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    starts: list[int] = []
    kept: list[tuple[int, int, int]] = []
    for c in cands:
        i = bisect.bisect_left(starts, c[0])
        if i > 0 and kept[i - 1][1] > c[0]:
            continue
        if i < len(kept) and kept[i][0] < c[1]:
            continue
        starts.insert(i, c[0])
        kept.insert(i, c)
    return kept


# Words a match may cross to reach another match of its own term ("Team 3 of Kumbit").
_CONNECTORS = frozenset({"of", "the", "in", "at", "on", "during", "a"})
_NEXT_WORD = re.compile(r"[ \-]([^\s,;:!?()\"]+)")
_MAX_CONNECTORS = 2


def _attached(word: str, words: frozenset[str]) -> int:
    """Length of ``word`` that belongs to the term (a Hangul word may carry a particle)."""
    core = word.rstrip(".'")
    if core in words:
        return len(core)
    if core and hangul.is_syllable(core[-1]):
        for k in range(len(core) - 1, 0, -1):
            if core[:k] in words and hangul.remainder_ok(core[k:]):
                return k
    return 0


def _widen(
    ft: str, spans: list[tuple[int, int, int]], attach: dict[int, frozenset[str]]
) -> list[tuple[int, int, int]]:
    """Widen each match over neighbouring words of its own term and join it with the next match
    of the same term when only such words or connectors stand between them."""
    out: list[tuple[int, int, int]] = []
    i, n = 0, len(spans)
    while i < n:
        s, e, t = spans[i]
        words = attach.get(t)
        if words is None:
            out.append(spans[i])
            i += 1
            continue
        s = _widen_back(ft, s, words, out[-1][1] if out else 0)
        pos, connectors = e, 0
        while True:
            m = _NEXT_WORD.match(ft, pos)
            if not m:
                break
            ws, we = m.start(1), m.end(1)
            nxt = spans[i + 1] if i + 1 < n else None
            if nxt is not None and ws == nxt[0] and nxt[2] == t:
                e = pos = nxt[1]
                connectors = 0
                i += 1
                continue
            if nxt is not None and we > nxt[0]:
                break
            # Across a connector only another match of the term is joined, never a bare word.
            k = 0 if connectors else _attached(m.group(1), words)
            if k:
                e = pos = ws + k
                connectors = 0
                if k < we - ws and ft[ws + k] not in ".'":
                    break
                continue
            if m.group(1) in _CONNECTORS and connectors < _MAX_CONNECTORS:
                pos, connectors = we, connectors + 1
                continue
            break
        out.append((s, e, t))
        i += 1
    return out


def _widen_back(ft: str, s: int, words: frozenset[str], floor: int) -> int:
    """Take in the term's own words right before a match ("Mirim [Construction Squad 14]")."""
    while s - 1 > floor and ft[s - 1] in " -":
        k = s - 1
        while k > floor and ft[k - 1] not in ' -,;:!?()"':
            k -= 1
        word = ft[k : s - 1]
        if not word or (k > floor and ft[k - 1] not in " -") or _attached(word, words) < len(word):
            break
        s = k
    return s
