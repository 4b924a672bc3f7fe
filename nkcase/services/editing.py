"""Structured edits of one case, shared by the GUI editor and any future CLI command.

Every function takes a Session and a case id, validates with the same rules as a case file
(:mod:`nkcase.domain.casefile`), keeps every earlier version of a text (``text_versions``),
appends to the audit log (ids, field names and hashes -- never case text) and refreshes the
case-list summary. Validation failures raise :class:`nkcase.errors.InvalidEdit`, whose message
names the field and never echoes the value.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from nkcase.domain import casefile, vocab
from nkcase.domain.dates import PartialDate
from nkcase.errors import CaseFileError, CaseNotFound, InvalidEdit
from nkcase.services import audit
from nkcase.services import cases as case_service
from nkcase.vault.models import (
    Case,
    Consent,
    Deployment,
    Identity,
    Indicator,
    Interview,
    Relative,
    SensitiveTerm,
    utcnow,
)

log = logging.getLogger(__name__)

ACTOR = audit.DEFAULT_ACTOR
T = TypeVar("T")

IDENTITY_FIELDS = (
    "ref",
    "name",
    "name_ko",
    "aliases",
    "sex",
    "birth_date",
    "hometown",
    "hometown_ko",
    "home_province",
    "phone",
    "occupation",
)
RELATIVE_FIELDS = ("relation", "name", "name_ko", "location", "details")
TERM_FIELDS = ("text", "text_ko", "category")
DEPLOYMENT_FIELDS = (
    "country",
    "region",
    "site",
    "sector",
    "employer",
    "dispatching_entity",
    "start",
    "end",
    "wage_promised",
    "wage_received",
    "hours_per_day",
    "rest_days_per_month",
    "passport_held_by",
    "left_by",
)
CONSENT_FIELDS = (
    "interview",
    "storage",
    "share_with",
    "identity_to_ohchr",
    "identity_to_governments",
    "public_attribution",
    "follow_up_contact",
    "given_on",
    "form_version",
    "language",
)
INTERVIEW_FIELDS = ("date", "place", "interviewer", "language", "translation_language")


_STAND_INS: dict[Any, dict[str, str]] = {
    casefile._RELATIVE: {"relation": "x"},
    casefile._TERM: {"category": "other"},
    casefile._INTERVIEW: {"narrative": "x"},
    casefile._TRANSLATION: {"text": "x"},
}


# -- helpers -------------------------------------------------------------------------------
def load_case(session: Session, case_id: int) -> Case:
    return case_service.find_case(session, str(case_id))


def _clean(value: Any) -> Any:
    """Blank strings from a form mean "not known"."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _validate(
    checker: Callable[[Any, str], Any], where: str, changes: Mapping[str, Any], allowed: tuple
) -> dict[str, Any]:
    """Run a case-file validator on just the keys being changed; return the cleaned values."""
    unknown = [k for k in changes if k not in allowed]
    if unknown:
        raise InvalidEdit(f"{where}.{unknown[0]}", "is not a field that can be edited")
    cleaned = {k: _clean(v) for k, v in changes.items()}
    # The validators check whole objects: stand-ins fill the required keys not being changed.
    stand_ins = {k: v for k, v in _STAND_INS.get(checker, {}).items() if k not in cleaned}
    try:
        checked = checker({**stand_ins, **cleaned}, where)
    except CaseFileError as exc:
        raise InvalidEdit(exc.path, exc.problem) from None
    return {k: checked.get(k) for k in cleaned}


def _find(items: list[T], item_id: int, what: str, case: Case) -> T:
    for item in items:
        if getattr(item, "id", None) == item_id:
            return item
    raise CaseNotFound(f"Case {case.pseudonym} has no {what} {item_id}.")


def _done(session: Session, case: Case, action: str, actor: str, detail: dict[str, Any]) -> None:
    case_service.refresh_summary(session, case, actor)
    audit.record(session, action, case_id=case.id, actor=actor, detail=detail)
    log.debug("case %d: %s", case.id, action)


def record_text_version(
    session: Session, case_id: int, field_key: str, value: str, actor: str, action: str
) -> None:
    """Public wrapper: keep this version of a text (no-op if unchanged) and index it."""
    case_service._record_text(session, case_id, field_key, value, actor, action)


