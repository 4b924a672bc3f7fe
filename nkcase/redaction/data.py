"""The data tables shipped under resources/redaction/ (surnames, particles, context words)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from nkcase.config import resource_path


@cache
def _load(name: str) -> Any:
    with resource_path("redaction", f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class SurnameTable:
    """Korean surnames grouped by clan name: every Hangul and Latin spelling of one group."""

    groups: tuple[tuple[frozenset[str], frozenset[str]], ...]  # (hangul, latin)

    def latin_group(self, latin: str) -> frozenset[str]:
        """All Latin spellings of the groups containing ``latin`` (empty if not a surname)."""
        out: set[str] = set()
        for _ko, la in self.groups:
            if latin in la:
                out |= la
        return frozenset(out)

    def hangul_for_latin(self, latin: str) -> frozenset[str]:
        out: set[str] = set()
        for ko, la in self.groups:
            if latin in la:
                out |= ko
        return frozenset(out)

    def group_of_hangul(self, ko: str) -> tuple[frozenset[str], frozenset[str]]:
        hangul: set[str] = set()
        latin: set[str] = set()
        for k, la in self.groups:
            if ko in k:
                hangul |= k
                latin |= la
        return frozenset(hangul), frozenset(latin)

    @property
    def all_latin(self) -> frozenset[str]:
        return frozenset(s for _k, la in self.groups for s in la)

    @property
    def all_hangul(self) -> frozenset[str]:
        return frozenset(s for k, _la in self.groups for s in k)


def _fold_latin(s: str) -> str:
    from nkcase.redaction.fold import fold_simple

    return fold_simple(s)


@cache
def surnames() -> SurnameTable:
    groups = []
    for row in _load("surnames")["surnames"]:
        ko = frozenset(row["ko"])
        la = frozenset(_fold_latin(x) for x in row["latin"])
        groups.append((ko, la))
    return SurnameTable(tuple(groups))


@cache
def hangul_endings() -> tuple[str, ...]:
    return tuple(_load("particles")["endings"])


@cache
def hangul_admin_suffixes() -> tuple[str, ...]:
    return tuple(_load("particles")["admin_suffixes"])


@cache
def latin_admin_suffixes() -> tuple[str, ...]:
    return tuple(_load("particles")["latin_admin_suffixes"])


@cache
def generic_korean_nouns() -> frozenset[str]:
    """Head nouns that name a kind of place, not a place (합숙소, 공장, 기업소...): never a
    term on their own."""
    units = _load("units")
    words = {w for group in units["equivalents_ko"] for w in group}
    words |= set(units["generic_ko"]) | set(context_words()["institution_ko"])
    return frozenset(words)


@cache
def context_words() -> dict[str, tuple[str, ...]]:
    raw = _load("context_words")
    return {k: tuple(v) for k, v in raw.items() if not k.startswith("_")}


@cache
def public_figures() -> frozenset[str]:
    raw = _load("public_figures")
    return frozenset([_fold_latin(x) for x in raw["latin"]] + list(raw["ko"]))
