"""The case list: summary rows (pseudonyms and codes, never a name), sorted and paged."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nkcase.vault.models import Case

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseRow:
    """What the case list shows: never a real name."""

    id: int
    pseudonym: str
    countries: str
    sectors: str
    period: str
    indicators: str
    targets: str
    updated_at: datetime
    withdrawn: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "pseudonym": self.pseudonym,
            "countries": [c for c in self.countries.split(",") if c],
            "sectors": [s for s in self.sectors.split(",") if s],
            "period": self.period,
            "indicators": [i for i in self.indicators.split(",") if i],
            "consent_targets": [t for t in self.targets.split(",") if t],
            "withdrawn": self.withdrawn,
            "updated_at": self.updated_at.isoformat(timespec="seconds") + "Z",
        }


SORT_COLUMNS = {
    "id": Case.id,
    "pseudonym": Case.pseudonym,
    "countries": Case.countries,
    "sectors": Case.sectors,
    "period": Case.period_start,
    "indicators": Case.indicator_codes,
    "targets": Case.targets,
    "updated_at": Case.updated_at,
}


def _row(c: Any) -> CaseRow:
    period = "–".join(p for p in (c.period_start, c.period_end) if p)
    return CaseRow(
        c.id,
        c.pseudonym,
        c.countries,
        c.sectors,
        period,
        c.indicator_codes,
        c.targets,
        c.updated_at,
        c.withdrawn,
    )


def count_cases(session: Session) -> int:
    return int(session.scalar(select(func.count(Case.id))) or 0)


def list_cases(
    session: Session,
    offset: int = 0,
    limit: int | None = None,
    sort: str = "id",
    descending: bool = False,
    ids: Sequence[int] | None = None,
) -> list[CaseRow]:
    column = SORT_COLUMNS[sort]
    stmt = select(
        Case.id,
        Case.pseudonym,
        Case.countries,
        Case.sectors,
        Case.period_start,
        Case.period_end,
        Case.indicator_codes,
        Case.targets,
        Case.updated_at,
        Case.withdrawn,
    )
    if ids is not None:
        stmt = stmt.where(Case.id.in_(list(ids)))
    stmt = stmt.order_by(column.desc() if descending else column.asc(), Case.id)
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_row(c) for c in session.execute(stmt)]


def get_rows(session: Session, ids: Sequence[int]) -> dict[int, CaseRow]:
    return {r.id: r for r in list_cases(session, ids=ids)}