# -- creating a case -----------------------------------------------------------------------
def create_case(
    session: Session,
    name: str | None = None,
    name_ko: str | None = None,
    interview_date: str | None = None,
    language: str | None = None,
    actor: str = ACTOR,
) -> Case:
    """A new case with its sealed identity, no consent yet and one empty interview."""
    values = _validate(
        casefile._INTERVIEWEE, "interviewee", {"name": name, "name_ko": name_ko}, IDENTITY_FIELDS
    )
    if not (values.get("name") or values.get("name_ko")):
        raise InvalidEdit("interviewee.name", "required (a name in either script)")
    date = _validate(casefile._INTERVIEW, "interview", {"date": interview_date}, ("date",))
    case = Case(pseudonym=case_service.new_pseudonym(session))
    case.identity = Identity(name=values["name"], name_ko=values["name_ko"], aliases=[])
    case.consent = Consent(
        interview=False,
        storage=False,
        share_with=[],
        identity_to_ohchr=False,
        identity_to_governments=False,
        public_attribution="none",
    )
    case.interviews = [
        Interview(position=0, date=date["date"], language=_clean(language), narrative="")
    ]
    session.add(case)
    session.flush()
    case_service.refresh_summary(session, case, actor)
    audit.record(
        session,
        "case.created",
        case_id=case.id,
        actor=actor,
        detail={"pseudonym": case.pseudonym, "interviews": 1, "source": "editor"},
    )
    return case


# -- identity ------------------------------------------------------------------------------
def update_identity(
    session: Session, case_id: int, changes: Mapping[str, Any], actor: str = ACTOR
) -> None:
    case = load_case(session, case_id)
    changes = dict(changes)
    ref = changes.pop("ref", ...)
    values = _validate(casefile._INTERVIEWEE, "interviewee", changes, IDENTITY_FIELDS[1:])
    if ref is not ...:
        ref = _clean(ref)
        if ref is not None:
            try:
                casefile._string(100)(ref, "ref")
            except CaseFileError as exc:
                raise InvalidEdit(exc.path, exc.problem) from None
        values["ref"] = ref
    ident = case.identity
    if "aliases" in values:
        values["aliases"] = [a.strip() for a in values["aliases"] or [] if a and a.strip()]
    name = values.get("name", ident.name)
    name_ko = values.get("name_ko", ident.name_ko)
    if not (name or name_ko):
        raise InvalidEdit("interviewee.name", "required (a name in either script)")
    changed = sorted(k for k, v in values.items() if getattr(ident, k) != v)
    if not changed:
        return
    for key in changed:
        setattr(ident, key, values[key])
    _done(session, case, "identity.edited", actor, {"fields": changed})


# -- relatives -----------------------------------------------------------------------------
def _next_letter(case: Case) -> str:
    """Letters stay with a relative for life: a removed B is never reused."""
    used = {r.role_letter for r in case.relatives}
    i = len(case.relatives)
    while case_service.role_letter(i) in used:
        i += 1
    return case_service.role_letter(i)


def add_relative(
    session: Session, case_id: int, values: Mapping[str, Any], actor: str = ACTOR
) -> int:
    case = load_case(session, case_id)
    checked = _validate(casefile._RELATIVE, "relative", values, RELATIVE_FIELDS)
    if not checked.get("relation"):
        raise InvalidEdit("relative.relation", "required (wife, son, mother...)")
    position = max((r.position for r in case.relatives), default=-1) + 1
    rel = Relative(
        position=position,
        role_letter=_next_letter(case),
        **{k: checked.get(k) for k in RELATIVE_FIELDS},
    )
    case.relatives.append(rel)
    session.flush()
    _done(session, case, "relative.added", actor, {"relative": rel.id})
    return rel.id


def update_relative(
    session: Session, case_id: int, relative_id: int, changes: Mapping[str, Any], actor: str = ACTOR
) -> None:
    case = load_case(session, case_id)
    rel = _find(case.relatives, relative_id, "relative", case)
    values = _validate(casefile._RELATIVE, "relative", changes, RELATIVE_FIELDS)
    if "relation" in values and not values["relation"]:
        raise InvalidEdit("relative.relation", "required (wife, son, mother...)")
    changed = sorted(k for k, v in values.items() if getattr(rel, k) != v)
    if not changed:
        return
    for key in changed:
        setattr(rel, key, values[key])
    _done(session, case, "relative.edited", actor, {"relative": rel.id, "fields": changed})


