"""Worker operations for the redaction review (plain Python, no Qt).

Opening the review never waits for the finder: :func:`load` reads the proposals cached in the
vault and lists the texts that have none yet (``ReviewState.finding``); the widget then runs
:func:`find` once per such text, each a job of its own on the worker (so an autosave can slip
in between), and loads again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nkcase.gui.editor import ops as editor_ops
from nkcase.redaction import api as redaction
from nkcase.redaction.review import KEEP_RULE, keep_key
from nkcase.redaction.store import save_decision
from nkcase.services import editing, keeplist
from nkcase.vault.vault import Vault


@dataclass
class Group:
    """Every occurrence of one proposed text (folded) in one category, across the case's texts."""

    text: str  # as first written
    category: str
    source: str
    occurrences: list[tuple[str, redaction.Span]] = field(default_factory=list)

    @property
    def pending(self) -> list[tuple[str, redaction.Span]]:
        return [(k, s) for k, s in self.occurrences if s.status == "pending"]

    @property
    def status(self) -> str:
        """pending | accepted | rejected | kept (keep list) | mixed."""
        if self.pending:
            return "pending"
        statuses = {"kept" if s.rule == KEEP_RULE else s.status for _k, s in self.occurrences}
        return statuses.pop() if len(statuses) == 1 else "mixed"


@dataclass
class ReviewState:
    case: dict[str, Any]
    fields: dict[str, redaction.FieldRedaction]
    #: field keys whose proposals are not computed yet (shown without them, export held back)
    finding: list[str] = field(default_factory=list)

    @property
    def pending(self) -> list[tuple[str, redaction.Span]]:
        return [(k, s) for k, f in self.fields.items() for s in f.pending]

    @property
    def suggestions(self) -> list[tuple[str, redaction.Span]]:
        """What a person decides on: pattern hits and name suggestions (not registered terms)."""
        return [(k, s) for k, f in self.fields.items() for s in f.spans if s.source != "registry"]

    @property
    def groups(self) -> list[Group]:
        """Suggestions grouped by folded text and category, in order of first appearance."""
        out: dict[tuple[str, str], Group] = {}
        for key, span in self.suggestions:
            gkey = (keep_key(span.text), span.category)
            group = out.get(gkey)
            if group is None:
                group = out[gkey] = Group(span.text, span.category, span.source)
            group.occurrences.append((key, span))
        return list(out.values())


def load(case_id: int) -> Callable[[Vault], ReviewState]:
    def op(vault: Vault) -> ReviewState:
        with vault.session() as session:
            snap = editor_ops.snapshot(session, case_id)  # with the cached proposals
        found = snap.proposals
        texts = redaction.text_fields(snap.case)
        missing = [k for k, text in texts.items() if text not in found]

        def cached(text: str) -> list[redaction.Detection]:
            # A text not analysed yet is shown without proposals for now (never the finder here:
            # opening a case must not wait for it); ``finding`` holds the export back meanwhile.
            return found.get(text) or []

        result = redaction.redact_case(snap.case, snap.decisions, snap.registry, cached)
        return ReviewState(snap.case, result.fields, missing)

    return op


def find(
    case_id: int, field_key: str, wanted: Callable[[], bool] = lambda: True
) -> Callable[[Vault], int]:
    """Run the finder on one text of the case and cache its proposals.

    ``wanted`` is read on the worker when the job starts (flags only): false when a lock was
    asked for meanwhile, so queued analyses never hold a lock back.
    """

    def op(vault: Vault) -> int:
        return editing.propose_texts(vault, case_id, [field_key]) if wanted() else 0

    return op


def store(case_id: int, decisions: list[redaction.Decision]) -> Callable[[Vault], ReviewState]:
    """Store the decisions in one transaction, then the fresh review state."""

    def op(vault: Vault) -> ReviewState:
        with vault.session() as session:
            for decision in decisions:
                save_decision(session, case_id, decision)
        return load(case_id)(vault)

    return op


def keeps_on_list(category: str) -> bool:
    """Whether "keep" puts a group on the organisation's keep list (else: this case only)."""
    return category in keeplist.EVIDENCE_CATEGORIES


def keep(case_id: int, group: Group) -> Callable[[Vault], ReviewState]:
    """The reviewer keeps a group as evidence, every occurrence as written.

    A public figure or an organisation goes on the organisation's keep list, which rejects it
    here and in every other case (taken off the list, it is proposed again); anything else is
    rejected for all occurrences in this case only.
    """
    on_list = keeps_on_list(group.category)
    decision = redaction.Decision(group.text, group.category, "reject", "all")

    def op(vault: Vault) -> ReviewState:
        with vault.session() as session:
            if on_list:
                keeplist.add(session, group.text, group.category)
            else:
                save_decision(session, case_id, decision)
        return load(case_id)(vault)

    return op


def keep_list() -> Callable[[Vault], list[keeplist.KeepEntry]]:
    def op(vault: Vault) -> list[keeplist.KeepEntry]:
        with vault.session() as session:
            return keeplist.list_entries(session)

    return op


def add_kept(text: str, category: str) -> Callable[[Vault], list[keeplist.KeepEntry]]:
    def op(vault: Vault) -> list[keeplist.KeepEntry]:
        with vault.session() as session:
            keeplist.add(session, text, category)
        return keep_list()(vault)

    return op


def remove_kept(texts: list[str]) -> Callable[[Vault], list[keeplist.KeepEntry]]:
    def op(vault: Vault) -> list[keeplist.KeepEntry]:
        with vault.session() as session:
            for text in texts:
                keeplist.remove(session, text)
        return keep_list()(vault)

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
