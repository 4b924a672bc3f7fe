"""The redacted, coarsened content of a packet (submission.json), built from case dicts.

Input: a case in case-file-v1 shape (plus "id"/"pseudonym" keys) and its redacted texts keyed by
field key. Output: plain data with nothing identifying: event dates to the month, ages to
five-year bands at the time of events, hometowns to the province, no interviewer, no place of
interview, no site/employer names. Identity appears only in ``confidential_identity`` and only
when the gate decision allows it (OHCHR with G3).
"""

from __future__ import annotations

import logging
from typing import Any

from nkcase.domain import vocab
from nkcase.domain.dates import PartialDate
from nkcase.domain.money import share_withheld
from nkcase.packets.gates import GateDecision
from nkcase.redaction.api import STRUCTURED_FIELDS, redacted_value

log = logging.getLogger(__name__)


def _parse(text: str | None) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(str(text))
    except ValueError:
        return None


def to_month(text: str | None) -> str | None:
    parsed = _parse(text)
    return parsed.to_month() if parsed else None


def age_band(birth_date: str | None, event_date: str | None) -> str | None:
    """Five-year band of the age at ``event_date`` ("30-34"), or None when unknown."""
    birth, event = _parse(birth_date), _parse(event_date)
    if birth is None or event is None:
        return None
    age = event.year - birth.year
    if birth.month and event.month and event.month < birth.month:
        age -= 1
    if age < 0:
        return None
    low = age - age % 5
    return f"{low}-{low + 4}"


def province(interviewee: dict[str, Any]) -> dict[str, str] | None:
    """The home province in English and Korean, from home_province or recognised in hometown."""
    candidates = [
        interviewee.get("home_province"),
        interviewee.get("hometown"),
        interviewee.get("hometown_ko"),
    ]
    for text in candidates:
        if not text:
            continue
        lowered = str(text).casefold()
        for row in vocab.provinces():
            names = [row["en"], row["ko"], *row.get("aliases", [])]
            if any(name.casefold() in lowered for name in names):
                return {"en": row["en"], "ko": row["ko"]}
    return None