def remove_relative(session: Session, case_id: int, relative_id: int, actor: str = ACTOR) -> None:
    case = load_case(session, case_id)
    rel = _find(case.relatives, relative_id, "relative", case)
    case.relatives.remove(rel)
    session.flush()
    _done(session, case, "relative.removed", actor, {"relative": relative_id})


# -- sensitive terms -----------------------------------------------------------------------
def _check_term(values: dict[str, Any], where: str) -> None:
    if "category" in values and values["category"] not in vocab.enum("sensitive_term_category"):
        allowed = ", ".join(vocab.enum("sensitive_term_category"))
        raise InvalidEdit(f"{where}.category", f"expected one of {allowed}")


def add_term(session: Session, case_id: int, values: Mapping[str, Any], actor: str = ACTOR) -> int:
    case = load_case(session, case_id)
    checked = _validate(casefile._TERM, "term", {"category": "other", **values}, TERM_FIELDS)
    _check_term(checked, "term")
    if not (checked.get("text") or checked.get("text_ko")):
        raise InvalidEdit("term.text", "required (in either script)")
    position = max((t.position for t in case.sensitive_terms), default=-1) + 1
    term = SensitiveTerm(position=position, **{k: checked.get(k) for k in TERM_FIELDS})
    case.sensitive_terms.append(term)
    session.flush()
    _done(session, case, "term.added", actor, {"term": term.id, "category": term.category})
    return term.id


def update_term(
    session: Session, case_id: int, term_id: int, changes: Mapping[str, Any], actor: str = ACTOR
) -> None:
    case = load_case(session, case_id)
    term = _find(case.sensitive_terms, term_id, "sensitive term", case)
    values = _validate(casefile._TERM, "term", changes, TERM_FIELDS)
    _check_term(values, "term")
    text = values.get("text", term.text)
    text_ko = values.get("text_ko", term.text_ko)
    if not (text or text_ko):
        raise InvalidEdit("term.text", "required (in either script)")
    changed = sorted(k for k, v in values.items() if getattr(term, k) != v)
    if not changed:
        return
    for key in changed:
        setattr(term, key, values[key])
    _done(session, case, "term.edited", actor, {"term": term.id, "fields": changed})


def remove_term(session: Session, case_id: int, term_id: int, actor: str = ACTOR) -> None:
    case = load_case(session, case_id)
    term = _find(case.sensitive_terms, term_id, "sensitive term", case)
    case.sensitive_terms.remove(term)
    session.flush()
    _done(session, case, "term.removed", actor, {"term": term_id})


# -- deployments ---------------------------------------------------------------------------
def _apply_deployment(dep: Deployment, values: dict[str, Any]) -> list[str]:
    changed: list[str] = []
    for key, value in values.items():
        if key in ("wage_promised", "wage_received"):
            current = case_service._money_dict(dep, key)
            new = None if value is None else dict(value)
            if current != new and not (current and new and _same_money(current, new)):
                case_service._money(dep, key, new)
                changed.append(key)
        elif getattr(dep, key) != value:
            setattr(dep, key, value)
            changed.append(key)
    start, end = dep.start, dep.end
    if start and end and PartialDate.parse(end).first_day() < PartialDate.parse(start).first_day():
        raise InvalidEdit("deployment.end", "is before start")
    return sorted(changed)


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
            money = {k: _clean(v) for k, v in money.items()}
            if money.get("currency"):
                money["currency"] = str(money["currency"]).upper()
            # A form with no amount means "not known", not an error.
            changes[key] = None if money.get("amount") is None else money
    if isinstance(changes.get("country"), str):
        changes["country"] = changes["country"].strip().upper()
    values = _validate(casefile._DEPLOYMENT, "deployment", changes, DEPLOYMENT_FIELDS)
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
    _done(session, case, "deployment.added", actor, {"deployment": dep.id})
    return dep.id


def update_deployment(
    session: Session,
    case_id: int,
    deployment_id: int,
    changes: Mapping[str, Any],
    actor: str = ACTOR,
) -> None:
    case = load_case(session, case_id)
    dep = _find(case.deployments, deployment_id, "deployment", case)
    changed = _apply_deployment(dep, _check_deployment(changes))
    if changed:
        _done(session, case, "deployment.edited", actor, {"deployment": dep.id, "fields": changed})


