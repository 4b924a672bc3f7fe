"""Structured edits of one case, shared by the GUI editor and any future CLI command.

Every function takes a Session and a case id, validates with the same rules as a case file
(:mod:`nkcase.domain.casefile`), keeps every earlier version of a text and of every edited
identity, relative, sensitive-term and deployment field (``text_versions``),
appends to the audit log (ids, field names and hashes -- never case text) and refreshes the
case-list summary. Validation failures raise :class:`nkcase.errors.InvalidEdit`, whose message
names the field and never echoes the value.

One module per part of a case: :mod:`.people` (creating a case, identity, relatives,
sensitive terms), :mod:`.facts` (deployments, indicators), :mod:`.consent`, :mod:`.texts`
(interviews and the texts addressed by field keys), :mod:`.history` (text versions, audit
trail), :mod:`.proposals` (the finder's proposals cached per text version, computed after a
save has committed). Callers import them all from here.
"""

from __future__ import annotations

from nkcase.domain.money import share_withheld
from nkcase.services.editing._common import ACTOR, load_case, record_text_version
from nkcase.services.editing.consent import CONSENT_FIELDS, update_consent, withdraw_consent
from nkcase.services.editing.facts import (
    DEPLOYMENT_FIELDS,
    add_deployment,
    add_indicator,
    remove_deployment,
    remove_indicator,
    set_indicator_evidence,
    update_deployment,
)
from nkcase.services.editing.history import audit_trail, text_versions, versioned_fields
from nkcase.services.editing.people import (
    IDENTITY_FIELDS,
    RELATIVE_FIELDS,
    TERM_FIELDS,
    add_relative,
    add_term,
    create_case,
    remove_relative,
    remove_term,
    update_identity,
    update_relative,
    update_term,
)
from nkcase.services.editing.proposals import missing_texts, propose_cases, propose_texts
from nkcase.services.editing.texts import (
    INTERVIEW_FIELDS,
    add_interview,
    parse_field_key,
    read_text,
    save_texts,
    update_interview,
)

__all__ = [
    "ACTOR",
    "CONSENT_FIELDS",
    "DEPLOYMENT_FIELDS",
    "IDENTITY_FIELDS",
    "INTERVIEW_FIELDS",
    "RELATIVE_FIELDS",
    "TERM_FIELDS",
    "add_deployment",
    "add_indicator",
    "add_interview",
    "add_relative",
    "add_term",
    "audit_trail",
    "create_case",
    "load_case",
    "missing_texts",
    "parse_field_key",
    "propose_cases",
    "propose_texts",
    "read_text",
    "record_text_version",
    "remove_deployment",
    "remove_indicator",
    "remove_relative",
    "remove_term",
    "save_texts",
    "set_indicator_evidence",
    "share_withheld",
    "text_versions",
    "update_consent",
    "update_deployment",
    "update_identity",
    "update_interview",
    "update_relative",
    "update_term",
    "versioned_fields",
    "withdraw_consent",
]
