"""Case file format v1: strict validation (shared/spec/case-file-v1.md).

Every problem is reported with the JSON path of the offending key, e.g.
``cases[2].deployments[0].start: expected YYYY, YYYY-MM or YYYY-MM-DD``. Unknown keys are errors.
Validation never echoes values back: a message may end up in a log or on a shared screen.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nkcase.domain import vocab
from nkcase.domain.dates import PartialDate
from nkcase.domain.inputs import OversizedInput, read_capped
from nkcase.errors import CaseFileError

FORMAT = "nkcase/case-file-v1"
MAX_FILE_BYTES = 200 * 1024 * 1024
# Plausible ceilings: a larger number is a typing slip or a hostile file, never testimony
# (a monthly wage of a trillion in any currency; a day has 24 hours, a month 31 days).
MAX_AMOUNT = 1e12
MAX_HOURS_PER_DAY = 24
MAX_DAYS_PER_MONTH = 31

Check = Callable[[Any, str], Any]


def _fail(path: str, problem: str) -> CaseFileError:
    return CaseFileError(path, problem)


def _string(max_len: int = 1_000_000) -> Check:
    def check(value: Any, path: str) -> Any:
        if not isinstance(value, str):
            raise _fail(path, "expected a string")
        if len(value) > max_len:
            raise _fail(path, f"longer than {max_len} characters")
        if not _encodable(value):
            raise _fail(path, "holds an invalid character (a lone UTF-16 surrogate)")
        return value

    return check


def _bool(value: Any, path: str) -> Any:
    if not isinstance(value, bool):
        raise _fail(path, "expected true or false")
    return value


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _number_up_to(ceiling: float) -> Check:
    """A finite number from 0 to ``ceiling`` (NaN, Infinity and absurd sizes refused)."""

    def check(value: Any, path: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(path, f"expected a number from 0 to {ceiling:g}")
        if isinstance(value, float) and not math.isfinite(value):
            raise _fail(path, "expected a finite number (not NaN or Infinity)")
        if not 0 <= value <= ceiling:
            raise _fail(path, f"expected a number from 0 to {ceiling:g}")
        return value

    return check


_number = _number_up_to(MAX_AMOUNT)
_amount = _number_up_to(MAX_AMOUNT)
_hours = _number_up_to(MAX_HOURS_PER_DAY)
_days = _number_up_to(MAX_DAYS_PER_MONTH)


def _date(value: Any, path: str) -> Any:
    if not isinstance(value, str):
        raise _fail(path, "expected YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        PartialDate.parse(value)
    except ValueError as exc:
        raise _fail(path, str(exc)) from None
    return value


def _choice(options: Callable[[], Any], what: str) -> Check:
    def check(value: Any, path: str) -> Any:
        allowed = options()
        if not isinstance(value, str) or value not in allowed:
            raise _fail(path, f"expected {what}: one of {', '.join(sorted(allowed))}")
        return value

    return check


def _country(value: Any, path: str) -> Any:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{3}", value):
        raise _fail(path, "expected an ISO 3166-1 alpha-3 country code such as RUS")
    return value


def _code(value: Any, path: str) -> Any:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9_]{0,63}", value):
        raise _fail(path, "expected a lower-case code such as work_unit")
    return value


def _list(item: Check, max_items: int = 10_000) -> Check:
    def check(value: Any, path: str) -> Any:
        if not isinstance(value, list):
            raise _fail(path, "expected a list")
        if len(value) > max_items:
            raise _fail(path, f"more than {max_items} entries")
        return [item(v, f"{path}[{i}]") for i, v in enumerate(value)]

    return check


def _object(fields: dict[str, Check], required: tuple[str, ...] = ()) -> Check:
    def check(value: Any, path: str) -> Any:
        if not isinstance(value, dict):
            raise _fail(path, "expected an object")
        for key in value:
            if key not in fields:
                # The key is input too: shown escaped and cut short, its value never.
                label = ascii(key)[1:-1]
                label = label if len(label) <= 40 else label[:39] + "…"
                raise _fail(f"{path}.{label}" if path else label, "unknown key")
        for key in required:
            if value.get(key) is None:
                raise _fail(f"{path}.{key}" if path else key, "required")
        out: dict[str, Any] = {}
        for key, check_field in fields.items():
            v = value.get(key)
            out[key] = None if v is None else check_field(v, f"{path}.{key}" if path else key)
        return out

    check.fields = tuple(fields)  # type: ignore[attr-defined]
    return check


def keys_of(check: Check) -> tuple[str, ...]:
    """The keys an object of the format may carry, in the spec's order."""
    return tuple(check.fields)  # type: ignore[attr-defined]


_text = _string()
_short = _string(500)

_MONEY = _object(
    {
        "amount": _amount,
        "currency": _string(8),
        "per": _choice(lambda: vocab.enum("wage_per"), "a wage period"),
    },
    required=("amount", "currency", "per"),
)

_INTERVIEWEE = _object(
    {
        "name": _short,
        "name_ko": _short,
        "aliases": _list(_short, 100),
        "sex": _choice(lambda: vocab.enum("sex"), "a sex"),
        "birth_date": _date,
        "hometown": _short,
        "hometown_ko": _short,
        "home_province": _short,
        "phone": _string(64),
        "occupation": _short,
    }
)

_RELATIVE = _object(
    {
        "relation": _string(64),
        "name": _short,
        "name_ko": _short,
        "location": _short,
        "details": _text,
    },
    required=("relation",),
)

_TERM = _object({"text": _short, "text_ko": _short, "category": _code}, required=("category",))

