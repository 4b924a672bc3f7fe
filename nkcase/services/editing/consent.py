"""Consent: the gates an export is checked against, and its withdrawal."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from nkcase.domain import casefile
from nkcase.errors import InvalidEdit
from nkcase.services.editing._common import ACTOR, finish_edit, load_case, validate

log = logging.getLogger(__name__)

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


def update_consent(
    session: Session, case_id: int, changes: Mapping[str, Any], actor: str = ACTOR
) -> None:
    """Gates G0-G6 and the form details. A withdrawal goes through :func:`withdraw_consent`."""
    case = load_case(session, case_id)
    changes = dict(changes)
    if "withdrawn_on" in changes:
        raise InvalidEdit("consent.withdrawn_on", "record a withdrawal with its own action")
    follow_up = changes.pop("follow_up_contact", ...)
    values = validate(casefile._CONSENT, "consent", changes, CONSENT_FIELDS)
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
    finish_edit(
        session,
        case,
        "consent.edited",
        actor,
        {"fields": changed, "share_with": list(consent.share_with or [])},
    )


def withdraw_consent(session: Session, case_id: int, on: str, actor: str = ACTOR) -> None:
    """Record that the witness withdrew consent on ``on``: no later export of this case."""
    case = load_case(session, case_id)
    on = validate(casefile._CONSENT, "consent", {"withdrawn_on": on}, ("withdrawn_on",))[
        "withdrawn_on"
    ]
    if not on:
        raise InvalidEdit("consent.withdrawn_on", "required (the date of the withdrawal)")
    if case.consent.withdrawn_on == on:
        return
    case.consent.withdrawn_on = on
    finish_edit(session, case, "consent.withdrawn", actor, {"withdrawn_on": on})
