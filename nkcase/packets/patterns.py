"""Pattern statistics over many cases (patterns.json): counts and distributions, no individual."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from typing import Any

from nkcase.domain import vocab

HOURS_BINS: list[tuple[str, float, float]] = [
    ("under 10", 0, 10),
    ("10-11", 10, 12),
    ("12-13", 12, 14),
    ("14-15", 14, 16),
    ("16-17", 16, 18),
    ("18-19", 18, 20),
    ("20 or more", 20, 25),
]
REST_BINS: list[tuple[str, float, float]] = [
    ("none", 0, 1e-9),
    ("under 1", 1e-9, 1),
    ("1-2", 1, 3),
    ("3-4", 3, 5),
    ("5 or more", 5, 32),
]
WITHHELD_BINS: list[tuple[str, float, float]] = [
    ("under 50%", 0, 0.5),
    ("50-79%", 0.5, 0.8),
    ("80-89%", 0.8, 0.9),
    ("90-94%", 0.9, 0.95),
    ("95-100%", 0.95, 1.01),
]


def _bin(values: Iterable[float], bins: list[tuple[str, float, float]]) -> list[dict[str, Any]]:
    counts = dict.fromkeys((label for label, _, _ in bins), 0)
    for value in values:
        for label, low, high in bins:
            if low <= value < high:
                counts[label] += 1
                break
    return [{"label": label, "count": n} for label, n in counts.items()]


def _ranked(counter: Counter[str], labels: dict[str, vocab.Term]) -> list[dict[str, Any]]:
    rows = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return [
        {"code": code, "label": labels[code].en if code in labels else code, "cases": n}
        for code, n in rows
    ]


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def compute(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Statistics over submission case entries. Countries, sectors and indicators count cases
    (a case counts once per value); hours, rest days and wages count deployments."""
    by_country: Counter[str] = Counter()
    by_sector: Counter[str] = Counter()
    by_indicator: Counter[str] = Counter()
    hours: list[float] = []
    rest: list[float] = []
    withheld: list[float] = []
    withheld_by_country: dict[str, list[float]] = {}
    deployments = 0
    periods: list[str] = []
    for case in cases:
        deps = case.get("deployments") or []
        deployments += len(deps)
        by_country.update({d["country"] for d in deps if d.get("country")})
        by_sector.update({d["sector"] for d in deps if d.get("sector")})
        by_indicator.update({i["code"] for i in case.get("indicators") or []})
        for d in deps:
            periods.extend(p for p in (d.get("start"), d.get("end")) if p)
            if (h := _number(d.get("hours_per_day"))) is not None:
                hours.append(h)
            if (r := _number(d.get("rest_days_per_month"))) is not None:
                rest.append(r)
            if (w := _number(d.get("share_withheld"))) is not None:
                withheld.append(w)
                withheld_by_country.setdefault(d.get("country") or "unknown", []).append(w)
    countries = vocab.countries()
    return {
        "cases": len(cases),
        "deployments": deployments,
        "period": {"from": min(periods), "to": max(periods)} if periods else None,
        "by_country": _ranked(by_country, countries),
        "by_sector": _ranked(by_sector, vocab.sectors()),
        "by_indicator": _ranked(by_indicator, vocab.indicators()),
        "hours_per_day": {
            "deployments": len(hours),
            "median": statistics.median(hours) if hours else None,
            "distribution": _bin(hours, HOURS_BINS),
        },
        "rest_days_per_month": {
            "deployments": len(rest),
            "median": statistics.median(rest) if rest else None,
            "distribution": _bin(rest, REST_BINS),
        },
        "share_of_wages_withheld": {
            "deployments": len(withheld),
            "median": round(statistics.median(withheld), 3) if withheld else None,
            "distribution": _bin(withheld, WITHHELD_BINS),
            "median_by_country": [
                {
                    "code": code,
                    "label": countries[code].en if code in countries else code,
                    "deployments": len(values),
                    "median": round(statistics.median(values), 3),
                }
                for code, values in sorted(withheld_by_country.items())
            ],
        },
    }


def select_excerpts(cases: list[dict[str, Any]], limit: int = 12) -> list[dict[str, Any]]:
    """Redacted evidence quotes, spread over indicators first, then over cases."""
    chosen: list[dict[str, Any]] = []
    seen_codes: set[str] = set()
    seen_cases: set[str] = set()
    pool = [
        (case["pseudonym"], ind)
        for case in cases
        for ind in case.get("indicators") or []
        if ind.get("evidence")
    ]
    for pseudonym, ind in pool:
        if len(chosen) >= limit:
            break
        if ind["code"] not in seen_codes and pseudonym not in seen_cases:
            chosen.append(
                {
                    "case": pseudonym,
                    "code": ind["code"],
                    "label": ind.get("label"),
                    "evidence": ind["evidence"],
                }
            )
            seen_codes.add(ind["code"])
            seen_cases.add(pseudonym)
    return chosen
