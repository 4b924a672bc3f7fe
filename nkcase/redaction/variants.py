"""Variant generation for registry terms: persons, places, dates, references."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from nkcase.domain.vocab import provinces
from nkcase.redaction import data, hangul
from nkcase.redaction.fold import fold_simple
from nkcase.redaction.romanization import (
    Syllable,
    all_readings,
    parse_surfaces,
    parse_word,
    phonetic_key,
    word_variants,
)

GIVEN_JOINERS = (" ", "-", "")
PLACE_JOINERS = ("", "-")


@dataclass(frozen=True)
class VariantSpec:
    """How one folded variant string may match."""

    kind: str  # "given": may take the person's surname before/after it; "plain": as is
    surnames: frozenset[str] = frozenset()  # Latin surnames that belong to this person
    needs_surname: bool = False  # a one-syllable given name only counts next to the surname
    loose_tail: bool = False  # Hangul: any continuation allowed (long, specific terms)
    # Two syllables written apart (무 산, 순 옥) count only where a line break, a middle dot
    # or an invisible character parts them, never a plain space ("단 천 원" is "only 1,000
    # won", not 단천).
    break_only: bool = False


def _stop_en() -> frozenset[str]:
    return frozenset(data.context_words()["stop_en"])


def _split_latin_name(folded: str) -> tuple[str | None, str]:
    tokens = re.sub(r"[,.]", " ", folded).split()
    table = data.surnames().all_latin
    if len(tokens) >= 2 and tokens[0] in table:
        return tokens[0], " ".join(tokens[1:])
    if len(tokens) >= 2 and tokens[-1] in table:
        return tokens[-1], " ".join(tokens[:-1])
    return None, " ".join(tokens)


def _given_forms(readings: list[tuple[Syllable, ...]]) -> set[str]:
    out: set[str] = set()
    for r in readings:
        out |= word_variants(r, GIVEN_JOINERS)
    return out


def person_variants(
    name: str | None, name_ko: str | None, *, given_alone: bool = True
) -> dict[str, VariantSpec]:
    """Folded variants of a person's name in both scripts."""
    out: dict[str, VariantSpec] = {}
    stop = _stop_en()
    table = data.surnames()
    latin_surnames: set[str] = set()
    readings: list[tuple[Syllable, ...]] = []
    literal_given: set[str] = set()
    if name:
        folded = fold_simple(name).strip()
        sur, given = _split_latin_name(folded)
        if sur:
            latin_surnames |= table.latin_group(sur) | {sur}
        if given:
            readings += all_readings(given)
            literal_given |= {given, given.replace("-", " "), given.replace(" ", "-")}
        if not readings:
            # Not Korean-shaped (a Chinese or Russian name): the full name as written.
            for form in {folded, folded.replace("-", " ")}:
                out.setdefault(form, VariantSpec("plain"))
    sur_ko, given_ko = ("", "")
    if name_ko:
        sur_ko, given_ko = hangul.split_name(name_ko.strip())
        if sur_ko:
            _ko_group, la_group = table.group_of_hangul(sur_ko)
            latin_surnames |= la_group
            if not la_group:
                latin_surnames |= set(hangul.romanize(sur_ko))
        if given_ko and not readings:
            rr = "".join(hangul.romanize(given_ko))
            readings += all_readings(rr)
    surnames = frozenset(latin_surnames)
    forms = _given_forms(readings)
    n_syll = max((len(r) for r in readings), default=0)
    for form in forms | literal_given:
        if not form:
            continue
        single = n_syll <= 1
        registered = form in literal_given
        alone_ok = given_alone and (not single or (registered and form not in stop))
        alone_ok = alone_ok and len(form.replace(" ", "").replace("-", "")) >= 3
        out.setdefault(form, VariantSpec("given", surnames, needs_surname=not alone_ok))
    if name_ko:
        _hangul_person(out, sur_ko, given_ko, given_alone)
    elif name:
        _hangul_from_latin(out, fold_simple(name).strip(), given_alone)
    return out


