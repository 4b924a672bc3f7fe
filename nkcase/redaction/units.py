"""Shortened, renumbered and reordered forms of work units, places, employers and events.

A sensitive term such as "No. 13 Logging Station" / "13호 벌목소" is rarely written in full:
people say "the No. 13 station", "Number 13", "13호"; "Changgol barracks" becomes "Changgol
dormitory"; "the January 2024 dormitory protest" becomes "the protest in January 2024". The
rules here are general (no term is special-cased):

- Numbered units: the term's number next to one of the term's unit nouns ("Team 26", "the 8th
  brigade", "26작업반", "9려단"), never a bare number; "No. 13" / "Number 13" alone only when
  the term itself writes "No." and the number has two digits or more.
- Distinctive proper nouns: a capitalised word of a multi-word term that is not common English,
  not a province, country, surname or deployment place ("Changgol", "Ryongak") is a term on its
  own, in every romanization and in the Hangul the case itself writes for it (룡악, 용악).
- Head-noun substitution for lodgings (barracks/dormitory/hostel/camp; 합숙소/숙소/기숙사).
- Events: the head phrase with a preposition before the anchor ("the protest in January 2024",
  "the fire in Block C"); designations ("Block C", "Kilometre 47" -> "km 47", "C동") alone;
  Korean events shortened to anchor + head ("47킬로 사고", "2024년 1월 항의").

``unit_variants`` also returns the term's *attachable* words: the registry widens a match over
neighbouring words of the same term ("[Mirim] squad" -> one span), so shortened forms read as one
token without generating every subsequence.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from nkcase.config import resource_path
from nkcase.domain.vocab import countries, provinces
from nkcase.redaction import data, hangul
from nkcase.redaction.fold import fold_simple
from nkcase.redaction.romanization import parse_word, phonetic_key
from nkcase.redaction.variants import (
    VariantSpec,
    hangul_candidates,
    is_province,
    latin_word_forms,
)

_PLAIN = VariantSpec("plain")
_YEAR = re.compile(r"(1[89]|20|21)\d\d")
_NUMBER = re.compile(r"#?(\d{1,4})(st|nd|rd|th)?")
# An optional name, 제, a number or letter, a unit noun: 대성38건설대, 제26임업작업반, c동.
_HANGUL_DESIGNATION = re.compile(r"[\uac00-\ud7a3]*?(제)?(\d{1,4}|[a-z])([\uac00-\ud7a3]+)")


@dataclass(frozen=True)
class _Words:
    units_en: frozenset[str]
    markers_en: frozenset[str]
    preps_en: frozenset[str]
    articles_en: frozenset[str]
    equivalents_en: tuple[frozenset[str], ...]
    number_words: tuple[str, ...]
    ordinal_words: tuple[str, ...]
    unit_suffixes_ko: tuple[str, ...]
    equivalents_ko: tuple[frozenset[str], ...]
    generic_ko: tuple[str, ...]
    public_places: frozenset[str]

    def equivalents(self, word: str) -> frozenset[str]:
        for group in self.equivalents_en + self.equivalents_ko:
            if word in group:
                return group
        return frozenset({word})


@cache
def _words() -> _Words:
    with resource_path("redaction", "units.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    return _Words(
        units_en=frozenset(raw["unit_nouns_en"]),
        markers_en=frozenset(raw["number_markers_en"]),
        preps_en=frozenset(raw["prepositions_en"]),
        articles_en=frozenset(raw["articles_en"]),
        equivalents_en=tuple(frozenset(g) for g in raw["equivalents_en"]),
        number_words=tuple(raw["number_words_en"]),
        ordinal_words=tuple(raw["ordinal_words_en"]),
        unit_suffixes_ko=tuple(sorted(raw["unit_suffixes_ko"], key=len, reverse=True)),
        equivalents_ko=tuple(frozenset(g) for g in raw["equivalents_ko"]),
        generic_ko=tuple(sorted(raw["generic_ko"], key=len, reverse=True)),
        public_places=frozenset(fold_simple(x) for x in raw["public_places_en"]),
    )


@cache
def english_words() -> frozenset[str]:
    """Common English words (resources/redaction/english_words.json)."""
    with resource_path("redaction", "english_words.json").open(encoding="utf-8") as fh:
        return frozenset(json.load(fh)["words"])


@cache
def _never_distinctive() -> frozenset[str]:
    out: set[str] = set(data.surnames().all_latin) | _words().public_places
    for row in provinces():
        for name in (row["en"], *row.get("aliases", [])):
            out.update(fold_simple(name).split())
    for name in data.public_figures():
        out.update(name.replace("-", " ").split())
    for term in countries().values():
        out.update(fold_simple(str(getattr(term, "en", "") or "")).replace("(", " ").split())
    return frozenset(out)


def public_words(case: Mapping[str, Any]) -> frozenset[str]:
    """Folded words of the case's deployments (country, region, site, employer): published in
    the packet's structured part, so never a distinctive word of a sensitive term."""
    out: set[str] = set()
    for dep in case.get("deployments") or []:
        for key in ("country", "region", "site", "employer", "dispatching_entity"):
            value = dep.get(key)
            if isinstance(value, str):
                out.update(re.findall(r"[\w'-]+", fold_simple(value)))
    return frozenset(out)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _number_forms(n: int) -> tuple[set[str], set[str]]:
    """(forms after a unit noun: "Team 26", "team no. 26"; forms before: "26th", "No. 26")."""
    w = _words()
    marked = {f"no. {n}", f"no.{n}", f"number {n}", f"#{n}", f"nr. {n}"}
    after = {str(n)} | marked
    before = {_ordinal(n)} | marked
    if n < len(w.number_words):
        after.add(w.number_words[n])
        before.add(w.ordinal_words[n])
    return after, before


