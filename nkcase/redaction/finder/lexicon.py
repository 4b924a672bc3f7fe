"""Word lists of the finder (resources/redaction/finder.json), loaded once and folded."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from nkcase.config import resource_path
from nkcase.redaction import data


def _sorted_longest(words: set[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class Lexicon:
    titles_en: frozenset[str]
    person_after_en: frozenset[str]
    titles_ko: frozenset[str]
    person_before_ko: frozenset[str]
    foreign_given_en: frozenset[str]
    foreign_given_ko: frozenset[str]
    chinese_surnames_ko: frozenset[str]
    chinese_surnames_en: frozenset[str]
    surname_endings_en: tuple[str, ...]
    surname_endings_ko: tuple[str, ...]
    regions_en: frozenset[str]
    regions_ko: frozenset[str]
    not_names_en: frozenset[str]
    not_names_ko: frozenset[str]
    place_suffixes_ko: tuple[str, ...]
    region_suffixes_ko: tuple[str, ...]
    place_nouns_en: frozenset[str]
    place_preps_en: frozenset[str]
    unit_nouns_en: frozenset[str]
    unit_suffixes_ko: tuple[str, ...]
    org_nouns_en: frozenset[str]
    org_suffixes_ko: tuple[str, ...]
    state_organs_ko: frozenset[str]
    places_ko: frozenset[str]
    name_syllables_ko: frozenset[str]
    places_en: frozenset[str]
    english_words: frozenset[str]
    korean_surnames: frozenset[str]  # Hangul
    latin_surnames: frozenset[str]  # folded
    public_figures: frozenset[str]  # folded Latin and Hangul
    common_ko: frozenset[str]
    kin_ko: frozenset[str]


@cache
def lexicon() -> Lexicon:
    with resource_path("redaction", "finder.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    with resource_path("redaction", "english_words.json").open(encoding="utf-8") as fh:
        english = json.load(fh)
    words = english["words"] if isinstance(english, dict) else english

    def low(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw[key])

    regions_en = set(low("regions_en"))
    regions_ko = set(raw["regions_ko"])
    # The project's own vocabularies: countries and DPRK provinces are never proposed.
    for name in ("countries", "provinces"):
        with resource_path("vocab", f"{name}.json").open(encoding="utf-8") as fh:
            for row in json.load(fh):
                if str(row.get("ko", "")).endswith("시"):
                    continue  # Pyongyang, Rason, Nampo: cities (places), though province-level
                regions_en.add(str(row.get("en", "")).lower())
                regions_en.update(str(a).lower() for a in row.get("aliases", []))
                ko = str(row.get("ko", ""))
                if ko:
                    regions_ko.add(ko)
    ctx = data.context_words()
    return Lexicon(
        titles_en=low("titles_en"),
        person_after_en=low("person_after_en"),
        titles_ko=frozenset(raw["titles_ko"]),
        person_before_ko=frozenset(raw["person_before_ko"]),
        foreign_given_en=low("foreign_given_en"),
        foreign_given_ko=frozenset(raw["foreign_given_ko"]),
        chinese_surnames_ko=frozenset(raw["chinese_surnames_ko"]),
        chinese_surnames_en=low("chinese_surnames_en"),
        surname_endings_en=_sorted_longest(set(low("foreign_surname_endings_en"))),
        surname_endings_ko=_sorted_longest(set(raw["foreign_surname_endings_ko"])),
        regions_en=frozenset(r for r in regions_en if r) - low("places_en"),
        regions_ko=frozenset(regions_ko) - frozenset(raw["places_ko"]),
        not_names_en=low("not_names_en"),
        not_names_ko=frozenset(raw["not_names_ko"]),
        place_suffixes_ko=_sorted_longest(set(raw["place_suffixes_ko"])),
        region_suffixes_ko=_sorted_longest(set(raw["region_suffixes_ko"])),
        place_nouns_en=low("place_nouns_en"),
        place_preps_en=low("place_preps_en"),
        unit_nouns_en=low("unit_nouns_en"),
        unit_suffixes_ko=_sorted_longest(set(raw["unit_suffixes_ko"])),
        org_nouns_en=low("org_nouns_en"),
        org_suffixes_ko=_sorted_longest(set(raw["org_suffixes_ko"])),
        state_organs_ko=frozenset(raw["state_organs_ko"]),
        places_ko=frozenset(raw["places_ko"]),
        name_syllables_ko=frozenset(raw["name_syllables_ko"]),
        places_en=low("places_en"),
        english_words=frozenset(w.lower() for w in words)
        | low("function_words_en")
        | frozenset(ctx["stop_en"]),
        korean_surnames=data.surnames().all_hangul | frozenset(raw["extra_surnames_ko"]),
        latin_surnames=data.surnames().all_latin,
        public_figures=data.public_figures(),
        common_ko=frozenset(ctx["common_ko"]),
        kin_ko=frozenset(ctx["kin_ko"]),
    )