def _wage(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if not value or value.get("amount") is None:
        return None
    return {
        "amount": value.get("amount"),
        "currency": value.get("currency"),
        "per": value.get("per"),
    }


def _label(table: dict[str, vocab.Term], code: str | None, lang: str = "en") -> str | None:
    if code is None:
        return None
    term = table.get(code)
    return term.label(lang) if term else code


def deployment_entry(
    dep: dict[str, Any], case: dict[str, Any] | None = None, texts: dict[str, str] | None = None,
    index: int = 0,
) -> dict[str, Any]:  # fmt: skip
    """One deployment of submission.json. Its free strings (region, a passport holder or a
    currency written out) are reviewed fields: the redacted value from ``texts`` is used."""
    if case is not None and texts is not None:
        dep = dict(dep)
        for name in STRUCTURED_FIELDS:
            value = redacted_value(case, texts, index, name)
            head, _, tail = name.partition(".")
            if tail:
                if isinstance(dep.get(head), dict):
                    dep[head] = {**dep[head], tail: value}
            else:
                dep[head] = value
    promised, received = dep.get("wage_promised"), dep.get("wage_received")
    return {
        "country": dep.get("country"),
        "country_name": _label(vocab.countries(), dep.get("country")),
        "region": dep.get("region"),
        "sector": dep.get("sector"),
        "sector_name": _label(vocab.sectors(), dep.get("sector")),
        "start": to_month(dep.get("start")),
        "end": to_month(dep.get("end")),
        "wage_promised": _wage(promised),
        "wage_received": _wage(received),
        "share_withheld": share_withheld(promised, received),
        "hours_per_day": dep.get("hours_per_day"),
        "rest_days_per_month": dep.get("rest_days_per_month"),
        "passport_held_by": dep.get("passport_held_by"),
        "left_by": dep.get("left_by"),
    }


def narrative_files(case: dict[str, Any], texts: dict[str, str]) -> dict[str, str]:
    """``narratives/<pseudonym>.<lang>.txt`` -> redacted text, interviews joined per language."""
    by_lang: dict[str, list[str]] = {}
    interviews = case.get("interviews") or []
    for n, interview in enumerate(interviews, start=1):
        month = to_month(interview.get("date")) or "date unknown"
        parts = [(interview.get("language") or "und", f"interview/{interview['id']}/narrative")]
        translation = interview.get("translation") or {}
        if translation.get("text"):
            lang = translation.get("language") or "und"
            parts.append((lang, f"interview/{interview['id']}/translation"))
        for lang, key in parts:
            text = texts.get(key)
            if text is None:
                continue
            head = f"--- Interview {n} ({month})" + (" translation" if "translation" in key else "")
            by_lang.setdefault(lang, []).append(f"{head} ---\n\n{text.strip()}\n")
    pseudonym = case["pseudonym"]
    return {
        f"narratives/{pseudonym}.{lang}.txt": "\n".join(chunks) for lang, chunks in by_lang.items()
    }


def _perpetrators(case: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for person in case.get("persons") or []:
        if person.get("perpetrator"):
            out.append({"role": person.get("role"), "pseudonym": person.get("pseudonym")})
    holders = {d.get("passport_held_by") for d in case.get("deployments") or []}
    for holder in sorted(h for h in holders if h in ("minder", "company", "dispatching_entity")):
        role = {
            "minder": "minder (held passports)",
            "company": "employer (held passports)",
            "dispatching_entity": "dispatching entity (held passports)",
        }[holder]
        if not any(p["role"] == role for p in out):
            out.append({"role": role, "pseudonym": None})
    return out


def confidential_identity(case: dict[str, Any]) -> dict[str, Any]:
    """The interviewee's identity for OHCHR in confidence (G3): no relatives, phone or ref."""
    who = case.get("interviewee") or {}
    return {
        "notice": "CONFIDENTIAL - for OHCHR only. Disclosed with the witness's consent (G3). "
        "Do not forward to any government.",
        "name": who.get("name"),
        "name_ko": who.get("name_ko"),
        "aliases": list(who.get("aliases") or []),
        "birth_date": who.get("birth_date"),
        "hometown": who.get("hometown"),
        "hometown_ko": who.get("hometown_ko"),
    }


def case_entry(
    case: dict[str, Any], texts: dict[str, str], decision: GateDecision, pattern: bool = False
) -> dict[str, Any]:
    """One case of submission.json."""
    who = case.get("interviewee") or {}
    deployments = case.get("deployments") or []
    starts = sorted(s for s in (d.get("start") for d in deployments) if _parse(s))
    lang_of = {
        f"interview/{i['id']}/narrative": i.get("language") for i in case.get("interviews") or []
    }
    entry: dict[str, Any] = {
        "pseudonym": case["pseudonym"],
        "witness": {
            "sex": who.get("sex") or "unknown",
            "age_band_at_events": age_band(who.get("birth_date"), starts[0] if starts else None),
            "home_province": province(who),
        },
        "source": "victim" if deployments else "witness",
        "interviews": [
            {"month": to_month(i.get("date")), "language": i.get("language")}
            for i in case.get("interviews") or []
        ],
        "deployments": [deployment_entry(d, case, texts, i) for i, d in enumerate(deployments)],
        "indicators": [
            {
                "code": ind["code"],
                "label": _label(vocab.indicators(), ind["code"]),
                "evidence": texts.get(f"indicator/{ind['id']}/evidence"),
            }
            for ind in case.get("indicators") or []
        ],
        "perpetrators": _perpetrators(case),
        "narratives": sorted(narrative_files(case, texts)),
        "narrative_language": next((v for v in lang_of.values() if v), None),
    }
    # A pattern submission names no individual, whatever the consent would allow.
    if decision.include_identity and not pattern:
        entry["confidential_identity"] = confidential_identity(case)
    return entry