@dataclass
class _Token:
    orig: str
    folded: str
    number: int | None = None  # digits or ordinal
    letter: str | None = None  # a single capital letter (Block C)


def _tokens(text: str) -> list[_Token]:
    out = []
    for raw in re.findall(r"[^\s,;/()]+", text):
        folded = fold_simple(raw)
        if folded not in _words().markers_en:
            folded = folded.rstrip(".:")
        if not folded:
            continue
        tok = _Token(raw, folded)
        m = _NUMBER.fullmatch(folded)
        if m and not _YEAR.fullmatch(m.group(1)):
            tok.number = int(m.group(1))
        elif len(raw) == 1 and raw.isupper():
            tok.letter = folded
        out.append(tok)
    return out


def distinctive_words(text: str, public: frozenset[str] = frozenset()) -> list[str]:
    """Capitalised words of a multi-word term that name something on their own."""
    toks = _tokens(text)
    if len(toks) < 2:
        return []
    w = _words()
    out = []
    for t in toks:
        base = t.folded.removesuffix("'s")
        if not (t.orig[:1].isupper() and len(base) >= 4 and re.fullmatch(r"[a-z'-]+", base)):
            continue
        parts = [p for p in base.split("-") if p]
        if (
            base in english_words()
            or any(p in english_words() or p in public for p in parts)
            or base in public
            or base in w.units_en
            or base in _never_distinctive()
            or is_province(t.orig)
        ):
            continue
        out.append(t.orig.removesuffix("'s").removesuffix("’s"))
    return out


def _hangul_for(word: str, text_ko: str | None) -> set[str]:
    """The Hangul of a romanized word: as the case writes it in ``text_ko`` (a word-initial
    piece with the same phonetic key: Ryongak -> 룡악 in 룡악해외건설), else derived."""
    keys = {phonetic_key(r) for r in parse_word(fold_simple(word))}
    if not keys:
        return set()
    if not text_ko:
        return hangul_candidates(fold_simple(word), cap=24)
    out: set[str] = set()
    for part in text_ko.split():
        run = hangul.HANGUL_RUN.match(part)
        if not run:
            continue
        for n in range(2, min(4, len(run.group())) + 1):
            piece = run.group()[:n]
            rr = "".join(hangul.romanize(piece))
            if any(phonetic_key(r) in keys for r in parse_word(rr)):
                out.add(piece)
    return out


def unit_variants(
    text: str | None,
    text_ko: str | None,
    category: str,
    public: frozenset[str] = frozenset(),
) -> tuple[dict[str, VariantSpec], frozenset[str]]:
    """Extra folded variants of a sensitive term and the words a match may take in."""
    out: dict[str, VariantSpec] = {}
    attach: set[str] = set()
    if text and not hangul.is_hangul_text(text):
        _latin(out, attach, text, text_ko, category, public)
    if text_ko and hangul.is_hangul_text(text_ko):
        _korean(out, attach, text_ko, has_latin=bool(text), category=category)
    return out, frozenset(a for a in attach if len(a) >= 2)


def _latin(
    out: dict[str, VariantSpec],
    attach: set[str],
    text: str,
    text_ko: str | None,
    category: str,
    public: frozenset[str],
) -> None:
    w = _words()
    toks = _tokens(text)
    for word in distinctive_words(text, public):
        for form in latin_word_forms(word):
            out.setdefault(form, _PLAIN)
        for ko in _hangul_for(word, text_ko):
            for v in hangul.word_initial_variants(ko):
                out.setdefault(v, _PLAIN)
    for t in toks:
        if t.folded not in w.articles_en | w.preps_en and t.number is None:
            attach |= w.equivalents(t.folded)
        if t.number is not None:
            attach.add(t.folded)
    _designations(out, toks)
    last = toks[-1].folded if toks else ""
    if len(toks) >= 2 and last in w.equivalents("barracks"):
        head = " ".join(t.folded for t in toks[:-1] if t.folded not in w.articles_en)
        for alt in w.equivalents(last):
            out.setdefault(f"{head} {alt}", _PLAIN)
    if category == "event":
        _event_reorders(out, toks)


