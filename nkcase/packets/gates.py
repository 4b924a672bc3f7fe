"""Consent gates G0-G6 (spec/vocabularies.md), checked before anything is built.

G0, G1 and G2-for-this-target are required; a withdrawal blocks every export. G3 (identity to
OHCHR in confidence) only ever applies to ``ohchr_seoul``. G4 (identity in a letter to a
government) defaults to no and never puts identity in a packet: it is recorded, not acted on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from nkcase.domain import vocab
from nkcase.domain.dates import PartialDate
from nkcase.errors import ExportRefused, UsageError

log = logging.getLogger(__name__)

OHCHR = "ohchr_seoul"


@dataclass(frozen=True)
class GateDecision:
    """What the consent allows for one case and one target."""

    target: str
    identity_to_ohchr: bool  # G3 and the target is OHCHR
    identity_to_governments: bool  # G4 as given (recorded only)
    public_attribution: str  # G5
    follow_up_contact: bool | None  # G6

    @property
    def include_identity(self) -> bool:
        return self.target == OHCHR and self.identity_to_ohchr


def check_target(target: str) -> None:
    if target not in vocab.targets():
        known = ", ".join(sorted(vocab.targets()))
        raise UsageError(f"unknown target {target!r} (one of: {known})")


def check_gates(case: dict[str, Any], target: str) -> GateDecision:
    """Raise ExportRefused naming the case and the first missing gate, else what is allowed."""
    check_target(target)
    name = case.get("pseudonym") or f"case {case.get('id')}"
    consent = case.get("consent") or {}
    if consent.get("withdrawn_on"):
        raise ExportRefused(
            f"{name}: consent was withdrawn on {consent['withdrawn_on']}; "
            "this case can no longer be exported"
        )
    if consent.get("interview") is not True:
        raise ExportRefused(f"{name}: consent gate G0 (interview and recording) is missing")
    if consent.get("storage") is not True:
        raise ExportRefused(f"{name}: consent gate G1 (storage and internal use) is missing")
    if target not in (consent.get("share_with") or []):
        raise ExportRefused(
            f"{name}: consent gate G2 for target {target} (share an anonymised packet) is missing"
        )
    attribution = consent.get("public_attribution") or "none"
    return GateDecision(
        target=target,
        identity_to_ohchr=target == OHCHR and consent.get("identity_to_ohchr") is True,
        identity_to_governments=consent.get("identity_to_governments") is True,
        public_attribution=attribution if attribution in ("name", "initials") else "none",
        follow_up_contact=consent.get("follow_up_contact"),
    )


def _month(text: Any) -> str | None:
    """A consent date as packets give dates: to the month, like submission.json's events and
    interviews (a day-precise date here would single the interview out)."""
    if not text:
        return None
    try:
        return PartialDate.parse(str(text)).to_month()
    except ValueError:
        return None


def consent_record(case: dict[str, Any], decision: GateDecision) -> dict[str, Any]:
    """The consent.json entry: the gates that allowed this export; no names, no signatures;
    the date consent was given to the month."""
    consent = case.get("consent") or {}
    gates: dict[str, Any] = {"G0": True, "G1": True, "G2": True}
    # G3 only means something for OHCHR; elsewhere it is not part of what allowed the export.
    if decision.target == OHCHR:
        gates["G3"] = decision.identity_to_ohchr
    gates["G4"] = decision.identity_to_governments
    gates["G5"] = decision.public_attribution
    if decision.follow_up_contact is not None:
        gates["G6"] = decision.follow_up_contact
    return {
        "case": case.get("pseudonym"),
        "gates": gates,
        "form_version": consent.get("form_version"),
        "language": consent.get("language"),
        "given_on": _month(consent.get("given_on")),
        "withdrawn": False,
    }