def hangul_candidates(text: str, cap: int = 48) -> set[str]:
    """Hangul spellings of a folded romanized word or name part (spaces/hyphens allowed)."""
    chunks = [c for c in text.replace("-", " ").split() if c]
    splits = [parse_surfaces(c) for c in chunks]
    if not chunks or any(not sp for sp in splits):
        return set()
    out: set[str] = set()
    for combo in itertools.islice(itertools.product(*splits), 4):
        surfaces = tuple(s for part in combo for s in part)
        out |= hangul.from_romanized(surfaces, cap=cap)
    common = _common_ko()
    return {c for c in out if c not in common}


@cache
def _common_ko() -> frozenset[str]:
    return frozenset(data.context_words()["common_ko"])


def _hangul_from_latin(out: dict[str, VariantSpec], folded: str, given_alone: bool) -> None:
    """A name registered only in Latin letters: its likely Hangul spellings (김명철, 명철이)."""
    sur, given = _split_latin_name(folded)
    if not given:
        return
    givens = hangul_candidates(given)
    surs = set(data.surnames().hangul_for_latin(sur)) if sur else set()
    for s in surs:
        for g in givens:
            out.setdefault(s + g, VariantSpec("plain", loose_tail=len(s + g) >= 3))
    if given_alone:
        for g in givens:
            if len(g) >= 2:
                out.setdefault(g, VariantSpec("plain"))
    # Russian spellings from the derived Hangul readings (Cyrillic merges many of them:
    # ㅗ/ㅓ are both о, ㅈ/ㅊ both ч), capped.
    if sur and surs:
        for g in sorted(givens)[:16]:
            _cyrillic_person(out, sorted(surs)[0], g, given_alone)


def _cyrillic_person(out: dict[str, VariantSpec], sur: str, given: str, given_alone: bool) -> None:
    """Russian spellings of a Korean name (Ри Сун Ок, Ли Сунок, Цой ...), from its Hangul."""
    givens = hangul.cyrillic(given, (" ", "", "-"), cap=24) if given else set()
    for s in sorted(hangul.cyrillic_surnames(sur)) if sur else []:
        for g in sorted(givens):
            out.setdefault(f"{s} {g}", VariantSpec("plain"))
    if given_alone and len(given) >= 2:
        for g in sorted(givens):
            out.setdefault(g, VariantSpec("plain"))


def _hangul_person(out: dict[str, VariantSpec], sur: str, given: str, given_alone: bool) -> None:
    table = data.surnames()
    surs = {sur} if sur else set()
    if sur:
        surs |= set(table.group_of_hangul(sur)[0]) | hangul.word_initial_variants(sur)
    givens = set()
    for g in hangul.word_initial_variants(given) if given else set():
        givens |= hangul.rieul_variants(g, limit=2)
    inner = hangul.rieul_variants(given, limit=2) if given else {""}
    for s in surs:
        for g in inner:
            # Every spacing of the name (리순옥, 리 순옥, 리순 옥, 리 순 옥; a line break
            # inside it reads as a space).
            for full in sorted(_all_spacings(s + g, sur_len=len(s))):
                n = len(full.replace(" ", ""))
                out.setdefault(full, VariantSpec("plain", loose_tail=n >= 3))
    if given_alone and len(given) >= 2:
        for g in givens:
            for sp in sorted(_all_spacings(g)):
                out.setdefault(sp, VariantSpec("plain", break_only=len(g) == 2 and " " in sp))
    if not sur and given:
        out.setdefault(given, VariantSpec("plain", loose_tail=len(given) >= 3))
    if sur or len(given) >= 2:
        _cyrillic_person(out, sur, given, given_alone or not sur)


