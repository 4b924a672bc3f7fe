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
