"""The controlled vocabularies shipped under resources/vocab/ (English and Korean labels)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from nkcase.config import resource_path


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    ko: str

    def label(self, lang: str = "en") -> str:
        return self.ko if lang == "ko" else self.en


@cache
def _load(name: str) -> Any:
    with resource_path("vocab", f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _terms(name: str) -> dict[str, Term]:
    return {row["code"]: Term(row["code"], row["en"], row["ko"]) for row in _load(name)}


def indicators() -> dict[str, Term]:
    return _terms("indicators")


def targets() -> dict[str, Term]:
    return _terms("targets")


def sectors() -> dict[str, Term]:
    return _terms("sectors")


def gates() -> dict[str, Term]:
    return _terms("gates")


def countries() -> dict[str, Term]:
    return _terms("countries")


def target_reaches_governments(code: str) -> bool:
    """Special-procedures letters go to the governments concerned (the DPRK and host state)."""
    return any(row["code"] == code and row["to_governments"] for row in _load("targets"))


def provinces() -> list[dict[str, Any]]:
    return list(_load("provinces"))


def enum(name: str) -> list[str]:
    return list(_load("enums")[name])
