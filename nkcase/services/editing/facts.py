"""Deployments (where, for whom, for what wage) and the ILO indicators with their evidence."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from nkcase.domain import casefile, vocab
from nkcase.domain.dates import PartialDate
from nkcase.errors import InvalidEdit
from nkcase.services import case_dicts
from nkcase.services import cases as case_service
from nkcase.services.editing._common import (
    ACTOR,
    clean,
    find_item,
    finish_edit,
    keep_field_versions,
    keep_removed_versions,
    load_case,
    record_text_version,
    validate,
)
from nkcase.vault.models import Deployment, Indicator

log = logging.getLogger(__name__)

DEPLOYMENT_FIELDS = casefile.DEPLOYMENT_KEYS


# -- deployments ---------------------------------------------------------------------------
def _apply_deployment(dep: Deployment, values: dict[str, Any]) -> list[str]:
    changed: list[str] = []
    for key, value in values.items():
        if key in ("wage_promised", "wage_received"):
            current = case_dicts.money_dict(dep, key)
            new = None if value is None else dict(value)
            if current != new and not (current and new and _same_money(current, new)):
                case_dicts.set_money(dep, key, new)
                changed.append(key)
        elif getattr(dep, key) != value:
            setattr(dep, key, value)
            changed.append(key)
    start, end = dep.start, dep.end
    if start and end and PartialDate.parse(end).first_day() < PartialDate.parse(start).first_day():
        raise InvalidEdit("deployment.end", "is before start")
    return sorted(changed)


def _deployment_values(dep: Deployment, keys: Any) -> dict[str, Any]:
    return {
        k: case_dicts.money_dict(dep, k)
        if k in ("wage_promised", "wage_received")
        else getattr(dep, k)
        for k in keys
    }


def _same_money(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (
        float(a["amount"]) == float(b["amount"])
        and a["currency"] == b["currency"]
        and a["per"] == b["per"]
    )


def _check_deployment(changes: Mapping[str, Any]) -> dict[str, Any]:
    changes = dict(changes)
    for key in ("wage_promised", "wage_received"):
        money = changes.get(key)
        if isinstance(money, Mapping):
            money = {k: clean(v) for k, v in money.items()}
            if money.get("currency"):
                money["currency"] = str(money["currency"]).upper()
            # A form with no amount means "not known", not an error.
            changes[key] = None if money.get("amount") is None else money
    if isinstance(changes.get("country"), str):
        changes["country"] = changes["country"].strip().upper()
    values = validate(casefile._DEPLOYMENT, "deployment", changes, DEPLOYMENT_FIELDS)
    held = values.get("passport_held_by")
    if held is not None and held not in vocab.enum("passport_held_by"):
        allowed = ", ".join(vocab.enum("passport_held_by"))
        raise InvalidEdit("deployment.passport_held_by", f"expected one of {allowed}")
    return values


def add_deployment(
    session: Session, case_id: int, values: Mapping[str, Any], actor: str = ACTOR
) -> int:
    case = load_case(session, case_id)
    checked = _check_deployment(values)
    position = max((d.position for d in case.deployments), default=-1) + 1
    dep = Deployment(position=position)
    _apply_deployment(dep, checked)
    case.deployments.append(dep)
    session.flush()
    finish_edit(session, case, "deployment.added", actor, {"deployment": dep.id})
    return dep.id


def update_deployment(
    session: Session,
    case_id: int,
    deployment_id: int,
    changes: Mapping[str, Any],
    actor: str = ACTOR,
) -> None:
    case = load_case(session, case_id)
    dep = find_item(case.deployments, deployment_id, "deployment", case)
    values = _check_deployment(changes)
    before = _deployment_values(dep, values)
    changed = _apply_deployment(dep, values)
    if changed:
        after = _deployment_values(dep, changed)
        keep_field_versions(
            session, case.id, f"deployment/{dep.id}", {k: before[k] for k in changed}, after, actor
        )
        finish_edit(
            session, case, "deployment.edited", actor, {"deployment": dep.id, "fields": changed}
        )


def remove_deployment(
    session: Session, case_id: int, deployment_id: int, actor: str = ACTOR
) -> None:
    case = load_case(session, case_id)
    dep = find_item(case.deployments, deployment_id, "deployment", case)
    keep_removed_versions(
        session,
        case.id,
        f"deployment/{dep.id}",
        _deployment_values(dep, DEPLOYMENT_FIELDS),
        actor,
    )
    case.deployments.remove(dep)
    session.flush()
    finish_edit(session, case, "deployment.removed", actor, {"deployment": deployment_id})


# -- indicators ----------------------------------------------------------------------------
def _check_code(code: str) -> None:
    if code not in vocab.indicators():
        raise InvalidEdit("indicator.code", "expected an ILO indicator code")


def add_indicator(
    session: Session, case_id: int, code: str, evidence: str | None = None, actor: str = ACTOR
) -> int:
    """One indicator with one evidence quote (quotes usually picked from a narrative)."""
    case = load_case(session, case_id)
    _check_code(code)
    evidence = clean(evidence)
    position = max((i.position for i in case.indicators), default=-1) + 1
    ind = Indicator(position=position, code=code, evidence=evidence)
    case.indicators.append(ind)
    session.flush()
    if evidence:
        record_text_version(
            session, case.id, f"indicator/{ind.id}/evidence", evidence, actor, "recorded"
        )
    finish_edit(session, case, "indicator.added", actor, {"indicator": ind.id, "code": code})
    return ind.id


def set_indicator_evidence(
    session: Session, case_id: int, indicator_id: int, evidence: str | None, actor: str = ACTOR
) -> None:
    case = load_case(session, case_id)
    ind = find_item(case.indicators, indicator_id, "indicator", case)
    evidence = clean(evidence)
    if ind.evidence == evidence:
        return
    ind.evidence = evidence
    key = f"indicator/{ind.id}/evidence"
    record_text_version(session, case.id, key, evidence or "", actor, "edited")
    finish_edit(
        session,
        case,
        "text.edited",
        actor,
        {"field": key, "sha256": case_service.sha256_text(evidence or "")},
    )


def remove_indicator(session: Session, case_id: int, indicator_id: int, actor: str = ACTOR) -> None:
    case = load_case(session, case_id)
    ind = find_item(case.indicators, indicator_id, "indicator", case)
    case.indicators.remove(ind)
    session.flush()
    finish_edit(
        session, case, "indicator.removed", actor, {"indicator": indicator_id, "code": ind.code}
    )