def _all_spacings(word: str, sur_len: int = 0, limit: int = 6) -> set[str]:
    """``word`` with a space or none between each of its syllables (up to ``limit`` syllables;
    longer words: as written and with one space after the surname)."""
    compact = word.replace(" ", "")
    if len(compact) > limit:
        out = {compact}
        if sur_len:
            out.add(compact[:sur_len] + " " + compact[sur_len:])
        return out
    forms = [""]
    for k, c in enumerate(compact):
        if k == 0:
            forms = [c]
        elif sur_len > 1 and k < sur_len:  # a two-syllable surname stays whole
            forms = [f + c for f in forms]
        else:
            forms = [f + sep + c for f in forms for sep in ("", " ")]
    return set(forms)


@cache
def _province_words() -> tuple[frozenset[str], frozenset[str]]:
    latin: set[str] = set()
    ko: set[str] = set()
    for row in provinces():
        latin.add(fold_simple(row["en"]))
        for a in row.get("aliases", []):
            latin.add(fold_simple(a))
        ko.add(row["ko"])
    for extra in ("north korea", "dprk", "korea"):
        latin.add(extra)
    ko |= {"북한", "조선"}
    return frozenset(latin), frozenset(ko)


def is_province(part: str) -> bool:
    latin, ko = _province_words()
    p = part.strip()
    return fold_simple(p) in latin or p in ko


@cache
def _english_words() -> frozenset[str]:
    words = data.context_words()
    return frozenset(
        [w.lower() for w in words["institution_en"]] + list(words["stop_en"])
        + ["north", "south", "east", "west", "new", "old", "upper", "lower", "no", "no."]
    )  # fmt: skip


def latin_word_forms(word_orig: str) -> list[str]:
    """The word as written first, then its Korean spelling variants if it reads as Korean."""
    w = fold_simple(word_orig)
    forms = {w}
    english = w in _english_words() or w.endswith(("ing", "tion", "ment", "ery", "ies"))
    if english or not (word_orig[:1].isupper() and len(w) >= 3):
        return [w]
    chunks = w.split("-")
    per_chunk: list[list[str]] = []
    for chunk in chunks:
        chunk_forms = {chunk}
        for r in parse_word(chunk):
            if len(r) >= 2 or len(chunk) >= 4 or len(chunks) > 1:
                chunk_forms |= word_variants(r, PLACE_JOINERS, cap=400)
        # In a fixed order (the chunk as written first): the product below is cut at 1000,
        # and a set's order changes with the process's hash seed.
        per_chunk.append([chunk, *sorted(chunk_forms - {chunk})])
    for joiner in ("-", "", " ") if len(chunks) > 1 else ("",):
        for combo in itertools.islice(itertools.product(*per_chunk), 1000):
            forms.add(joiner.join(combo))
    forms.discard(w)
    return [w, *sorted(forms)]


def _strip_latin_admin(folded: str) -> str:
    for suf in data.latin_admin_suffixes():
        if folded.endswith(suf) and len(folded) > len(suf) + 2:
            return folded[: -len(suf)].rstrip(" -")
    return folded


def _strip_ko_admin(word: str) -> str:
    for suf in data.hangul_admin_suffixes():
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            return word[: -len(suf)]
    return word


KnownHangul = dict[str, set[str]]


def hangul_key(word: str) -> str | None:
    """The phonetic key of a Hangul word (회령 and Hoeryong share one)."""
    readings = parse_word("".join(hangul.romanize(_strip_ko_admin(word))))
    return phonetic_key(readings[0]) if readings else None


def known_hangul(words: list[str]) -> KnownHangul:
    """Hangul place words of a case by phonetic key, to pick the right Hangul for a Latin name."""
    out: KnownHangul = {}
    for w in words:
        for part in w.split():
            if hangul.is_hangul_text(part) and not is_province(part):
                base = _strip_ko_admin(part)
                key = hangul_key(base)
                if key:
                    out.setdefault(key, set()).add(base)
    return out


def place_variants(
    text: str, *, romanize_hangul: bool = True, known: KnownHangul | None = None
) -> dict[str, VariantSpec]:
    """Folded variants of a place, unit or employer in English and Korean, province dropped."""
    out: dict[str, VariantSpec] = {}
    for part in re.split(r"[,;/]", text):
        part = part.strip()
        if not part or is_province(part):
            continue
        if hangul.is_hangul_text(part):
            _hangul_place(out, part, romanize_hangul)
        else:
            _latin_place(out, part, known or {})
    return out


