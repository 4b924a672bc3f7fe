"""Interviews and the texts addressed by field keys (narratives, translations, evidence)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from nkcase.domain import casefile
from nkcase.errors import InvalidEdit
from nkcase.services import cases as case_service
from nkcase.services.editing._common import ACTOR, find_item, finish_edit, load_case, validate
from nkcase.services.editing.facts import set_indicator_evidence
from nkcase.vault.models import Interview, utcnow

log = logging.getLogger(__name__)

INTERVIEW_FIELDS = ("date", "place", "interviewer", "language", "translation_language")


def add_interview(
    session: Session, case_id: int, values: Mapping[str, Any], actor: str = ACTOR
) -> int:
    case = load_case(session, case_id)
    meta = _check_interview(values)
    position = max((i.position for i in case.interviews), default=-1) + 1
    iv = Interview(position=position, narrative="", **meta)
    case.interviews.append(iv)
    session.flush()
    finish_edit(session, case, "interview.added", actor, {"interview": iv.id})
    return iv.id


def _check_interview(values: Mapping[str, Any]) -> dict[str, Any]:
    values = dict(values)
    tlang = values.pop("translation_language", ...)
    checked = validate(casefile._INTERVIEW, "interview", values, INTERVIEW_FIELDS[:-1])
    if tlang is not ...:
        checked["translation_language"] = validate(
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
    iv = find_item(case.interviews, interview_id, "interview", case)
    values = _check_interview(changes)
    changed = sorted(k for k, v in values.items() if getattr(iv, k) != v)
    if not changed:
        return
    for key in changed:
        setattr(iv, key, values[key])
    finish_edit(session, case, "interview.edited", actor, {"interview": iv.id, "fields": changed})


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
            iv = find_item(case.interviews, num, "interview", case)
            if (getattr(iv, which) or "") == value:
                continue
            case_service.set_interview_text(session, case, num, which, value, actor)
            if which == "translation" and not iv.translation_language and value:
                iv.translation_language = "ko" if (iv.language or "en") != "ko" else "en"
        else:
            ind = find_item(case.indicators, num, "indicator", case)
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
        return getattr(find_item(case.interviews, num, "interview", case), which) or ""
    return find_item(case.indicators, num, "indicator", case).evidence or ""