def remove_deployment(
    session: Session, case_id: int, deployment_id: int, actor: str = ACTOR
) -> None:
    case = load_case(session, case_id)
    dep = _find(case.deployments, deployment_id, "deployment", case)
    case.deployments.remove(dep)
    session.flush()
    _done(session, case, "deployment.removed", actor, {"deployment": deployment_id})


def share_withheld(
    promised: Mapping[str, Any] | None, received: Mapping[str, Any] | None
) -> float | None:
    """The share of the promised wage never paid (same currency and period), else None."""
    if not promised or not received:
        return None
    p, r = promised.get("amount"), received.get("amount")
    if not isinstance(p, int | float) or not isinstance(r, int | float) or p <= 0:
        return None
    if promised.get("currency") != received.get("currency"):
        return None
    if promised.get("per") != received.get("per"):
        return None
    return round(max(0.0, min(1.0, 1 - r / p)), 3)


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
    evidence = _clean(evidence)
    position = max((i.position for i in case.indicators), default=-1) + 1
    ind = Indicator(position=position, code=code, evidence=evidence)
    case.indicators.append(ind)
    session.flush()
    if evidence:
        record_text_version(
            session, case.id, f"indicator/{ind.id}/evidence", evidence, actor, "recorded"
        )
    _done(session, case, "indicator.added", actor, {"indicator": ind.id, "code": code})
    return ind.id


def set_indicator_evidence(
    session: Session, case_id: int, indicator_id: int, evidence: str | None, actor: str = ACTOR
) -> None:
    case = load_case(session, case_id)
    ind = _find(case.indicators, indicator_id, "indicator", case)
    evidence = _clean(evidence)
    if ind.evidence == evidence:
        return
    ind.evidence = evidence
    key = f"indicator/{ind.id}/evidence"
    record_text_version(session, case.id, key, evidence or "", actor, "edited")
    _done(
        session,
        case,
        "text.edited",
        actor,
        {"field": key, "sha256": case_service.sha256_text(evidence or "")},
    )


def remove_indicator(session: Session, case_id: int, indicator_id: int, actor: str = ACTOR) -> None:
    case = load_case(session, case_id)
    ind = _find(case.indicators, indicator_id, "indicator", case)
    case.indicators.remove(ind)
    session.flush()
    _done(session, case, "indicator.removed", actor, {"indicator": indicator_id, "code": ind.code})


# -- consent -------------------------------------------------------------------------------
def update_consent(
    session: Session, case_id: int, changes: Mapping[str, Any], actor: str = ACTOR
) -> None:
    """Gates G0-G6 and the form details. A withdrawal goes through :func:`withdraw_consent`."""
    case = load_case(session, case_id)
    changes = dict(changes)
    if "withdrawn_on" in changes:
        raise InvalidEdit("consent.withdrawn_on", "record a withdrawal with its own action")
    follow_up = changes.pop("follow_up_contact", ...)
    values = _validate(casefile._CONSENT, "consent", changes, CONSENT_FIELDS)
    if follow_up is not ...:
        if follow_up is not None and not isinstance(follow_up, bool):
            raise InvalidEdit("consent.follow_up_contact", "expected true, false or unknown")
        values["follow_up_contact"] = follow_up
    for flag in ("interview", "storage", "identity_to_ohchr", "identity_to_governments"):
        if flag in values and values[flag] is None:
            values[flag] = False
    if "share_with" in values:
        values["share_with"] = sorted(set(values["share_with"] or []))
    if "public_attribution" in values and values["public_attribution"] is None:
        values["public_attribution"] = "none"
    consent = case.consent
    changed = sorted(k for k, v in values.items() if getattr(consent, k) != v)
    if not changed:
        return
    for key in changed:
        setattr(consent, key, values[key])
    _done(
        session,
        case,
        "consent.edited",
        actor,
        {"fields": changed, "share_with": list(consent.share_with or [])},
    )


def withdraw_consent(session: Session, case_id: int, on: str, actor: str = ACTOR) -> None:
    """Record that the witness withdrew consent on ``on``: no later export of this case."""
    case = load_case(session, case_id)
    on = _validate(casefile._CONSENT, "consent", {"withdrawn_on": on}, ("withdrawn_on",))[
        "withdrawn_on"
    ]
    if not on:
        raise InvalidEdit("consent.withdrawn_on", "required (the date of the withdrawal)")
    if case.consent.withdrawn_on == on:
        return
    case.consent.withdrawn_on = on
    _done(session, case, "consent.withdrawn", actor, {"withdrawn_on": on})