def _latin_place(out: dict[str, VariantSpec], part: str, known: KnownHangul) -> None:
    words = part.split()
    for w in words:
        f = fold_simple(w)
        if len(words) > 2 or not w[:1].isupper() or f in _english_words() or len(f) < 4:
            continue
        readings = parse_word(f)
        if not readings or not 2 <= len(readings[0]) <= 4:
            continue
        hits = [known[k] for r in readings if (k := phonetic_key(r)) in known]
        candidates = set().union(*hits) if hits else hangul_candidates(f, cap=24)
        for c in candidates:
            out.setdefault(c, VariantSpec("plain"))
    per_word = [latin_word_forms(w) for w in words]
    for combo in itertools.islice(itertools.product(*per_word), 5000):
        form = " ".join(combo)
        out.setdefault(form, VariantSpec("plain"))
        base = _strip_latin_admin(form)
        if base != form and len(base) >= 4:
            out.setdefault(base, VariantSpec("plain"))
        if "-" in form:
            out.setdefault(form.replace("-", " "), VariantSpec("plain"))


def _hangul_place(out: dict[str, VariantSpec], part: str, romanize_hangul: bool) -> None:
    words = [w for w in part.split() if not is_province(w)]
    if not words:
        return
    bases = [_strip_ko_admin(w) for w in words]
    candidates = {" ".join(words), "".join(words), " ".join(bases), "".join(bases)}
    # "함경북도 회령시" or "회령 제2작업소": each name alone identifies. A longer phrase is an
    # event or description ("2024년 1월 숙소 항의"): its words alone are everyday words.
    place_like = len(words) == 2
    if place_like:
        generic = data.generic_korean_nouns()
        candidates |= {
            w for w in bases if len(w) >= 2 and not any(c.isdigit() for c in w) and w not in generic
        }
    for cand in candidates:
        if len(cand.replace(" ", "")) < 2:
            continue
        for v in hangul.rieul_variants(cand):
            for sp in _space_variants(v):
                n = len(sp.replace(" ", ""))
                out.setdefault(sp, VariantSpec("plain", loose_tail=n >= 5,
                                               break_only=n == 2 and " " in sp))  # fmt: skip
    if romanize_hangul:
        for b in bases if len(words) <= 2 else []:
            if 2 <= len(b) <= 4 and all(hangul.is_syllable(c) for c in b):
                for cy in sorted(hangul.cyrillic(b, ("", "-"), cap=24)):
                    out.setdefault(cy, VariantSpec("plain"))  # Мусан, Хверен, Чхонджин
                rr = "".join(hangul.romanize(b))
                for r in all_readings(rr):
                    for form in word_variants(r, PLACE_JOINERS, cap=400):
                        out.setdefault(form, VariantSpec("plain"))


def _space_variants(s: str) -> set[str]:
    """Korean spacing varies: the term with its spaces removed and with one space added."""
    compact = s.replace(" ", "")
    out = {s, compact}
    if 2 <= len(compact) <= 8:
        for i in range(1, len(compact)):
            out.add(compact[:i] + " " + compact[i:])
        if not any(c.isdigit() for c in compact):
            out.add(" ".join(compact))  # 무 산, 회 령 시: every syllable apart
    return out


def is_person_name(text: str) -> bool:
    """A Latin term shaped like a Korean name: a surname from the table and a given name of
    one to three romanized syllables (a sensitive term "Ko Yong Dok" is a person)."""
    if hangul.is_hangul_text(text):
        return False
    words = fold_simple(text).replace(",", " ").split()
    if not 2 <= len(words) <= 4 or any(w in _english_words() for w in words):
        return False
    sur, given = _split_latin_name(" ".join(words))
    if not sur or not given:
        return False
    readings = all_readings(given)
    return bool(readings) and 1 <= len(readings[0]) <= 3
