"""Earlier versions of a text and a case's audit trail, read back for the history views."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nkcase.errors import InvalidEdit
from nkcase.services import audit
from nkcase.services import cases as case_service
from nkcase.services.editing.facts import DEPLOYMENT_FIELDS
from nkcase.services.editing.people import IDENTITY_FIELDS, RELATIVE_FIELDS, TERM_FIELDS
from nkcase.services.editing.texts import parse_field_key
from nkcase.vault.models import TextVersion

_ITEM_FIELDS = {"relative": RELATIVE_FIELDS, "term": TERM_FIELDS, "deployment": DEPLOYMENT_FIELDS}


def check_version_key(field_key: str) -> None:
    """A text's field key ("interview/3/narrative"...) or a versioned field's ("identity/name",
    "relative/4/name_ko", "term/2/text", "deployment/1/employer"); InvalidEdit otherwise."""
    parts = field_key.split("/")
    if len(parts) == 2 and parts[0] == "identity" and parts[1] in IDENTITY_FIELDS:
        return
    if (
        len(parts) == 3
        and parts[0] in _ITEM_FIELDS
        and parts[1].isdigit()
        and parts[2] in _ITEM_FIELDS[parts[0]]
    ):
        return
    try:
        parse_field_key(field_key)
    except InvalidEdit:
        raise InvalidEdit("field", "is not a field with versions") from None


def versioned_fields(session: Session, case_id: int) -> list[str]:
    """The field keys of this case that have kept versions (texts and edited fields)."""
    return sorted(
        session.scalars(
            select(TextVersion.field_key).where(TextVersion.case_id == case_id).distinct()
        )
    )


def text_versions(session: Session, case_id: int, field_key: str) -> list[dict[str, Any]]:
    """Every version of one text or edited field, oldest first."""
    check_version_key(field_key)
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
