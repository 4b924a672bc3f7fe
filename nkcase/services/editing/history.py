"""Earlier versions of a text and a case's audit trail, read back for the history views."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from nkcase.services import audit
from nkcase.services import cases as case_service
from nkcase.services.editing.texts import parse_field_key


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
