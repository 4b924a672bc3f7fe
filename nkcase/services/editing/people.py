"""The interviewee's sealed identity, relatives and sensitive terms; creating a case."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from nkcase.domain import casefile, vocab
from nkcase.errors import CaseFileError, InvalidEdit
from nkcase.services import audit
from nkcase.services import cases as case_service
from nkcase.services.editing._common import (
    ACTOR,
    clean,
    find_item,
    finish_edit,
    keep_field_versions,
    keep_removed_versions,
    load_case,
    validate,
)
from nkcase.vault.models import Case, Consent, Identity, Interview, Relative, SensitiveTerm

log = logging.getLogger(__name__)

IDENTITY_FIELDS = ("ref", *casefile.INTERVIEWEE_KEYS)
RELATIVE_FIELDS = casefile.RELATIVE_KEYS
TERM_FIELDS = casefile.TERM_KEYS


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
    values = validate(
        casefile._INTERVIEWEE, "interviewee", {"name": name, "name_ko": name_ko}, IDENTITY_FIELDS
    )
    if not (values.get("name") or values.get("name_ko")):
        raise InvalidEdit("interviewee.name", "required (a name in either script)")
    date = validate(casefile._INTERVIEW, "interview", {"date": interview_date}, ("date",))
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
        Interview(position=0, date=date["date"], language=clean(language), narrative="")
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
    values = validate(casefile._INTERVIEWEE, "interviewee", changes, IDENTITY_FIELDS[1:])
    if ref is not ...:
        ref = clean(ref)
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
    before = {k: getattr(ident, k) for k in changed}
    for key in changed:
        setattr(ident, key, values[key])
    after = {k: values[k] for k in changed}
    keep_field_versions(session, case.id, "identity", before, after, actor)
    finish_edit(session, case, "identity.edited", actor, {"fields": changed})


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
    checked = validate(casefile._RELATIVE, "relative", values, RELATIVE_FIELDS)
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
    finish_edit(session, case, "relative.added", actor, {"relative": rel.id})
    return rel.id


def update_relative(
    session: Session, case_id: int, relative_id: int, changes: Mapping[str, Any], actor: str = ACTOR
) -> None:
    case = load_case(session, case_id)
    rel = find_item(case.relatives, relative_id, "relative", case)
    values = validate(casefile._RELATIVE, "relative", changes, RELATIVE_FIELDS)
    if "relation" in values and not values["relation"]:
        raise InvalidEdit("relative.relation", "required (wife, son, mother...)")
    changed = sorted(k for k, v in values.items() if getattr(rel, k) != v)
    if not changed:
        return
    before = {k: getattr(rel, k) for k in changed}
    for key in changed:
        setattr(rel, key, values[key])
    after = {k: values[k] for k in changed}
    keep_field_versions(session, case.id, f"relative/{rel.id}", before, after, actor)
    finish_edit(session, case, "relative.edited", actor, {"relative": rel.id, "fields": changed})


def remove_relative(session: Session, case_id: int, relative_id: int, actor: str = ACTOR) -> None:
    case = load_case(session, case_id)
    rel = find_item(case.relatives, relative_id, "relative", case)
    values = {k: getattr(rel, k) for k in RELATIVE_FIELDS}
    keep_removed_versions(session, case.id, f"relative/{rel.id}", values, actor)
    case.relatives.remove(rel)
    session.flush()
    finish_edit(session, case, "relative.removed", actor, {"relative": relative_id})


# -- sensitive terms -----------------------------------------------------------------------
def _check_term(values: dict[str, Any], where: str) -> None:
    if "category" in values and values["category"] not in vocab.enum("sensitive_term_category"):
        allowed = ", ".join(vocab.enum("sensitive_term_category"))
        raise InvalidEdit(f"{where}.category", f"expected one of {allowed}")


def add_term(session: Session, case_id: int, values: Mapping[str, Any], actor: str = ACTOR) -> int:
    case = load_case(session, case_id)
    checked = validate(casefile._TERM, "term", {"category": "other", **values}, TERM_FIELDS)
    _check_term(checked, "term")
    if not (checked.get("text") or checked.get("text_ko")):
        raise InvalidEdit("term.text", "required (in either script)")
    position = max((t.position for t in case.sensitive_terms), default=-1) + 1
    term = SensitiveTerm(position=position, **{k: checked.get(k) for k in TERM_FIELDS})
    case.sensitive_terms.append(term)
    session.flush()
    finish_edit(session, case, "term.added", actor, {"term": term.id, "category": term.category})
    return term.id


def update_term(
    session: Session, case_id: int, term_id: int, changes: Mapping[str, Any], actor: str = ACTOR
) -> None:
    case = load_case(session, case_id)
    term = find_item(case.sensitive_terms, term_id, "sensitive term", case)
    values = validate(casefile._TERM, "term", changes, TERM_FIELDS)
    _check_term(values, "term")
    text = values.get("text", term.text)
    text_ko = values.get("text_ko", term.text_ko)
    if not (text or text_ko):
        raise InvalidEdit("term.text", "required (in either script)")
    changed = sorted(k for k, v in values.items() if getattr(term, k) != v)
    if not changed:
        return
    before = {k: getattr(term, k) for k in changed}
    for key in changed:
        setattr(term, key, values[key])
    after = {k: values[k] for k in changed}
    keep_field_versions(session, case.id, f"term/{term.id}", before, after, actor)
    finish_edit(session, case, "term.edited", actor, {"term": term.id, "fields": changed})


def remove_term(session: Session, case_id: int, term_id: int, actor: str = ACTOR) -> None:
    case = load_case(session, case_id)
    term = find_item(case.sensitive_terms, term_id, "sensitive term", case)
    values = {k: getattr(term, k) for k in TERM_FIELDS}
    keep_removed_versions(session, case.id, f"term/{term.id}", values, actor)
    case.sensitive_terms.remove(term)
    session.flush()
    finish_edit(session, case, "term.removed", actor, {"term": term_id})
