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


# Hangul -> Cyrillic: the Kontsevich system (Russian practical transcription of Korean) and the
# older spellings Russian documents and Koryo-saram names still use (Ким Чен Ын, Цой, Тен).
# Each position lists its spellings, the Kontsevich one first.
_CY_INITIAL: list[tuple[str, ...]] = [
    ("к",), ("кк",), ("н",), ("т",), ("тт",), ("р", "л"), ("м",), ("п",), ("пп",),
    ("с",), ("сс",), ("",), ("ч", "чж", "дж"), ("чч",), ("чх", "ч"), ("кх", "к"),
    ("тх", "т"), ("пх", "п"), ("х",),
]  # fmt: skip
# Between vowels (or after a sonorant) inside a word ㄱ ㄷ ㅂ ㅈ are voiced.
_CY_VOICED: dict[int, tuple[str, ...]] = {0: ("г", "к"), 3: ("д", "т"), 7: ("б", "п"),
                                          12: ("чж", "дж", "ч")}  # fmt: skip
_CY_VOWEL: list[tuple[str, ...]] = [
    ("а",), ("э", "е"), ("я",), ("йя", "е"), ("о", "е"), ("е", "э"), ("ё", "е"), ("е", "йе"),
    ("о",), ("ва",), ("вэ", "ве"), ("вэ", "ве", "ой"), ("ё", "е"), ("у",), ("во",), ("ве",),
    ("ви",), ("ю",), ("ы",), ("ый", "и"), ("и",),
]  # fmt: skip
_CY_FINAL_BY_RR = {"": ("",), "k": ("к",), "n": ("н",), "t": ("т",), "l": ("ль", "р"),
                   "m": ("м",), "p": ("п",), "ng": ("н",)}  # fmt: skip
# Surnames whose Russian spellings are not (only) what the system gives.
_CY_SURNAMES: dict[str, tuple[str, ...]] = {
    "최": ("чхве", "цой", "чой"), "이": ("ли", "ри", "и"), "리": ("ри", "ли", "и"),
    "정": ("чон", "тен", "чен", "чжон"), "조": ("чо", "тё", "чжо"), "장": ("чан", "тян", "чжан"),
    "주": ("чу", "тю"), "전": ("чон", "тен"), "류": ("рю", "лю", "ю"), "유": ("ю", "рю", "лю"),
    "임": ("им", "лим", "рим"), "림": ("рим", "лим", "им"), "노": ("но", "ро"),
    "로": ("ро", "но"), "신": ("син", "шин"), "허": ("хо", "хе"), "현": ("хён", "хен"),
    "채": ("чхэ", "чхе", "цай"), "천": ("чхон", "чон"), "양": ("ян",), "량": ("рян", "лян", "ян"),
}  # fmt: skip


def _cy_syllable(c: str, first: bool, after_sonorant: bool) -> list[str]:
    ini, vow, fin = parts(c)
    if first or not after_sonorant:
        initials = _CY_INITIAL[ini]
    else:
        initials = _CY_VOICED.get(ini, _CY_INITIAL[ini])
    if ini == 9 and vow in _Y_VOWELS:  # 신 -> син, шин
        initials = ("с", "ш")
    if ini == _IEUNG and vow in (1, 5):  # 애, 에 at a syllable start: э
        vowels: tuple[str, ...] = ("э", "е")
    else:
        vowels = _CY_VOWEL[vow]
    finals = _CY_FINAL_BY_RR[_RR_FINALS[fin]]
    return [i + v + f for i in initials for v in vowels for f in finals]


def cyrillic_syllables(word: str) -> list[list[str]]:
    """Per syllable of a Hangul word, its Cyrillic spellings (Kontsevich first)."""
    out: list[list[str]] = []
    prev_fin = 0
    for k, c in enumerate(word):
        if not is_syllable(c):
            return []
        # Voicing inside a word after a vowel or a sonorant final (ㄴ ㄹ ㅁ ㅇ).
        sonorant = prev_fin in (0, 4, 8, 16, 21)
        out.append(_cy_syllable(c, k == 0, sonorant))
        prev_fin = parts(c)[2]
    return out


def cyrillic(word: str, joiners: tuple[str, ...] = ("",), cap: int = 48) -> set[str]:
    """Cyrillic spellings (lower case) of a Hangul word, its syllables joined by each joiner;
    a separately written syllable keeps its word-initial spelling (Ким Чен Ын)."""
    out: set[str] = set()
    if not word or not all(is_syllable(c) for c in word):
        return out
    for joiner in joiners:
        if joiner:  # each syllable written apart: no voicing between them
            per = [
                _cy_syllable(c, True, False) if k else cyrillic_syllables(c)[0]
                for k, c in enumerate(word)
            ]
        else:
            per = cyrillic_syllables(word)
        for combo in itertools.islice(itertools.product(*per), cap):
            out.add(_fold_cyrillic(joiner.join(combo)))
    return out


def _fold_cyrillic(s: str) -> str:
    """As the matcher folds text (ё -> е, й -> и)."""
    return s.replace("ё", "е").replace("й", "и")


def cyrillic_surnames(sur: str) -> set[str]:
    """Russian spellings of a Hangul surname (Цой for 최, Ли and Ри for 리/이 ...)."""
    out = set(_CY_SURNAMES.get(sur, ()))
    alt = initial_law(sur[0]) if sur else None
    if alt and len(sur) == 1:
        out |= set(_CY_SURNAMES.get(alt, ()))
    return {_fold_cyrillic(s) for s in out} | cyrillic(sur, cap=6)
