"""Public API of the redaction engine (the packets, CLI and GUI import only this module).

    registry = build_registry(case)                   # case: case-file-v1 dict (+ vault ids)
    result = redact_case(case, decisions)             # CaseRedaction
    result.fields["interview/3/narrative"].redacted   # text with [Relative A (wife)] tokens
    result.pending                                    # suggestions waiting for review
    result.log()                                      # counts for redaction_log.json
    hits = leak_check({"narratives/W-7Q4K.en.txt": text}, registry)   # [] or LeakHit list

Decisions are plain data (``Decision``), stored as RedactionDecision rows by the caller.
"""

from __future__ import annotations

from nkcase.redaction.casereg import (
    WITNESS_TOKEN,
    build_registry,
    distinctive_parts,
    relative_pseudonyms,
    token_for,
)
from nkcase.redaction.detectors import Detection, detect
from nkcase.redaction.engine import (
    STRUCTURED_FIELDS,
    CaseRedaction,
    FieldRedaction,
    applied_spans,
    narrative_fields,
    redact_case,
    redact_text,
    redacted_value,
    replace_spans,
    structured_fields,
    text_fields,
)
from nkcase.redaction.leak import LeakHit, leak_check
from nkcase.redaction.registry import Match, Registry, Term
from nkcase.redaction.review import Decision, Span, apply_review, context_of, decide

__all__ = [
    "STRUCTURED_FIELDS",
    "WITNESS_TOKEN",
    "CaseRedaction",
    "Decision",
    "Detection",
    "FieldRedaction",
    "LeakHit",
    "Match",
    "Registry",
    "Span",
    "Term",
    "applied_spans",
    "apply_review",
    "build_registry",
    "context_of",
    "decide",
    "detect",
    "distinctive_parts",
    "leak_check",
    "narrative_fields",
    "redact_case",
    "redact_text",
    "redacted_value",
    "relative_pseudonyms",
    "replace_spans",
    "structured_fields",
    "text_fields",
    "token_for",
]
