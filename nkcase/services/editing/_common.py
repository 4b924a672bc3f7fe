"""What every edit shares: loading the case, validating like a case file, finishing an edit."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from nkcase.domain import casefile
from nkcase.errors import CaseFileError, CaseNotFound, InvalidEdit
from nkcase.services import audit
from nkcase.services import cases as case_service
from nkcase.vault.models import Case, TextVersion

log = logging.getLogger(__name__)

ACTOR = audit.DEFAULT_ACTOR
T = TypeVar("T")

_STAND_INS: dict[Any, dict[str, str]] = {
    casefile._RELATIVE: {"relation": "x"},
    casefile._TERM: {"category": "other"},
    casefile._INTERVIEW: {"narrative": "x"},
    casefile._TRANSLATION: {"text": "x"},
}


def load_case(session: Session, case_id: int) -> Case:
    return case_service.find_case(session, str(case_id))


def clean(value: Any) -> Any:
    """Blank strings from a form mean "not known"."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def validate(
    checker: Callable[[Any, str], Any], where: str, changes: Mapping[str, Any], allowed: tuple
) -> dict[str, Any]:
    """Run a case-file validator on just the keys being changed; return the cleaned values."""
    unknown = [k for k in changes if k not in allowed]
    if unknown:
        raise InvalidEdit(f"{where}.{unknown[0]}", "is not a field that can be edited")
    cleaned = {k: clean(v) for k, v in changes.items()}
    # The validators check whole objects: stand-ins fill the required keys not being changed.
    stand_ins = {k: v for k, v in _STAND_INS.get(checker, {}).items() if k not in cleaned}
    try:
        checked = checker({**stand_ins, **cleaned}, where)
    except CaseFileError as exc:
        raise InvalidEdit(exc.path, exc.problem) from None
    return {k: checked.get(k) for k in cleaned}


def find_item(items: list[T], item_id: int, what: str, case: Case) -> T:
    for item in items:
        if getattr(item, "id", None) == item_id:
            return item
    raise CaseNotFound(f"Case {case.pseudonym} has no {what} {item_id}.")


def finish_edit(
    session: Session, case: Case, action: str, actor: str, detail: dict[str, Any]
) -> None:
    case_service.refresh_summary(session, case, actor)
    audit.record(session, action, case_id=case.id, actor=actor, detail=detail)
    log.debug("case %d: %s", case.id, action)


def record_text_version(
    session: Session, case_id: int, field_key: str, value: str, actor: str, action: str
) -> None:
    """Public wrapper: keep this version of a text (no-op if unchanged) and index it."""
    case_service._record_text(session, case_id, field_key, value, actor, action)


# -- versions of identifying fields -------------------------------------------------------------
# Identity, relatives, sensitive terms and deployments keep every earlier value of a field as a
# TextVersion under "identity/<field>", "relative/<id>/<field>", "term/<id>/<field>",
# "deployment/<id>/<field>". Unlike narratives these are not put in the search index (real
# names stay out of it) and the first version is taken at the first edit (the value before it).
def value_text(value: Any) -> str:
    """A field's value as the text kept in a version (lists and wages as JSON)."""
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _last_version(session: Session, case_id: int, field_key: str) -> TextVersion | None:
    return session.scalar(
        select(TextVersion)
        .where(TextVersion.case_id == case_id, TextVersion.field_key == field_key)
        .order_by(TextVersion.version.desc())
        .limit(1)
    )


def _add_version(
    session: Session, case_id: int, field_key: str, version: int, text: str, actor: str, action: str
) -> None:
    session.add(
        TextVersion(
            case_id=case_id,
            field_key=field_key,
            version=version,
            text=text,
            sha256=case_service.sha256_text(text),
            actor=actor,
            action=action,
        )
    )


def keep_field_versions(
    session: Session,
    case_id: int,
    prefix: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    actor: str,
) -> None:
    """Keep the values of changed fields: the one before (if not yet kept) and the new one."""
    for field in sorted(after):
        key = f"{prefix}/{field}"
        last = _last_version(session, case_id, key)
        version = last.version if last is not None else 0
        old = value_text(before.get(field))
        fresh = last is None or last.action == "removed"  # a removed item's id reused
        if old and (fresh or (last is not None and last.text != old)):
            version += 1
            _add_version(session, case_id, key, version, old, actor, "recorded")
        _add_version(session, case_id, key, version + 1, value_text(after[field]), actor, "edited")


def keep_removed_versions(
    session: Session, case_id: int, prefix: str, values: Mapping[str, Any], actor: str
) -> None:
    """A removed item's last word: each non-empty field kept as a version marked "removed"."""
    for field in sorted(values):
        text = value_text(values[field])
        if not text:
            continue
        key = f"{prefix}/{field}"
        last = _last_version(session, case_id, key)
        version = last.version + 1 if last is not None else 1
        _add_version(session, case_id, key, version, text, actor, "removed")
