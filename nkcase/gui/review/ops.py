"""Worker operations for the redaction review (plain Python, no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nkcase.gui.editor import ops as editor_ops
from nkcase.redaction import api as redaction
from nkcase.redaction.store import save_decision
from nkcase.vault.vault import Vault


@dataclass
class ReviewState:
    case: dict[str, Any]
    fields: dict[str, redaction.FieldRedaction]

    @property
    def pending(self) -> list[tuple[str, redaction.Span]]:
        return [(k, s) for k, f in self.fields.items() for s in f.pending]

    @property
    def suggestions(self) -> list[tuple[str, redaction.Span]]:
        """What a person decides on: pattern hits and name suggestions (not registered terms)."""
        return [(k, s) for k, f in self.fields.items() for s in f.spans if s.source != "registry"]


def load(case_id: int) -> Callable[[Vault], ReviewState]:
    def op(vault: Vault) -> ReviewState:
        with vault.session() as session:
            snap = editor_ops.snapshot(session, case_id)
        result = redaction.redact_case(snap.case, snap.decisions, snap.registry)
        return ReviewState(snap.case, result.fields)

    return op


def store(case_id: int, decisions: list[redaction.Decision]) -> Callable[[Vault], ReviewState]:
    """Store the decisions in one transaction, then the fresh review state."""

    def op(vault: Vault) -> ReviewState:
        with vault.session() as session:
            for decision in decisions:
                save_decision(session, case_id, decision)
        return load(case_id)(vault)

    return op


def token_ranges(spans: list[redaction.Span]) -> list[tuple[int, int, str]]:
    """Where each applied token lands in the redacted text, with the span's status."""
    out: list[tuple[int, int, str]] = []
    shift = 0  # redacted offset minus original offset
    for s in redaction.applied_spans(spans):
        start = s.start + shift
        out.append((start, start + len(s.token), s.status))
        shift += len(s.token) - (s.end - s.start)
    return out