# -- interviews and texts ------------------------------------------------------------------
def add_interview(
    session: Session, case_id: int, values: Mapping[str, Any], actor: str = ACTOR
) -> int:
    case = load_case(session, case_id)
    meta = _check_interview(values)
    position = max((i.position for i in case.interviews), default=-1) + 1
    iv = Interview(position=position, narrative="", **meta)
    case.interviews.append(iv)
    session.flush()
    _done(session, case, "interview.added", actor, {"interview": iv.id})
    return iv.id


def _check_interview(values: Mapping[str, Any]) -> dict[str, Any]:
    values = dict(values)
    tlang = values.pop("translation_language", ...)
    checked = _validate(casefile._INTERVIEW, "interview", values, INTERVIEW_FIELDS[:-1])
    if tlang is not ...:
        checked["translation_language"] = _validate(
            casefile._TRANSLATION, "interview.translation", {"language": tlang}, ("language",)
        )["language"]
    return checked


def update_interview(
    session: Session,
    case_id: int,
    interview_id: int,
    changes: Mapping[str, Any],
    actor: str = ACTOR,
) -> None:
    case = load_case(session, case_id)
    iv = _find(case.interviews, interview_id, "interview", case)
    values = _check_interview(changes)
    changed = sorted(k for k, v in values.items() if getattr(iv, k) != v)
    if not changed:
        return
    for key in changed:
        setattr(iv, key, values[key])
    _done(session, case, "interview.edited", actor, {"interview": iv.id, "fields": changed})


def parse_field_key(field_key: str) -> tuple[str, int, str]:
    """ "interview/12/narrative" -> ("interview", 12, "narrative")."""
    parts = field_key.split("/")
    if len(parts) != 3 or not parts[1].isdigit():
        raise InvalidEdit("field", "is not a known text field")
    kind, num, which = parts
    if (kind, which) not in (
        ("interview", "narrative"),
        ("interview", "translation"),
        ("indicator", "evidence"),
    ):
        raise InvalidEdit("field", "is not a known text field")
    return kind, int(num), which


def save_texts(
    session: Session, case_id: int, texts: Mapping[str, str], actor: str = ACTOR
) -> list[str]:
    """Save several texts at once (autosave); returns the field keys that really changed."""
    case = load_case(session, case_id)
    changed: list[str] = []
    for key, value in texts.items():
        kind, num, which = parse_field_key(key)
        if kind == "interview":
            iv = _find(case.interviews, num, "interview", case)
            if (getattr(iv, which) or "") == value:
                continue
            case_service.set_interview_text(session, case, num, which, value, actor)
            if which == "translation" and not iv.translation_language and value:
                iv.translation_language = "ko" if (iv.language or "en") != "ko" else "en"
        else:
            ind = _find(case.indicators, num, "indicator", case)
            if (ind.evidence or "") == value:
                continue
            set_indicator_evidence(session, case.id, num, value, actor)
        changed.append(key)
    if changed:
        case.updated_at = utcnow()
    return changed


def read_text(session: Session, case_id: int, field_key: str) -> str:
    case = load_case(session, case_id)
    kind, num, which = parse_field_key(field_key)
    if kind == "interview":
        return getattr(_find(case.interviews, num, "interview", case), which) or ""
    return _find(case.indicators, num, "indicator", case).evidence or ""


# -- history -------------------------------------------------------------------------------
def text_versions(session: Session, case_id: int, field_key: str) -> list[dict[str, Any]]:
    """Every version of one text, oldest first."""
    parse_field_key(field_key)
    return [
        {
            "version": v.version,
            "text": v.text,
            "sha256": v.sha256,
            "actor": v.actor,
            "action": v.action,
            "at": v.created_at.isoformat(timespec="seconds") + "Z",
        }
        for v in case_service.text_history(session, case_id, field_key)
    ]


def audit_trail(session: Session, case_id: int) -> list[dict[str, Any]]:
    """This case's entries of the hash-chained audit log, oldest first."""
    return [
        {
            "id": e.id,
            "at": e.at.isoformat(timespec="seconds") + "Z",
            "actor": e.actor,
            "action": e.action,
            "detail": dict(e.detail or {}),
            "hash": e.hash,
        }
        for e in audit.case_history(session, case_id)
    ]