def _designations(out: dict[str, VariantSpec], toks: list[_Token]) -> None:
    """The term's number (or letter) with its unit nouns: never the number alone."""
    w = _words()
    for i, t in enumerate(toks):
        if t.letter is not None:
            # "Block C": a letter only counts right after its unit noun, as written.
            if i > 0 and toks[i - 1].folded in w.units_en:
                for u in w.equivalents(toks[i - 1].folded):
                    out.setdefault(f"{u} {t.letter}", _PLAIN)
            continue
        if t.number is None:
            continue
        after, before = _number_forms(t.number)
        unit_pos = [j for j, u in enumerate(toks) if u.folded in w.units_en]
        for j in unit_pos:
            for u in w.equivalents(toks[j].folded):
                if u in w.markers_en:
                    continue
                for n in after:
                    out.setdefault(f"{u} {n}", _PLAIN)
                for n in before | ({str(t.number)} if i < j else set()):
                    out.setdefault(f"{n} {u}", _PLAIN)
        marked = i > 0 and toks[i - 1].folded in w.markers_en
        if marked and t.number >= 10:
            for form in (f"no. {t.number}", f"no.{t.number}", f"number {t.number}",
                         f"#{t.number}", f"nr. {t.number}"):  # fmt: skip
                out.setdefault(form, _PLAIN)


def _event_reorders(out: dict[str, VariantSpec], toks: list[_Token]) -> None:
    """ "the January 2024 dormitory protest" -> "the protest in January 2024", ..."""
    w = _words()
    body = [t for t in toks if t.folded not in w.articles_en]
    anchor: list[_Token] = []
    start = -1
    for i, t in enumerate(body):
        named = t.orig[:1].isupper() or t.orig[:1].isdigit()
        if named and (not anchor or start + len(anchor) == i):
            if not anchor:
                start = i
            anchor.append(t)
        elif anchor:
            break
    rest = [t.folded for t in body if t not in anchor and t.folded not in w.preps_en]
    if not anchor or not rest:
        return
    anchors = {" ".join(t.folded for t in anchor)}
    if len(anchor) == 2 and anchor[0].folded in w.units_en:
        anchors |= {f"{u} {anchor[1].folded}" for u in w.equivalents(anchor[0].folded)}
    head = rest[-1]
    heads: set[str] = set()
    for n in range(len(rest)):
        for combo in itertools.combinations(rest[:-1], n):
            heads.add(" ".join((*combo, head)))
    for h in heads:
        for a in anchors:
            out.setdefault(f"{a} {h}", _PLAIN)
            for p in w.preps_en:
                out.setdefault(f"{h} {p} {a}", _PLAIN)
                out.setdefault(f"{h} {p} the {a}", _PLAIN)


def _korean(
    out: dict[str, VariantSpec], attach: set[str], text_ko: str, *, has_latin: bool, category: str
) -> None:
    w = _words()
    words = [x for x in text_ko.split() if not is_province(x)]
    anchors: set[int] = set()
    for i, word in enumerate(words):
        m = _HANGUL_DESIGNATION.fullmatch(fold_simple(word))
        if m:
            anchors.add(i)
            n, tail = m.group(2), m.group(3)
            forms: set[str] = set()
            for suf in w.unit_suffixes_ko:
                # "2024년", "1월" are anchors of a description, never terms on their own.
                if tail.endswith(suf) and not _YEAR.fullmatch(n):
                    forms.add(n + tail)
                    if len(suf) >= 2 or suf == tail:
                        forms.add(n + suf)
                    attach.add(suf)
                    break
            for f in forms:
                for v in hangul.rieul_variants(f, limit=2):
                    out.setdefault(v, _PLAIN)
        else:
            attach.add(word)
            for suf in w.unit_suffixes_ko + w.generic_ko:
                if word.endswith(suf) and len(suf) >= 2:
                    attach.add(suf)
        if not has_latin and not m:
            _hangul_stem(out, word)
        for group in w.equivalents_ko:
            for noun in sorted(group, key=len, reverse=True):
                if word.endswith(noun) and len(words) >= 2:
                    stem = word[: -len(noun)]
                    for alt in group:
                        attach.add(alt)
                        new = [*words[:i], stem + alt, *words[i + 1 :]]
                        out.setdefault(fold_simple(" ".join(new)), _PLAIN)
                        out.setdefault(fold_simple("".join(new)), _PLAIN)
                    break
    if len(words) >= 3 and anchors:
        # Shortened descriptions keep an anchor (a number or letter) and the head noun.
        head = len(words) - 1
        for n in range(1, len(words) - 1):
            for combo in itertools.combinations(range(head), n):
                if anchors & set(combo):
                    form = " ".join(words[k] for k in (*combo, head))
                    out.setdefault(fold_simple(form), _PLAIN)


def _hangul_stem(out: dict[str, VariantSpec], word: str) -> None:
    """A Hangul-only unit name: the proper name before a generic morpheme (룡강건설 -> 룡강)."""
    run = hangul.HANGUL_RUN.match(word)
    if not run:
        return
    base = run.group()
    for suf in _words().generic_ko:
        if base.endswith(suf) and len(base) - len(suf) >= 2:
            stem = base[: -len(suf)]
            if stem not in data.context_words()["common_ko"]:
                for v in hangul.word_initial_variants(stem):
                    out.setdefault(v, _PLAIN)
            return
