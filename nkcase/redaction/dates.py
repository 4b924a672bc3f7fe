"""Coarsening of day-precise dates in narratives to the month (applied automatically).

Packets give dates of events to the month only. ``coarsen_dates`` finds day-precise dates with a
year (17 May 2016, May 17, 2016, the 17th of May 2016, 2016-05-17, 17.05.2016, 2016년 5월 17일,
2016. 5. 17., 주체105(2016)년 5월 17일) and gives the month in the same language ("May 2016",
"2016년 5월"). Numeric day/month orders are used only where unambiguous (a part over 12, equal
parts, or another date of the same text written the same way that settles the order).
Dates without a year ("2월 16일", a yearly holiday) and month- or year-precise dates are left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip
_MONTH_NUM = {m.lower(): i for i, m in enumerate(_MONTHS, 1)}
_MONTH_NUM.update({m.lower()[:3]: i for i, m in enumerate(_MONTHS, 1)})
_MONTH_NUM["sept"] = 9

_MONTH = (r"(?i:january|february|march|april|may|june|july|august|september|october|november|"
          r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")  # fmt: skip
_WEEKDAY = r"(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?)?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_KO_WEEKDAY = r"(?:\s*\([월화수목금토일]\)|\s*[월화수목금토일]요일)?"

_DATES = re.compile(
    # 17 May 2016 / Tuesday, the 17th of May, 2016
    rf"(?P<en_dmy>\b{_WEEKDAY}(?P<d1>\d{{1,2}}){_ORD}\s+(?:(?i:of)\s+)?(?P<m1>{_MONTH}),?\s+"
    rf"(?P<y1>{_YEAR})\b)"
    # May 17, 2016 / Tuesday, May 17th 2016
    rf"|(?P<en_mdy>\b{_WEEKDAY}(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>{_YEAR})\b)"
    # 2016년 5월 17일 / 주체105(2016)년 5월 17일 (화)
    rf"|(?P<ko>(?P<ko_month>(?:주체\s*\d{{1,3}}\s*(?:\(\s*\d{{4}}\s*\))?|(?<!\d)\d{{2}}|(?<!\d)\d{{4}})"
    rf"\s*년\s*(?P<m3>\d{{1,2}})\s*월)\s*(?P<d3>\d{{1,2}})\s*일{_KO_WEEKDAY})"
    # 2016-05-17, 2016.05.17, 2016/05/17, 2016. 5. 17.
    rf"|(?P<ymd>(?<![\d.\-/])(?P<y4>{_YEAR})(?P<s4>-|\.\s?|/)(?P<m4>\d{{1,2}})(?P=s4)"
    rf"(?P<d4>\d{{1,2}})(?:(?<=\s\d)\.|(?<=\s\d\d)\.)?(?![\d\-/]|\.\d))"
    # 17.05.2016, 17/05/2016, 17-05-2016 (order settled below)
    rf"|(?P<xxy>(?<![\d.\-/])(?P<a5>\d{{1,2}})(?P<s5>[./\-])(?P<b5>\d{{1,2}})(?P=s5)"
    rf"(?P<y5>{_YEAR})(?![\d\-/]|\.\d))"
)


# "on 17 May 2016" / "on the 17th of May" read "in May 2016"; "the 17th of May 2016" -> "May 2016".
_LEAD = re.compile(r"(?:\b(?P<on>[Oo]n)\s+)?(?:\b(?P<the>[Tt]he)\s+)?$")


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    month_text: str  # the replacement: "May 2016" / "2016년 5월"
    rule: str  # date_en | date_ko | date_numeric


def _month_name(token: str) -> int:
    return _MONTH_NUM.get(token.rstrip(".").lower(), 0)


def _korean(text: str) -> bool:
    hangul = sum(1 for c in text if "\uac00" <= c <= "\ud7a3")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return hangul > latin


def _month_of(year: int, month: int, korean: bool) -> str:
    return f"{year}년 {month}월" if korean else f"{_MONTHS[month - 1]} {year}"


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def _english(text: str, start: int, end: int, month_text: str) -> DateHit:
    """The hit with a leading "on" / "the" taken in, so the sentence still reads."""
    lead = _LEAD.search(text, max(0, start - 9), start)
    if lead and lead.group("on"):
        return DateHit(lead.start(), end, f"{lead['on'][0].replace('O', 'I').replace('o', 'i')}n "
                       f"{month_text}", "date_en")  # fmt: skip
    if lead and lead.group("the"):
        return DateHit(lead.start(), end, month_text, "date_en")
    return DateHit(start, end, month_text, "date_en")


# Every form has a 4-digit year or the syllable 년: the full pattern runs only around them.
_ANCHOR = re.compile(r"(?:1[89]|20)\d{2}|년")
_BEFORE, _AFTER = 48, 32


def _matches(text: str) -> list[re.Match[str]]:
    n = len(text)
    segments: list[list[int]] = []
    for a in _ANCHOR.finditer(text):
        start, end = max(0, a.start() - _BEFORE), min(n, a.end() + _AFTER)
        if segments and start <= segments[-1][1]:
            segments[-1][1] = end
        else:
            segments.append([start, end])
    out: list[re.Match[str]] = []
    for start, end in segments:
        for m in _DATES.finditer(text, start, end):
            if out and m.start() < out[-1].end():
                continue  # already taken in by the previous segment's last match
            # A match reaching a cut short segment's end may have looked ahead at a false end.
            if m.end() >= end and end < n:
                m2 = _DATES.match(text, m.start(), min(n, end + _AFTER))
                if m2 is None:
                    continue
                m = m2
            out.append(m)
    return out


def coarsen_dates(text: str) -> list[DateHit]:
    """Day-precise dates with a year in ``text`` and their month-precise replacement."""
    if not any(c.isdigit() for c in text):
        return []
    out: list[DateHit] = []
    korean: bool | None = None
    pending: list[tuple[re.Match[str], int, int]] = []  # day/month-first, order unknown
    day_first: dict[str, bool] = {}  # separator -> order seen in an unambiguous date
    for m in _matches(text):
        kind = m.lastgroup
        if kind == "en_dmy":
            month, day, year = _month_name(m["m1"]), int(m["d1"]), int(m["y1"])
            if _valid(month, day):
                out.append(_english(text, m.start(), m.end(), _month_of(year, month, False)))
        elif kind == "en_mdy":
            month, day, year = _month_name(m["m2"]), int(m["d2"]), int(m["y2"])
            if _valid(month, day):
                out.append(_english(text, m.start(), m.end(), _month_of(year, month, False)))
        elif kind == "ko":
            if _valid(int(m["m3"]), int(m["d3"])):
                month_text = re.sub(r"\s+", " ", m["ko_month"])
                out.append(DateHit(m.start(), m.end(), month_text, "date_ko"))
        elif kind == "ymd":
            month, day, year = int(m["m4"]), int(m["d4"]), int(m["y4"])
            if _valid(month, day):
                if korean is None:
                    korean = _korean(text)
                out.append(DateHit(m.start(), m.end(), _month_of(year, month, korean),
                                   "date_numeric"))  # fmt: skip
        elif kind == "xxy":
            a, b = int(m["a5"]), int(m["b5"])
            if a > 12 >= b >= 1:
                day_first.setdefault(m["s5"], True)
            elif b > 12 >= a >= 1:
                day_first.setdefault(m["s5"], False)
            pending.append((m, a, b))
    for m, a, b in pending:
        if a == b or a > 12 or b > 12:
            order: bool | None = a > 12 or a == b
        else:
            order = day_first.get(m["s5"])
        if order is None:
            continue  # 05/06/2016: May or June? Left as written (a known miss).
        day, month = (a, b) if order else (b, a)
        if not _valid(month, day):
            continue
        if korean is None:
            korean = _korean(text)
        out.append(DateHit(m.start(), m.end(), _month_of(int(m["y5"]), month, korean),
                           "date_numeric"))  # fmt: skip
    out.sort(key=lambda h: h.start)
    return out
