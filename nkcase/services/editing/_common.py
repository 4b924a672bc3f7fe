"""What every edit shares: loading the case, validating like a case file, finishing an edit."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from nkcase.domain import casefile
from nkcase.errors import CaseFileError, CaseNotFound, InvalidEdit
from nkcase.services import audit
from nkcase.services import cases as case_service
from nkcase.vault.models import Case

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
