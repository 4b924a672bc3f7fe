"""Variants of identifiers: birth dates as people write them, references, phone numbers."""

from __future__ import annotations

import re

from nkcase.redaction.fold import fold_simple
from nkcase.redaction.variants import VariantSpec

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]  # fmt: skip


def date_variants(value: str) -> dict[str, VariantSpec]:
    """A birth date (YYYY, YYYY-MM, YYYY-MM-DD) as people write it; a bare year is not a term."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*", value or "")
    out: dict[str, VariantSpec] = {}
    if not m or not m.group(2):
        return out
    y, mo = int(m.group(1)), int(m.group(2))
    d = int(m.group(3)) if m.group(3) else None
    if not 1 <= mo <= 12:
        return out
    names = {_MONTHS[mo - 1], _MONTHS[mo - 1][:3], _MONTHS[mo - 1][:3] + "."}
    juche = y - 1911
    ys = {str(y)}
    forms: set[str] = set()
    if d is None:
        for n in names:
            forms |= {f"{n} {y}", f"{n}, {y}", f"{n} of {y}"}
        forms |= {f"{y}-{mo:02d}", f"{mo:02d}/{y}", f"{mo}/{y}", f"{y}/{mo:02d}", f"{y}.{mo:02d}",
                  f"{y}.{mo}", f"{mo:02d}.{y}", f"{y}. {mo}."}  # fmt: skip
        for yy in ys:
            forms |= {f"{yy}년 {mo}월", f"{yy}년{mo}월", f"{yy}년 {mo:02d}월"}
        if juche > 0:
            forms |= {
                f"주체{juche}년 {mo}월",
                f"주체 {juche}년 {mo}월",
                f"주체{juche}({y})년 {mo}월",
            }
    else:
        for n in names:
            for dd in {str(d), f"{d:02d}", _ordinal(d)}:
                forms |= {f"{dd} {n} {y}", f"{n} {dd}, {y}", f"{n} {dd} {y}", f"{dd} {n}, {y}",
                          f"{dd} of {n} {y}", f"the {dd} of {n} {y}"}  # fmt: skip
        forms |= {f"{y}-{mo:02d}-{d:02d}", f"{d:02d}/{mo:02d}/{y}", f"{mo:02d}/{d:02d}/{y}",
                  f"{d}/{mo}/{y}", f"{mo}/{d}/{y}", f"{d:02d}.{mo:02d}.{y}", f"{d}.{mo}.{y}",
                  f"{y}.{mo:02d}.{d:02d}", f"{y}.{mo}.{d}", f"{y}. {mo}. {d}.",
                  f"{y}/{mo:02d}/{d:02d}",
                  f"{y % 100:02d}.{mo:02d}.{d:02d}", f"{y}{mo:02d}{d:02d}"}  # fmt: skip
        for sep in (" ", ""):
            forms.add(f"{y}년{sep}{mo}월{sep}{d}일")
            forms.add(f"{y}년{sep}{mo:02d}월{sep}{d:02d}일")
            if juche > 0:
                forms.add(f"주체{juche}년{sep}{mo}월{sep}{d}일")
                forms.add(f"주체{juche}({y})년{sep}{mo}월{sep}{d}일")
    for f in forms:
        out.setdefault(f, VariantSpec("plain", loose_tail=True))
    return out


def _ordinal(d: int) -> str:
    suffix = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return f"{d}{suffix}"


def literal_variants(text: str) -> dict[str, VariantSpec]:
    """A reference or other literal: separators may be written differently."""
    f = fold_simple(text).strip()
    out: dict[str, VariantSpec] = {}
    if not f:
        return out
    parts = [p for p in re.split(r"[\s\-_/.]+", f) if p]
    for sep in ("-", " ", "", "/", "_", "."):
        out.setdefault(sep.join(parts), VariantSpec("plain", loose_tail=True))
    out.setdefault(f, VariantSpec("plain", loose_tail=True))
    return out


# Longest first, so 850 (DPRK) is tried before 85x and 8x.
_COUNTRY_CODES = (
    "850", "852", "853", "855", "856", "886", "971", "974", "965", "966", "968", "973", "976",
    "82", "86", "81", "84", "66", "60", "44", "49", "33", "7", "1",
)  # fmt: skip


def digits_of_phone(phone: str) -> str | None:
    """The national significant number of a phone (digits after country code / trunk 0)."""
    raw = phone.strip()
    digits = re.sub(r"\D", "", raw)
    if len(digits) < 7:
        return None
    if raw.startswith("+") or raw.startswith("00"):
        if raw.startswith("00"):
            digits = digits[2:]
        for cc in _COUNTRY_CODES:
            if digits.startswith(cc):
                digits = digits[len(cc) :]
                break
    digits = digits.lstrip("0")
    if digits.startswith("8") and len(digits) == 11:  # Russian trunk prefix 8
        digits = digits[1:]
    return digits if len(digits) >= 7 else None
