"""Day-precise dates of events are coarsened to the month at redaction time (both sides)."""

from __future__ import annotations

import pytest

from nkcase.redaction.api import Decision, Registry, build_registry, redact_text
from nkcase.redaction.dates import coarsen_dates


def redacted(text: str, decisions: list[Decision] | None = None) -> str:
    return redact_text(text, Registry(), decisions or []).redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [("On 17 May 2016 the minder beat me.", "In May 2016 the minder beat me."),
     ("2016년 5월 17일.", "2016년 5월."),
     ("It was May 17, 2016.", "It was May 2016."),
     ("It was the 17th of May 2016.", "It was May 2016."),
     ("on Tuesday, 17 Sept. 2016 we left", "in September 2016 we left"),
     ("It was 2016-05-17.", "It was May 2016."),
     ("It was 17.05.2016 or 17/05/2016.", "It was May 2016 or May 2016."),
     ("It was 05/17/2016.", "It was May 2016."),  # month first: 17 cannot be a month
     ("It was 05/05/2016.", "It was May 2016."),
     ("17/05/2016 and 05/06/2016", "May 2016 and June 2016"),  # order settled by context
     ("2016. 5. 17. 에 맞았다", "2016년 5월 에 맞았다"),
     ("2016.05.17 에 맞았다", "2016년 5월 에 맞았다"),
     ("주체105(2016)년 5월 17일 (화)에", "주체105(2016)년 5월에"),
     ("주체 105년 5월 17일", "주체 105년 5월")],
)  # fmt: skip
def test_day_precise_dates_become_the_month(text: str, expected: str) -> None:
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text",
    ["In May 2016 we had 12 rest days.", "2016년 5월에 갔다.", "We worked 2015-2019.",
     "해마다 2월 16일에 돈을 냈다.", "On 17 May we left.", "05/06/2016 was the date.",
     "He earned $160 of $2,000 in 2016.", "12/2016", "3.5 hours", "Block 17 May Street",
     "page 12-05-20163", "2016/13/45", "In 2016, 312 workers; 17 May", "born in 1975"],
)  # fmt: skip
def test_month_and_year_precise_and_non_dates_are_left(text: str) -> None:
    assert coarsen_dates(text) == []
    assert redacted(text) == text


def test_log_counts_the_coarsening_under_pattern_date() -> None:
    from nkcase.redaction.api import redact_case

    case = {"interviewee": {"name": "Kim Myong Chol"}, "interviews": [
        {"id": 1, "narrative": "On 17 May 2016 the minder beat me. 2016년 5월 17일."}]}  # fmt: skip
    result = redact_case(case)
    f = result.fields["interview/1/narrative"]
    assert f.redacted == "In May 2016 the minder beat me. 2016년 5월."
    assert result.pending == []
    assert result.log()["fields"]["interview/1/narrative"]["by_rule"] == {"pattern:date": 2}
    assert "pattern:date" in result.counts()


def test_a_date_of_birth_is_left_to_the_dob_detector() -> None:
    text = "He was born on 3 May 1979. On 4 May 1980 he moved."
    f = redact_text(text, Registry())
    assert [s.category for s in f.spans] == ["dob", "date"]
    assert f.redacted == "He was born on 3 May 1979. In May 1980 he moved."  # dob pending
    accepted = redacted(text, [Decision("3 May 1979", "dob", "accept")])
    assert accepted == "He was born on [date of birth]. In May 1980 he moved."
    # rejected as a date of birth: an event date after all, so coarsened
    rejected = redacted(text, [Decision("3 May 1979", "dob", "reject")])
    assert rejected == "He was born in May 1979. In May 1980 he moved."


def test_a_registered_birth_date_wins_over_coarsening() -> None:
    reg = build_registry({"interviewee": {"name": "Kim Myong Chol", "birth_date": "1968-04-12"}})
    f = redact_text("On 12 April 1968 a boy came; on 13 April 1968 we left.", reg)
    assert f.redacted == "On [date of birth] a boy came; in April 1968 we left."


def test_the_anchored_scan_finds_what_a_full_scan_finds() -> None:
    """Dates far apart, close together, and at the edges of the scanned windows."""
    from nkcase.redaction import dates

    parts = ["On 17 May 2016 it began.", "2016년 5월 17일.", "Tuesday, the 3rd of September 2017",
             "17/05/2016", "2016. 5. 17.", "May 18, 2016",
             "주체105(2016)년 5월 17일 (화)"]  # fmt: skip
    for gap in (0, 1, 30, 47, 48, 49, 80, 200):
        sep = " " + ("work " * 60)[:gap] + " "
        text = sep.join(parts) + sep
        full = [(m.start(), m.end()) for m in dates._DATES.finditer(text)]
        assert len(full) == len(parts)
        assert [(m.start(), m.end()) for m in dates._matches(text)] == full, gap
