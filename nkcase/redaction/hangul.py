"""Hangul helpers: syllable parts, the South's initial-sound law, a plain romanization."""

from __future__ import annotations

import itertools
import re
from functools import cache

from nkcase.redaction import data

_BASE = 0xAC00
_LAST = 0xD7A3

# Initial consonant indices.
_NIEUN, _RIEUL, _IEUNG = 2, 5, 11
# Medial vowels after which ㄹ/ㄴ become silent (ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ) under the initial-sound law.
_Y_VOWELS = {2, 6, 7, 12, 17, 20}

_RR_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
                "k", "t", "p", "h"]  # fmt: skip
_RR_VOWELS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
              "wo", "we", "wi", "yu", "eu", "ui", "i"]  # fmt: skip
_RR_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
              "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]  # fmt: skip

HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")


def is_syllable(c: str) -> bool:
    return _BASE <= ord(c) <= _LAST


def is_hangul_text(s: str) -> bool:
    return any(is_syllable(c) for c in s)


def parts(c: str) -> tuple[int, int, int]:
    n = ord(c) - _BASE
    return n // 588, (n % 588) // 28, n % 28


def compose(ini: int, vow: int, fin: int) -> str:
    return chr(_BASE + ini * 588 + vow * 28 + fin)


def initial_law(c: str) -> str | None:
    """The South Korean word-initial spelling of a syllable (리->이, 로->노, 녀->여), or None."""
    if not is_syllable(c):
        return None
    ini, vow, fin = parts(c)
    if ini == _RIEUL:
        return compose(_IEUNG if vow in _Y_VOWELS else _NIEUN, vow, fin)
    if ini == _NIEUN and vow in _Y_VOWELS:
        return compose(_IEUNG, vow, fin)
    return None


def word_initial_variants(word: str) -> set[str]:
    """``word`` with its first syllable written both ways (North 리순희 / South 이순희)."""
    out = {word}
    if word:
        alt = initial_law(word[0])
        if alt:
            out.add(alt + word[1:])
    return out


def rieul_variants(word: str, limit: int = 3) -> set[str]:
    """Every ㄹ/ㄴ-initial syllable written both ways (제8건설려단 / 제8건설여단), capped."""
    choices: list[tuple[str, ...]] = []
    changed = 0
    for c in word:
        alt = initial_law(c)
        if alt and changed < limit:
            choices.append((c, alt))
            changed += 1
        else:
            choices.append((c,))
    return {"".join(p) for p in itertools.product(*choices)}


def romanize(word: str) -> list[str]:
    """Revised Romanization, syllable by syllable (no sound-change rules); None for non-Hangul."""
    out = []
    for c in word:
        if is_syllable(c):
            i, v, f = parts(c)
            out.append(_RR_INITIALS[i] + _RR_VOWELS[v] + _RR_FINALS[f])
    return out


def split_name(name_ko: str) -> tuple[str, str]:
    """(surname, given name) of a Hangul name; two-syllable surnames come from the table."""
    name = name_ko.replace(" ", "")
    table = data.surnames().all_hangul
    if len(name) >= 4 and name[:2] in table:
        return name[:2], name[2:]
    if len(name) >= 2 and name[:1] in table:
        return name[:1], name[1:]
    if len(name) == 3:
        return name[:1], name[1:]
    return "", name


@cache
def ending_regex() -> re.Pattern[str]:
    """Matches a Hangul remainder made of allowed endings (particles, suffixes), or nothing."""
    endings = sorted(set(data.hangul_endings()), key=len, reverse=True)
    alt = "|".join(re.escape(e) for e in endings)
    return re.compile(f"(?:{alt}){{0,4}}")


def remainder_ok(rest: str) -> bool:
    """True when the Hangul characters after a term are only particles/suffixes."""
    if not rest:
        return True
    return ending_regex().fullmatch(rest) is not None


# Romanized letters -> the Hangul jamo they may stand for (RR, McCune-Reischauer, popular).
_INI_JAMO: dict[str, tuple[int, ...]] = {
    "": (11,), "g": (0,), "k": (0, 15), "k'": (15,), "kh": (15,), "gg": (1,), "kk": (1,),
    "n": (2,), "d": (3,), "t": (3, 16), "t'": (16,), "th": (16,), "tt": (4,), "dd": (4,),
    "r": (5,), "l": (5,), "m": (6,), "b": (7,), "p": (7, 17), "p'": (17,), "ph": (17,),
    "pp": (8,), "bb": (8,), "s": (9,), "ss": (10,), "sh": (9,), "j": (12,), "ch": (12, 14),
    "ch'": (14,), "tch": (13,), "jj": (13,), "dj": (12,), "h": (18,),
}  # fmt: skip
_VOW_JAMO: dict[str, tuple[int, ...]] = {
    "a": (0,), "ae": (1,), "e": (5, 1), "ya": (2,), "yae": (3,), "ye": (7,), "eo": (4,),
    "o": (8, 4), "u": (13, 18, 4), "oo": (13,), "eu": (18,), "yo": (12, 6), "yeo": (6,),
    "yu": (17, 6), "yoo": (17,), "you": (6,), "wa": (9,), "oe": (11,), "wae": (10,),
    "we": (15, 11), "wo": (14,), "weo": (14,), "wi": (16,), "i": (20,), "ee": (20,),
    "ui": (19,), "eui": (19,), "yi": (19, 20),
}  # fmt: skip
_FIN_JAMO: dict[str, int] = {"": 0, "k": 1, "n": 4, "ng": 21, "l": 8, "m": 16, "p": 17, "t": 19}


def from_romanized(surfaces: tuple[tuple[str, str, str], ...], cap: int = 48) -> set[str]:
    """Hangul spellings a romanized word may stand for (Chongjin -> 청진, 정진, 종진, 총진)."""
    per_syllable: list[list[str]] = []
    for k, (ini, vow, fin) in enumerate(surfaces):
        if ini not in _INI_JAMO or vow not in _VOW_JAMO or fin not in _FIN_JAMO:
            return set()
        initials = list(_INI_JAMO[ini])
        options = []
        for v in _VOW_JAMO[vow]:
            for i in initials:
                options.append(compose(i, v, _FIN_JAMO[fin]))
        if k == 0:
            # Word-initial ㄹ/ㄴ and ㅇ are interchangeable across the border (리/이, 룡/용).
            options += [alt for o in options if (alt := initial_law(o))]
            if ini == "":
                options += [compose(_RIEUL, v, _FIN_JAMO[fin]) for v in _VOW_JAMO[vow]
                            if v in _Y_VOWELS]  # fmt: skip
        per_syllable.append(list(dict.fromkeys(options)))
    out: set[str] = set()
    for combo in itertools.islice(itertools.product(*per_syllable), cap):
        out.add("".join(combo))
    return out