_DEPLOYMENT = _object(
    {
        "country": _country,
        "region": _short,
        "site": _short,
        "sector": _choice(lambda: vocab.sectors(), "a sector code"),
        "employer": _short,
        "dispatching_entity": _short,
        "start": _date,
        "end": _date,
        "wage_promised": _MONEY,
        "wage_received": _MONEY,
        "hours_per_day": _hours,
        "rest_days_per_month": _days,
        "passport_held_by": _string(64),
        "left_by": _choice(lambda: vocab.enum("left_by"), "how they left"),
    }
)

_INDICATOR = _object(
    {"code": _choice(lambda: vocab.indicators(), "an ILO indicator code"), "evidence": _text},
    required=("code",),
)

_CONSENT = _object(
    {
        "interview": _bool,
        "storage": _bool,
        "share_with": _list(_choice(lambda: vocab.targets(), "a submission target"), 20),
        "identity_to_ohchr": _bool,
        "identity_to_governments": _bool,
        "public_attribution": _choice(lambda: vocab.enum("public_attribution"), "an attribution"),
        "given_on": _date,
        "form_version": _string(32),
        "language": _string(8),
        "withdrawn_on": _date,
    }
)

_TRANSLATION = _object({"language": _string(8), "text": _text}, required=("text",))

_INTERVIEW = _object(
    {
        "date": _date,
        "place": _short,
        "interviewer": _short,
        "language": _string(8),
        "narrative": _text,
        "translation": _TRANSLATION,
    },
    required=("narrative",),
)

_CASE = _object(
    {
        "ref": _string(100),
        "interviewee": _INTERVIEWEE,
        "relatives": _list(_RELATIVE, 200),
        "sensitive_terms": _list(_TERM, 2000),
        "deployments": _list(_DEPLOYMENT, 200),
        "indicators": _list(_INDICATOR, 2000),
        "consent": _CONSENT,
        "interviews": _list(_INTERVIEW, 500),
    },
    required=("interviewee", "consent", "interviews"),
)


INTERVIEWEE_KEYS = keys_of(_INTERVIEWEE)
RELATIVE_KEYS = keys_of(_RELATIVE)
TERM_KEYS = keys_of(_TERM)
DEPLOYMENT_KEYS = keys_of(_DEPLOYMENT)
CONSENT_KEYS = keys_of(_CONSENT)


def _check_case(value: Any, path: str) -> Any:
    case = _CASE(value, path)
    who = case["interviewee"]
    if not (who.get("name") or who.get("name_ko")):
        raise _fail(f"{path}.interviewee.name", "required (name or name_ko)")
    if not case["interviews"]:
        raise _fail(f"{path}.interviews", "at least one interview with a narrative is required")
    for i, interview in enumerate(case["interviews"]):
        if not interview["narrative"].strip():
            raise _fail(f"{path}.interviews[{i}].narrative", "must not be empty")
    for i, dep in enumerate(case["deployments"] or []):
        if dep["start"] and dep["end"]:
            a, b = PartialDate.parse(dep["start"]), PartialDate.parse(dep["end"])
            if b.first_day() < a.first_day():
                raise _fail(f"{path}.deployments[{i}].end", "is before start")
    return case


_DOCUMENT = _object(
    {"format": _string(64), "cases": _list(_check_case, 100_000)}, required=("format", "cases")
)


def validate_document(doc: Any) -> list[dict[str, Any]]:
    """The cases of a case-file document, normalised (absent optional keys become None)."""
    if isinstance(doc, dict) and "format" in doc and doc["format"] != FORMAT:
        raise _fail("format", f"expected {FORMAT!r}")
    checked = _DOCUMENT(doc, "")
    cases = checked["cases"]
    if not cases:
        raise _fail("cases", "the file holds no cases")
    return list(cases)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def parse_json(raw: bytes) -> Any:
    """Strict JSON: NaN and Infinity are refused, like a number past Python's digit limit
    (both raise ValueError), and the text must be UTF-8."""
    return json.loads(raw.decode("utf-8"), parse_constant=_no_constants)


def load_case_file(path: Path) -> list[dict[str, Any]]:
    """Read and validate one case file; raise CaseFileError naming the first problem."""
    source = str(path)
    try:
        raw = read_capped(path, MAX_FILE_BYTES, "case file")
    except OversizedInput as exc:
        raise CaseFileError("(file)", str(exc), source) from None
    except FileNotFoundError:
        raise CaseFileError("(file)", "no such file", source) from None
    except IsADirectoryError:
        raise CaseFileError("(file)", "is a folder, not a case file", source) from None
    except PermissionError:
        raise CaseFileError("(file)", "cannot be read (permission denied)", source) from None
    except OSError as exc:
        why = exc.strerror or "error"
        raise CaseFileError("(file)", f"cannot be read ({why})", source) from None
    try:
        doc = parse_json(raw)
    except UnicodeDecodeError:
        raise CaseFileError("(file)", "is not UTF-8 text", source) from None
    except json.JSONDecodeError as exc:
        raise CaseFileError(
            "(file)", f"is not valid JSON (line {exc.lineno}, column {exc.colno})", source
        ) from None
    except RecursionError:
        raise CaseFileError("(file)", "is nested too deeply", source) from None
    except ValueError as exc:
        if "not allowed" in str(exc):
            raise CaseFileError(
                "(file)", "holds NaN or Infinity, which JSON does not allow", source
            ) from None
        raise CaseFileError(
            "(file)", "holds a number too long to read (over 4,300 digits)", source
        ) from None
    try:
        return validate_document(doc)
    except CaseFileError as exc:
        raise CaseFileError(exc.path, exc.problem, source) from None
