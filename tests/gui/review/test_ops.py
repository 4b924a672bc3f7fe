"""Review worker operations that need no window: where tokens land in the redacted text."""

from __future__ import annotations

from nkcase.gui.review.ops import token_ranges
from nkcase.redaction.api import Span, redact_case, replace_spans
from tests.redaction.test_engine import CASE


def _span(start: int, end: int, status: str, token: str) -> Span:
    return Span(start, end, "name", "pattern", token, status, "test")


def test_ranges_point_at_the_tokens_with_overlaps_and_rejections() -> None:
    text = "aa BBBB cc DDDDDD ee FF"
    spans = [
        _span(3, 7, "accepted", "[x]"),
        _span(5, 9, "auto", "[overlapped]"),  # starts inside the first: not replaced
        _span(11, 17, "auto", "[a longer token]"),
        _span(21, 23, "rejected", "[kept]"),
        _span(18, 20, "pending", "[pending]"),
    ]
    redacted = replace_spans(text, spans)
    assert redacted == "aa [x] cc [a longer token] ee FF"
    ranges = token_ranges(spans)
    assert [(redacted[a:b], status) for a, b, status in ranges] == [
        ("[x]", "accepted"),
        ("[a longer token]", "auto"),
    ]


def test_ranges_on_a_real_case_match_the_engine() -> None:
    result = redact_case(CASE)
    checked = 0
    for f in result.fields.values():
        tokens = [s.token for s in f.spans if s.applied]
        for a, b, _status in token_ranges(f.spans):
            assert f.redacted[a:b] in tokens
            checked += 1
    assert checked >= 5
