"""One call for every finder: Korean, Latin-script names and groups, identifiers."""

from __future__ import annotations

import logging

from nkcase.redaction.finder.english import find_english
from nkcase.redaction.finder.identifiers import find_identifiers
from nkcase.redaction.finder.korean import find_korean
from nkcase.redaction.finder.scripts import find_scripts
from nkcase.redaction.finder.types import Detection

log = logging.getLogger(__name__)

# Bump when the finder's output for the same text can change: cached proposals of another
# version are computed again.
FINDER_VERSION = "2"

# Of two overlapping proposals the more specific category wins at equal length.
_RANK = {"passport": 0, "id_number": 0, "phone": 0, "email": 0, "dob": 0, "identifier": 1,
         "address": 2, "public": 3, "org": 4, "unit": 5, "name": 6, "place": 7}  # fmt: skip


def resolve(found: list[Detection]) -> list[Detection]:
    """Overlapping proposals reduced to one: the longest, then the more specific."""
    ordered = sorted(found, key=lambda d: (-(d.end - d.start), _RANK.get(d.category, 9), d.start))
    kept: list[Detection] = []
    for d in ordered:
        if any(d.start < k.end and k.start < d.end for k in kept):
            continue
        kept.append(d)
    return sorted(kept, key=lambda d: d.start)


def find_entities(text: str) -> list[Detection]:
    """Every proposal of the finder in ``text``, without overlaps, in text order."""
    found = find_korean(text) + find_english(text) + find_identifiers(text) + find_scripts(text)
    out = resolve(found)
    log.debug("finder: %d proposals", len(out))
    return out
