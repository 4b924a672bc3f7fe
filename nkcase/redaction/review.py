"""Review decisions on suggestions: plain data, kept with the case, robust to later edits.

A decision for "all occurrences" is keyed by text + category. A decision for one span is keyed
by field + text + category and located again by offsets, then by a little context around it,
then by the nearest occurrence, so edits elsewhere in the text do not lose it.

A "keep" decision comes from the organisation's keep list (public names, state organs,
perpetrators' companies: evidence), not from the case: it rejects every pending suggestion with
the same folded text, whatever its category, with the rule ``keep_list``. The case's own
decisions beat it (a reviewer who redacts a kept name in one case is obeyed there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from nkcase.redaction.fold import fold_simple

CONTEXT_CHARS = 12
_SEP = "\u2063"  # invisible separator between the text before and after the span

Verdict = Literal["accept", "reject"]
Scope = Literal["all", "span", "keep"]
KEEP_RULE = "keep_list"


@dataclass(frozen=True)
class Span:
    """One redaction candidate in a text field; offsets are into the original text."""

    start: int
    end: int
    category: str
    source: str  # registry | pattern | suggestion
    token: str
    status: str  # auto | accepted | rejected | pending
    rule: str
    text: str = field(default="", repr=False, compare=False)

    @property
    def applied(self) -> bool:
        return self.status in ("auto", "accepted")

    def to_dict(self, include_text: bool = False) -> dict[str, object]:
        d: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "source": self.source,
            "token": self.token,
            "status": self.status,
            "rule": self.rule,
        }
        if include_text:
            d["text"] = self.text
        return d


@dataclass(frozen=True)
class Decision:
    """A reviewer's verdict; maps 1:1 onto a RedactionDecision row (scope "keep": a keep-list
    entry, always a rejection)."""

    text: str = field(repr=False)
    category: str
    decision: Verdict
    scope: Scope = "all"
    field_key: str | None = None
    start: int | None = None
    end: int | None = None
    context: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.decision not in ("accept", "reject"):
            raise ValueError("decision must be 'accept' or 'reject'")
        if self.scope not in ("all", "span", "keep"):
            raise ValueError("scope must be 'all', 'span' or 'keep'")
        if self.scope == "keep" and self.decision != "reject":
            raise ValueError("a keep-list decision keeps the text: its verdict is 'reject'")
        if self.scope == "span" and self.field_key is None:
            raise ValueError("a span decision needs its field key")


def context_of(original: str, start: int, end: int) -> str:
    return (
        original[max(0, start - CONTEXT_CHARS) : start] + _SEP + original[end : end + CONTEXT_CHARS]
    )


def decide(
    span: Span, verdict: Verdict, *, scope: Scope = "all", field_key: str | None = None,
    original: str | None = None,
) -> Decision:  # fmt: skip
    """A decision about ``span`` (for one span: give its field key and the original text)."""
    if scope == "span":
        if field_key is None or original is None:
            raise ValueError("a span decision needs the field key and the original text")
        return Decision(span.text, span.category, verdict, "span", field_key, span.start,
                        span.end, context_of(original, span.start, span.end))  # fmt: skip
    return Decision(span.text, span.category, verdict, "all")


def keep_key(text: str) -> str:
    """How texts are compared with the keep list (and grouped in the review): folded."""
    return _key(text)


def _key(text: str) -> str:
    return " ".join(fold_simple(text).split())


def apply_review(
    field_key: str, original: str, spans: Sequence[Span], decisions: Sequence[Decision]
) -> list[Span]:
    """``spans`` with the status of each pending suggestion set from ``decisions``.

    Span decisions beat all-occurrence decisions, which beat the keep list; among equals the
    later decision wins.
    """
    result = list(spans)
    pending = [i for i, s in enumerate(result) if s.status == "pending"]
    if not pending or not decisions:
        return result
    verdicts: dict[int, str] = {}
    by_all: dict[tuple[str, str], str] = {}
    kept = {_key(d.text) for d in decisions if d.scope == "keep"}
    for d in decisions:
        if d.scope == "all":
            by_all[(_key(d.text), d.category)] = d.decision
    for i in pending:
        s = result[i]
        v = by_all.get((_key(s.text), s.category))
        if v:
            verdicts[i] = v
        elif kept and _key(s.text) in kept:
            verdicts[i] = KEEP_RULE
    for d in decisions:
        if d.scope != "span" or d.field_key != field_key:
            continue
        idx = _locate(d, original, [i for i in pending if _same(result[i], d)], result)
        if idx is not None:
            verdicts[idx] = d.decision
    for i, v in verdicts.items():
        if v == KEEP_RULE:
            result[i] = replace(result[i], status="rejected", rule=KEEP_RULE)
        else:
            result[i] = replace(result[i], status="accepted" if v == "accept" else "rejected")
    return result


def _same(s: Span, d: Decision) -> bool:
    return s.category == d.category and _key(s.text) == _key(d.text)


def _locate(d: Decision, original: str, candidates: list[int], spans: list[Span]) -> int | None:
    if not candidates:
        return None
    for i in candidates:
        s = spans[i]
        if s.start == d.start and s.end == d.end:
            return i
    if d.context:
        for i in candidates:
            s = spans[i]
            if context_of(original, s.start, s.end) == d.context:
                return i
        before, _, after = d.context.partition(_SEP)
        for i in candidates:
            s = spans[i]
            here = context_of(original, s.start, s.end).partition(_SEP)
            if (before and here[0].endswith(before[-6:])) or (
                after and here[2].startswith(after[:6])
            ):
                return i
    if len(candidates) == 1:
        return candidates[0]
    ref = d.start if d.start is not None else 0
    return min(candidates, key=lambda i: abs(spans[i].start - ref))
