"""Dates with precision, as the case-file format writes them: YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# No testimony is about a year before this (births included) or after next year: year 9999
# is a typing slip, and would become an age band such as "8030-8034" in a packet.
MIN_YEAR = 1900


def max_year() -> int:
    return date.today().year + 1


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        m = _PARTIAL.match(text)
        if not m:
            raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(m.group(1))
        if not MIN_YEAR <= year <= max_year():
            raise ValueError(f"expected a year from {MIN_YEAR} to {max_year()}")
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        try:
            date(year, month or 1, day or 1)
        except ValueError as exc:
            raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD (not a real date)") from exc
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def to_month(self) -> str:
        """Coarsened for exports: the month, or the year when that is all we know."""
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out
