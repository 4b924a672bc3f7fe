"""Text folding for matching: lower case, no diacritics, one kind of apostrophe and hyphen.

The folding itself lives in :mod:`nkcase.redaction.normalize` (one normalisation for the
registry, the leak check and the detectors); this module keeps the names the rest of the
redaction package imports. Matching runs on a folded copy whose characters map back to the
original offsets, so spans always point into the text the user wrote.
"""

from __future__ import annotations

from nkcase.redaction.normalize import TABLE as _TABLE
from nkcase.redaction.normalize import Projection, project

__all__ = ["Folded", "fold_simple"]


def fold_simple(text: str) -> str:
    """Fold a short string (a registry term, a lookup key); offsets are not kept.

    The same normalisation as the text a term is matched in (NFKC, zero-width characters
    and soft hyphens removed, middle dots read), white space left as it is.
    """
    return project(text, collapse=False).text


def Folded(original: str) -> Projection:
    """The folded projection of ``original`` (``.text``, ``.span(start, end)``)."""
    return project(original)


_ = _TABLE
