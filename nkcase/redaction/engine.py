"""Redaction of a case's text fields into readable tokens (works on copies)."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from nkcase.domain import vocab
from nkcase.redaction.casereg import build_registry, token_for
from nkcase.redaction.dates import coarsen_dates
from nkcase.redaction.detectors import Detection, detect
from nkcase.redaction.registry import Registry, _non_overlapping
from nkcase.redaction.review import Decision, Span, apply_review

log = logging.getLogger(__name__)

_LONGEST_SPAN = 400  # no term or detection is longer (overlap checks look back this far)
_PATTERN_CATEGORIES = {"phone", "dob", "passport", "id_number", "email"}

#: text -> its cached detections, or None when not cached (the engine then runs the finder).
DetectionsProvider = Callable[[str], list[Detection] | None]


@dataclass
class FieldRedaction:
    field_key: str
    original: str = field(repr=False)
    redacted: str = field(repr=False)
    spans: list[Span]

    @property
    def pending(self) -> list[Span]:
        return [s for s in self.spans if s.status == "pending"]

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "field": self.field_key,
            "redacted": self.redacted,
            "spans": [s.to_dict(include_text) for s in self.spans],
        }
        if include_text:
            d["original"] = self.original
        return d


@dataclass
class CaseRedaction:
    fields: dict[str, FieldRedaction]
    registry: Registry = field(repr=False)

    @property
    def pending(self) -> list[tuple[str, Span]]:
        return [(k, s) for k, f in self.fields.items() for s in f.pending]

    def counts(self) -> dict[str, dict[str, int]]:
        """Applied redactions per rule and field: {"registry:relative_name": {field: n}}."""
        out: dict[str, Counter[str]] = {}
        for key, f in self.fields.items():
            for s in f.spans:
                if s.applied:
                    out.setdefault(f"{s.source}:{s.category}", Counter())[key] += 1
        return {rule: dict(c) for rule, c in sorted(out.items())}

    def log(self) -> dict[str, Any]:
        """The redaction log for a packet: counts only, never the removed text."""
        by_source: Counter[str] = Counter()
        per_field: dict[str, dict[str, Any]] = {}
        for key, f in self.fields.items():
            applied = [s for s in f.spans if s.applied]
            by_source.update(s.source for s in applied)
            per_field[key] = {
                "redacted_spans": len(applied),
                "by_rule": dict(Counter(f"{s.source}:{s.category}" for s in applied)),
                "rejected_suggestions": sum(1 for s in f.spans if s.status == "rejected"),
                "pending_suggestions": len(f.pending),
            }
        return {
            "redacted_spans": sum(by_source.values()),
            "by_source": dict(by_source),
            "fields": per_field,
        }


def _source_for(category: str) -> str:
    return "pattern" if category in _PATTERN_CATEGORIES else "suggestion"


def redact_text(
    text: str,
    registry: Registry,
    decisions: Sequence[Decision] = (),
    field_key: str = "",
    detections: DetectionsProvider | None = None,
) -> FieldRedaction:
    """Registry hits applied; detector hits proposed and then settled by ``decisions``.

    ``detections`` gives the finder's cached proposals for a text (None: run the finder).
    """
    spans: list[Span] = []
    taken: list[tuple[int, int, int]] = []
    for m in registry.find(text):
        term = registry.terms[m.term]
        if term.owner == "review":
            src, status = _source_for(term.category), "accepted"
        else:
            src, status = "registry", "auto"
        rule = "review" if term.owner == "review" else "registry"
        spans.append(Span(m.start, m.end, term.category, src, term.token, status, rule,
                          text[m.start : m.end]))  # fmt: skip
        taken.append((m.start, m.end, -1))
    cached = detections(text) if detections is not None else None
    dets = cached if cached is not None else detect(text)
    if dets:
        cands = [(d.start, d.end, i) for i, d in enumerate(dets)]
        kept = [c for c in _non_overlapping(taken + cands) if c[2] >= 0]
        for s, e, i in kept:
            d = dets[i]
            spans.append(Span(s, e, d.category, _source_for(d.category), token_for(d.category),
                              "pending", d.rule, text[s:e]))  # fmt: skip
    # Day-precise dates of events become month-precise (automatic). A date the date-of-birth
    # detector claims is left to it (redacted whole once accepted); if the reviewer rejects
    # that suggestion the date is an event date after all, and is coarsened.
    held: list[tuple[Span, set[tuple[int, int]]]] = []
    spans.sort(key=lambda s: s.start)
    starts = [sp.start for sp in spans]
    for h in coarsen_dates(text):
        coarse = Span(h.start, h.end, "date", "pattern", h.month_text, "auto", h.rule,
                      text[h.start : h.end])  # fmt: skip
        # spans starting before the date's end, back to any that could still reach into it
        j = bisect_left(starts, h.end)
        near = spans[bisect_left(starts, h.start - _LONGEST_SPAN) : j]
        over = [sp for sp in near if h.start < sp.end]
        if not over:
            spans.append(coarse)
        elif all(sp.category == "dob" and sp.status == "pending" for sp in over):
            held.append((coarse, {(sp.start, sp.end) for sp in over}))
    spans.sort(key=lambda s: s.start)
    spans = apply_review(field_key, text, spans, decisions)
    if held:
        rejected = {(sp.start, sp.end) for sp in spans if sp.category == "dob"
                    and sp.status == "rejected"}  # fmt: skip
        spans += [coarse for coarse, over in held if over <= rejected]
        spans.sort(key=lambda s: s.start)
    return FieldRedaction(field_key, text, replace_spans(text, spans), spans)


def applied_spans(spans: Sequence[Span]) -> list[Span]:
    """The spans that are replaced, in text order; of two overlapping, the earlier one wins.

    The one walk behind the redacted text and anything that points into it (the review's
    highlighting of tokens), so the two cannot drift apart.
    """
    out: list[Span] = []
    pos = 0
    for s in sorted(spans, key=lambda s: s.start):
        if not s.applied or s.start < pos:
            continue
        out.append(s)
        pos = s.end
    return out


def replace_spans(text: str, spans: Sequence[Span]) -> str:
    parts: list[str] = []
    pos = 0
    for s in applied_spans(spans):
        parts.append(text[pos : s.start])
        parts.append(s.token)
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


def text_fields(case: Mapping[str, Any]) -> dict[str, str]:
    """The fields review acts on, by field key: the free texts (interview/<id>/narrative ...)
    and the structured fields that reach a packet as written (deployment/<n>/region ...)."""
    return {**narrative_fields(case), **structured_fields(case)}


def narrative_fields(case: Mapping[str, Any]) -> dict[str, str]:
    """The free-text fields of a case by field key (interview/<id>/narrative ...)."""
    out: dict[str, str] = {}
    for i, itv in enumerate(case.get("interviews") or []):
        iid = itv.get("id", i)
        if itv.get("narrative"):
            out[f"interview/{iid}/narrative"] = itv["narrative"]
        tr = itv.get("translation") or {}
        if isinstance(tr, Mapping) and tr.get("text"):
            out[f"interview/{iid}/translation"] = tr["text"]
    for i, ind in enumerate(case.get("indicators") or []):
        if ind.get("evidence"):
            out[f"indicator/{ind.get('id', i)}/evidence"] = ind["evidence"]
    return out


# Structured deployment fields that a packet prints as written (submission.json, the PDF).
# A value that is one of the field's codes (passport_held_by "minder") is not free text.
STRUCTURED_FIELDS = ("region", "passport_held_by", "wage_promised.currency",
                     "wage_received.currency")  # fmt: skip


def deployment_key(case: Mapping[str, Any], index: int, name: str) -> str:
    """The field key of a deployment's structured field: deployment/<n>/<name>, n from 1
    in the order of the case (deployments carry no id in a case dict)."""
    dep = (case.get("deployments") or [])[index]
    return f"deployment/{dep.get('id', index + 1)}/{name}"


def _structured_value(dep: Mapping[str, Any], name: str) -> str | None:
    node: Any = dep
    for part in name.split("."):
        node = node.get(part) if isinstance(node, Mapping) else None
    if not isinstance(node, str) or not node.strip():
        return None
    if name == "passport_held_by" and node in vocab.enum("passport_held_by"):
        return None
    if name.endswith("currency") and re.fullmatch("[A-Z]{3}", node):
        return None
    return node


def structured_fields(case: Mapping[str, Any]) -> dict[str, str]:
    """Free strings in a case's structured fields that reach a packet, by field key: review
    proposes phone numbers and names in them like in a narrative, and the packet carries the
    redacted value (:func:`redacted_value`)."""
    out: dict[str, str] = {}
    for i, dep in enumerate(case.get("deployments") or []):
        for name in STRUCTURED_FIELDS:
            value = _structured_value(dep, name)
            if value is not None:
                out[deployment_key(case, i, name)] = value
    return out


def redacted_value(case: Mapping[str, Any], texts: Mapping[str, str], index: int, name: str) -> Any:
    """What a packet prints for structured field ``name`` of deployment ``index``: the
    redacted text from ``texts`` when the field is reviewed, the stored value otherwise
    (a code, or a case built without review: the leak check still reads it)."""
    dep = (case.get("deployments") or [])[index]
    if _structured_value(dep, name) is None:
        node: Any = dep
        for part in name.split("."):
            node = node.get(part) if isinstance(node, Mapping) else None
        return node
    return texts.get(deployment_key(case, index, name), _structured_value(dep, name))


def redact_case(
    case: Mapping[str, Any],
    decisions: Sequence[Decision] = (),
    registry: Registry | None = None,
    detections: DetectionsProvider | None = None,
) -> CaseRedaction:
    reg = registry if registry is not None else build_registry(case, decisions)
    fields = {
        key: redact_text(text, reg, decisions, key, detections)
        for key, text in text_fields(case).items()
    }
    result = CaseRedaction(fields, reg)
    log.debug("redacted %d fields, %d pending suggestions", len(fields), len(result.pending))
    return result
