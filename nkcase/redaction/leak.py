"""The final leak check: every registered term and variant, anywhere in finished text."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from nkcase.redaction.registry import Registry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LeakHit:
    """A registered term found in finished text. ``text`` is the secret: terminal only."""

    place: str  # field key or file name inside an export
    offset: int
    length: int
    category: str
    token: str
    text: str = field(default="", repr=False, compare=False)

    def describe(self) -> str:
        """Safe for logs and error messages: where and what kind, never the matched text."""
        return f"{self.place} at offset {self.offset}: {self.category} ({self.token})"


def leak_check(texts: Mapping[str, str], registry: Registry) -> list[LeakHit]:
    """Every registered term in ``texts``, found in any projection of each text (NFKC,
    invisible characters and soft hyphens removed, line-end hyphens joined, spaced or dotted
    syllables, CamelCase split, Hanja read as Hangul; Russian spellings are registry variants:
    :mod:`nkcase.redaction.normalize`); offsets are into the text as written."""
    hits: list[LeakHit] = []
    for place, text in texts.items():
        for m in registry.find(text):
            term = registry.terms[m.term]
            hits.append(LeakHit(place, m.start, m.end - m.start, term.category, term.token,
                                text[m.start : m.end]))  # fmt: skip
    if hits:
        log.warning("leak check: %d registered terms found in %d places", len(hits),
                    len({h.place for h in hits}))  # fmt: skip
    return hits
