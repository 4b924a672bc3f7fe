"""A stored case in case-file-v1 shape (/work/shared/spec/case-file-v1.md), and back for wages.

Pure shaping of ORM objects: no queries, no audit. The use cases that load, import and export
cases live in :mod:`nkcase.services.cases`, which re-exports these names for earlier callers.
"""

from __future__ import annotations

import logging
from typing import Any

from nkcase.domain import casefile
from nkcase.vault.models import Case, Deployment

log = logging.getLogger(__name__)

IDENTITY_KEYS = casefile.INTERVIEWEE_KEYS
# Wages are columns of their own (amount, currency, period), mapped by set_money/money_dict.
DEPLOYMENT_KEYS = tuple(k for k in casefile.DEPLOYMENT_KEYS if not k.startswith("wage_"))
CONSENT_KEYS = casefile.CONSENT_KEYS

# Keys case_to_dict adds for tools inside nkcase; never part of a case file.
_EXTRA_KEYS = {"id", "pseudonym"}


def set_money(dep: Deployment, prefix: str, value: dict[str, Any] | None) -> None:
    """Store a case-file wage ({amount, currency, per} or None) in ``<prefix>_*`` columns."""
    setattr(dep, f"{prefix}_amount", value["amount"] if value else None)
    setattr(dep, f"{prefix}_currency", value["currency"] if value else None)
    setattr(dep, f"{prefix}_per", value["per"] if value else None)


def money_dict(dep: Deployment, prefix: str) -> dict[str, Any] | None:
    """The case-file wage held in ``<prefix>_*`` columns, or None."""
    amount = getattr(dep, f"{prefix}_amount")
    if amount is None:
        return None
    value = int(amount) if float(amount).is_integer() else amount
    return {
        "amount": value,
        "currency": getattr(dep, f"{prefix}_currency"),
        "per": getattr(dep, f"{prefix}_per"),
    }


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def case_to_dict(case: Case, identity: bool = True) -> dict[str, Any]:
    """A case in case-file-v1 shape, plus ``id``/``pseudonym`` keys for tools inside nkcase.

    With ``identity=False`` the identifying keys (interviewee, relatives' names and details,
    sensitive terms, ref, interview place and interviewer) are left out.
    """
    ident = case.identity
    out: dict[str, Any] = {"id": case.id, "pseudonym": case.pseudonym}
    if identity:
        out["ref"] = ident.ref
        out["interviewee"] = {k: getattr(ident, k) for k in IDENTITY_KEYS}
    else:
        out["interviewee"] = {
            "sex": ident.sex,
            "home_province": ident.home_province,
            "birth_year": ident.birth_date[:4] if ident.birth_date else None,
        }
    out["relatives"] = [
        {
            "id": r.id,
            "pseudonym": r.pseudonym,
            "relation": r.relation,
            **(
                {"name": r.name, "name_ko": r.name_ko, "location": r.location, "details": r.details}
                if identity
                else {}
            ),
        }
        for r in case.relatives
    ]
    out["sensitive_terms"] = (
        [
            {"id": t.id, "text": t.text, "text_ko": t.text_ko, "category": t.category}
            for t in case.sensitive_terms
        ]
        if identity
        else []
    )
    out["deployments"] = [
        {
            **{
                k: _num(getattr(d, k))
                if k in ("hours_per_day", "rest_days_per_month")
                else getattr(d, k)
                for k in DEPLOYMENT_KEYS
            },
            "wage_promised": money_dict(d, "wage_promised"),
            "wage_received": money_dict(d, "wage_received"),
        }
        for d in case.deployments
    ]
    out["indicators"] = [
        {"id": i.id, "code": i.code, "evidence": i.evidence} for i in case.indicators
    ]
    out["consent"] = {k: getattr(case.consent, k) for k in CONSENT_KEYS}
    out["interviews"] = []
    for iv in case.interviews:
        item: dict[str, Any] = {
            "id": iv.id,
            "date": iv.date,
            "language": iv.language,
            "narrative": iv.narrative,
        }
        if identity:
            item["place"] = iv.place
            item["interviewer"] = iv.interviewer
        item["translation"] = (
            {"language": iv.translation_language, "text": iv.translation}
            if iv.translation
            else None
        )
        out["interviews"].append(item)
    return out


def to_case_file_case(case: Case) -> dict[str, Any]:
    """Exactly the case-file-v1 keys (no ids, no pseudonyms): for export-cases."""
    full = case_to_dict(case, identity=True)

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in _EXTRA_KEYS}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(full)
