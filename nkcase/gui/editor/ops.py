"""Operations the editor hands to the DB worker: plain Python, no Qt, no widgets.

Each runs on the worker thread with the open Vault and returns plain values (never ORM objects).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from nkcase.redaction import api as redaction
from nkcase.redaction.store import ProposalCache, load_decisions
from nkcase.services import cases, editing
from nkcase.vault.vault import Vault


@dataclass
class Snapshot:
    """One case as the editor shows it, with what highlighting and review need."""

    case: dict[str, Any]
    decisions: list[redaction.Decision] = field(default_factory=list)
    registry: redaction.Registry | None = field(default=None, repr=False)
    #: the finder's proposals cached for the case's texts as saved (text -> detections), so
    #: highlighting a text just opened never runs the finder
    proposals: dict[str, list[redaction.Detection]] = field(default_factory=dict, repr=False)

    @property
    def case_id(self) -> int:
        return int(self.case["id"])

    @property
    def pseudonym(self) -> str:
        return str(self.case["pseudonym"])


def snapshot(session: Session, case_id: int) -> Snapshot:
    found = cases.find_case(session, str(case_id))
    case = cases.case_to_dict(found, identity=True)
    # The editor needs to address deployments too (case_to_dict gives them no id).
    for row, dep in zip(case["deployments"], found.deployments, strict=True):
        row["id"] = dep.id
    decisions = load_decisions(session, case_id)  # as the packet exporter reads them
    cache = ProposalCache(session)
    proposals: dict[str, list[redaction.Detection]] = {}
    for text in redaction.text_fields(case).values():
        cached = cache(text)
        if cached is not None:
            proposals[text] = cached
    return Snapshot(case, decisions, redaction.build_registry(case, decisions), proposals)


def load(case_id: int) -> Callable[[Vault], Snapshot]:
    def op(vault: Vault) -> Snapshot:
        with vault.session() as session:
            return snapshot(session, case_id)

    return op


def edit(
    case_id: int, fn: Callable[..., Any], *args: Any, **kwargs: Any
) -> Callable[[Vault], tuple[Any, Snapshot]]:
    """``fn(session, case_id, *args)`` in its own transaction, then the fresh snapshot."""

    def op(vault: Vault) -> tuple[Any, Snapshot]:
        with vault.session() as session:
            result = fn(session, case_id, *args, **kwargs)
        with vault.session() as session:
            return result, snapshot(session, case_id)

    return op


def save_texts(
    case_id: int, texts: Mapping[str, str], propose: bool = True
) -> Callable[[Vault], list[str]]:
    """Save texts; then (``propose``) cache the finder's proposals for those that changed.

    The autosave passes ``propose=False`` and lets the editor queue :func:`propose` as a job of
    its own, so that a save's result, and a lock, never wait for the finder.
    """
    frozen = dict(texts)

    def op(vault: Vault) -> list[str]:
        with vault.session() as session:
            changed = editing.save_texts(session, case_id, frozen)
        if propose:  # after the save has committed
            editing.propose_texts(vault, case_id, changed)
        return changed

    return op


def propose(case_id: int, wanted: Callable[[], bool]) -> Callable[[Vault], int]:
    """Cache the finder's proposals for the case's texts not analysed yet (after a save).

    ``wanted`` is read on the worker when the job starts (flags only): false when a lock was
    asked for meanwhile, and the finder is not run.
    """

    def op(vault: Vault) -> int:
        return editing.propose_texts(vault, case_id) if wanted() else 0

    return op


def history(case_id: int, field_key: str | None) -> Callable[[Vault], dict[str, Any]]:
    def op(vault: Vault) -> dict[str, Any]:
        with vault.session() as session:
            return {
                "versions": editing.text_versions(session, case_id, field_key) if field_key else [],
                "audit": editing.audit_trail(session, case_id),
            }

    return op


def spans_for(
    text: str,
    registry: redaction.Registry,
    decisions: list[redaction.Decision],
    field_key: str,
    proposals: Mapping[str, list[redaction.Detection]] | None = None,
) -> Callable[[], list[redaction.Span]]:
    """Registry hits and suggestions for one text (no vault needed: run with worker.run);
    ``proposals``: cached proposals by text (the finder runs only for a text not in it)."""
    provider = proposals.get if proposals else None

    def op() -> list[redaction.Span]:
        return redaction.redact_text(text, registry, decisions, field_key, provider).spans

    return op
