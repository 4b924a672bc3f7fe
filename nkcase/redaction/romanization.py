"""Spelling variants of romanized Korean: syllable parsing into phonetic classes and regeneration.

A romanized syllable is read as (initial, vowel, final) *classes* that merge the letters the
systems disagree on (RR ``eo``, McCune-Reischauer ``ŏ``, popular ``u``; ``g``/``k``/``k'``;
``j``/``ch``). The class triple is the syllable's phonetic key; regenerating every surface
spelling of the key gives the variants (Myong Chol -> Myeong-cheol, Myung-chul, Myongch'ol...).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import cache

Syllable = tuple[str, str, str]  # (initial class, vowel class, final class)

_INITIALS: dict[str, str] = {
    "": "", "g": "K", "k": "K", "k'": "K", "kh": "K", "gg": "K", "kk": "K",
    "n": "N", "d": "T", "t": "T", "t'": "T", "th": "T", "tt": "T", "dd": "T",
    "r": "L", "l": "L", "m": "M", "b": "P", "p": "P", "p'": "P", "ph": "P", "pp": "P", "bb": "P",
    "s": "S", "ss": "S", "sh": "S", "j": "C", "ch": "C", "ch'": "C", "tch": "C", "jj": "C",
    "dj": "C", "h": "H",
}  # fmt: skip
_INITIAL_FORMS: dict[str, tuple[str, ...]] = {
    "": ("",), "K": ("g", "k", "k'"), "N": ("n",), "T": ("d", "t", "t'"), "L": ("r", "l"),
    "M": ("m",), "P": ("b", "p", "p'"), "S": ("s", "sh"), "C": ("j", "ch", "ch'"), "H": ("h",),
}  # fmt: skip
_VOWELS: dict[str, str] = {
    "a": "A", "ae": "E", "e": "E", "ya": "YA", "yae": "YE", "ye": "YE",
    "o": "O", "eo": "O", "u": "O", "oo": "O", "eu": "O",
    "yo": "YO", "yeo": "YO", "yu": "YO", "yoo": "YO", "you": "YO",
    "wa": "WA", "oe": "WE", "wae": "WE", "we": "WE", "wo": "WO", "weo": "WO",
    "wi": "WI", "i": "I", "ee": "I", "ui": "I", "eui": "I", "yi": "I",
}  # fmt: skip
_VOWEL_FORMS: dict[str, tuple[str, ...]] = {
    "A": ("a",), "E": ("ae", "e"), "YA": ("ya",), "YE": ("ye", "yae"),
    "O": ("o", "eo", "u", "oo", "eu"), "YO": ("yo", "yeo", "yu", "yoo", "you"),
    "WA": ("wa",), "WE": ("oe", "wae", "we"), "WO": ("wo", "weo"), "WI": ("wi",),
    "I": ("i", "ee", "ui", "eui"),
}  # fmt: skip
_FINALS: dict[str, str] = {"": "", "k": "K", "n": "N", "ng": "NG", "l": "L", "m": "M", "p": "P",
                           "t": "T"}  # fmt: skip
_FINAL_FORMS: dict[str, tuple[str, ...]] = {k: ((f,) if k else ("",)) for f, k in _FINALS.items()}
_Y_VOWELS = {"YA", "YE", "YO", "I"}

_MAX_SYLLABLES = 4
_MAX_PARSES = 4


def _prefixes(table: dict[str, str], s: str, i: int) -> Iterator[tuple[str, int]]:
    for surf in table:
        if s.startswith(surf, i):
            yield surf, i + len(surf)


@cache
def parse_surfaces(word: str) -> tuple[tuple[Syllable, ...], ...]:
    """Every fewest-syllable split of a folded romanized word into (initial, vowel, final)
    *letters* as written (``myongchol`` -> (m, yo, ng), (ch, o, l)), or ()."""
    if not word or len(word) > 24:
        return ()
    n = len(word)

    @cache
    def best(i: int) -> tuple[tuple[Syllable, ...], ...]:
        if i == n:
            return ((),)
        found: list[tuple[Syllable, ...]] = []
        for ini, j in _prefixes(_INITIALS, word, i):
            for vow, k in _prefixes(_VOWELS, word, j):
                for fin, m in _prefixes(_FINALS, word, k):
                    for rest in best(m):
                        if len(rest) < _MAX_SYLLABLES:
                            found.append(((ini, vow, fin), *rest))
        if not found:
            return ()
        shortest = min(len(p) for p in found)
        return tuple(dict.fromkeys(p for p in found if len(p) == shortest))

    parsed = best(0)
    if not parsed and "rh" in word:
        # McCune-Reischauer writes ㄹ+ㅎ as "rh" (Ch'ŏrho): read it as final l + initial h.
        return parse_surfaces(word.replace("rh", "lh"))
    return parsed


@cache
def parse_word(word: str) -> tuple[tuple[Syllable, ...], ...]:
    """Every fewest-syllable reading of a folded romanized word as phonetic classes, or ()."""
    out: dict[tuple[Syllable, ...], None] = {}
    for split in parse_surfaces(word):
        out[tuple((_INITIALS[i], _VOWELS[v], _FINALS[f]) for i, v, f in split)] = None
    return tuple(out)[:_MAX_PARSES]


def phonetic_key(syllables: Iterable[Syllable]) -> str:
    return ".".join("-".join(s) for s in syllables)


@cache
def syllable_forms(syl: Syllable, word_initial: bool = False) -> tuple[str, ...]:
    """Every surface spelling of one syllable class triple."""
    _ini, vow, fin = syl
    out = [
        i + v + f
        for i in syllable_initials(syl, word_initial)
        for v in _VOWEL_FORMS[vow]
        for f in _FINAL_FORMS[fin]
        if not (i.endswith("'") and v == "")
    ]
    return tuple(dict.fromkeys(out))


# Sound changes across a syllable boundary that spellings follow (final class, next initial
# class) -> (final letters, initial letters) as written: ㄹ+ㅎ 철호 Ch'ŏrho (McCune-Reischauer
# rh), ㄹ+ㄴ 설날 Seollal, ㄴ+ㄹ 신라 Silla / 순례 Sullye, ㄹ+ㅇ liaison 설악 Seorak / 철웅 Chorung.
_ASSIMILATION: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("L", "H"): (("r", "h"),),
    ("L", "N"): (("l", "l"),),
    ("N", "L"): (("l", "l"),),
    ("L", ""): (("", "r"),),
}
_ASSIMILATED_JOINERS = ("", "-")


@cache
def _forms_with(
    syl: Syllable, word_initial: bool, ini: str | None, fin: str | None
) -> tuple[str, ...]:
    """Spellings of a syllable with its initial and/or final letters given (assimilated)."""
    initials = (ini,) if ini is not None else syllable_initials(syl, word_initial)
    finals = (fin,) if fin is not None else _FINAL_FORMS[syl[2]]
    out = [i + v + f for i in initials for v in _VOWEL_FORMS[syl[1]] for f in finals]
    return tuple(dict.fromkeys(out))


def syllable_initials(syl: Syllable, word_initial: bool) -> tuple[str, ...]:
    ini, vow, _fin = syl
    initials = list(_INITIAL_FORMS[ini])
    if word_initial:
        # The initial-sound law: North 'Ryong', 'Ri', 'Ro' are South 'Yong', 'I', 'No'.
        if ini == "L":
            initials += [""] if vow in _Y_VOWELS else ["n"]
        elif ini == "N" and vow in _Y_VOWELS:
            initials.append("")
        elif ini == "" and vow in {"YA", "YE", "YO"}:
            initials.append("r")
    return tuple(initials)


def word_variants(
    syllables: tuple[Syllable, ...], joiners: tuple[str, ...], cap: int = 3000
) -> set[str]:
    """All spellings of a syllable sequence, joined by each joiner (one joiner per word),
    plus the assimilated spellings at each boundary where sound change applies (joined or
    hyphenated: Chol-ho -> Chorho, Cheorho, Chor-ho; 순례 -> Sullye)."""
    forms = [syllable_forms(s, word_initial=(k == 0)) for k, s in enumerate(syllables)]
    out: set[str] = set()
    for joiner in joiners:
        for combo in itertools.islice(itertools.product(*forms), cap):
            out.add(joiner.join(combo))
    for k in range(len(syllables) - 1):
        rules = _ASSIMILATION.get((syllables[k][2], syllables[k + 1][0]), ())
        for fin, ini in rules:
            changed = list(forms)
            changed[k] = _forms_with(syllables[k], k == 0, None, fin)
            changed[k + 1] = _forms_with(syllables[k + 1], False, ini, None)
            for joiner in joiners:
                if joiner not in _ASSIMILATED_JOINERS:
                    continue
                for combo in itertools.islice(itertools.product(*changed), cap):
                    out.add(joiner.join(combo))
    return out


def parse_name_part(text: str) -> tuple[Syllable, ...] | None:
    """Syllables of a given name written with spaces/hyphens/joined (``myong-chol``)."""
    chunks = [c for c in text.replace("-", " ").split() if c]
    out: list[Syllable] = []
    for chunk in chunks:
        parses = parse_word(chunk)
        if not parses:
            return None
        out.extend(parses[0])
    return tuple(out) if out else None


def all_readings(text: str) -> list[tuple[Syllable, ...]]:
    """Every reading of a folded multi-chunk romanized string (product over chunks)."""
    chunks = [c for c in text.replace("-", " ").split() if c]
    per_chunk = [parse_word(c) for c in chunks]
    if not chunks or any(not p for p in per_chunk):
        return []
    out: list[tuple[Syllable, ...]] = []
    for combo in itertools.islice(itertools.product(*per_chunk), 8):
        out.append(tuple(s for part in combo for s in part))
    return out
