"""Wages as the case-file format writes them: {"amount": 160, "currency": "USD", "per": "day"}.

One meaning of "share withheld" for the case editor and the packets."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any


def share_withheld(
    promised: Mapping[str, Any] | None, received: Mapping[str, Any] | None
) -> float | None:
    """The share of the promised wage never paid (1 - received/promised), rounded to 0.001.

    None unless both are amounts in the same currency and for the same period: a share is
    never guessed across currencies or periods, nor from a NaN, an infinity or a number too
    large to be a float (such values are refused on input; a vault may predate that). Clamped
    to 0..1.
    """
    if not promised or not received:
        return None
    p, r = promised.get("amount"), received.get("amount")
    if not isinstance(p, int | float) or not isinstance(r, int | float):
        return None
    if not _finite(p) or not _finite(r) or p <= 0:
        return None
    if promised.get("currency") != received.get("currency"):
        return None
    if promised.get("per") != received.get("per"):
        return None
    return round(max(0.0, min(1.0, 1 - r / p)), 3)


def _finite(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:  # an int past the float range (10**400)
        return False
