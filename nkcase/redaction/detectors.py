"""Pattern detectors and the name suggester. They only *propose*: a person decides."""

from __future__ import annotations

import re
from functools import cache

from nkcase.redaction import data, hangul
from nkcase.redaction.finder import FINDER_VERSION, find_entities
from nkcase.redaction.finder.types import Detection
from nkcase.redaction.normalize import on_clean

# FINDER_VERSION (re-exported): cached proposals (redaction_proposals) are keyed by it.
__all__ = ["FINDER_VERSION", "Detection", "detect", "prc_id_checksum_ok", "suggest_names"]


_SEP = r"[ .\-]?"
_PHONE_RULES: list[tuple[str, str]] = [
    ("phone_kp", rf"(?:\+|00)850{_SEP}\(?\d{{1,3}}\)?{_SEP}\d{{3,4}}{_SEP}\d{{4}}"),
    ("phone_intl", r"(?:\+|00)[1-9]\d{0,2}[ .\-]?\(?\d{1,4}\)?(?:[ .\-]?\d{2,4}){2,4}"),
    ("phone_kr", rf"01[016789]{_SEP}\d{{3,4}}{_SEP}\d{{4}}|0[2-6]\d?[ .\-)]\d{{3,4}}[ .\-]\d{{4}}"),
    ("phone_cn", rf"1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}"),
    ("phone_ru", r"8[ \-]?\(?9\d{2}\)?[ \-]?\d{3}[ \-]?\d{2}[ \-]?\d{2}"),
    ("phone_kp_local", rf"19[1-5]{_SEP}\d{{3}}{_SEP}\d{{4}}"),
    # DPRK numbers written without the plus: 850-2-381-2345 (separated after 850 and the area
    # code), or joined from 8502 / 850 191..195 with exactly a local number's length.
    (
        "phone_kp_noplus",
        r"850[ .\-]\(?(?:2|19[1-5]|\d{2,3})\)?[ .\-]\d{3,4}[ .\-]?\d{4}"
        r"|850(?:2\d{7}|19[1-5]\d{7})",
    ),
]
_PHONE = re.compile(
    # A Korean particle may follow a number (02-6952-4471로, 8-924-335-71-08이었다)
    "|".join(f"(?P<{name}>(?<![\\w+]){pat}(?![0-9A-Za-z_]))" for name, pat in _PHONE_RULES)
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")  # fmt: skip
_DATE_EN = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}[./]\d{1,2}[./]\d{1,2}"
    r"|juche\s+\d{1,3}(?:\s*\(\d{4}\))?|\d{4})"
)
_DOB_EN = re.compile(
    rf"\b(?:born|birth|b\.|d\.o\.b\.?|dob|birthday)(?:\s+(?:on|in|date|was|is|:))*[\s:]*"
    rf"(?P<d>{_DATE_EN})(?!\d)",
    re.IGNORECASE,
)
_DATE_KO = (
    r"(?:주체\s*\d{1,3}\s*(?:\(\s*\d{4}\s*\))?\s*년|\d{2,4}\s*년)"
    r"(?:\s*\d{1,2}\s*월)?(?:\s*\d{1,2}\s*일)?"
)
_DOB_KO = re.compile(
    rf"(?P<d>{_DATE_KO})\s*(?=생|(?:에\s*)?(?:태어|출생))"
    rf"|(?:생년월일|출생일|출생|태어난\s*날)\s*[:은는이]?\s*"
    rf"(?P<d2>{_DATE_KO}|\d{{4}}\s*[./-]\s*\d{{1,2}}\s*[./-]\s*\d{{1,2}}\.?)"
)

_DOC_CONTEXT = (r"(?:passport|passport\s+(?:no|number)|id\s+card|identity\s+card|id\s+number|"
                r"citizen(?:'s)?\s+(?:card|id)|(?:residence|resident|residency|work)\s+permit|"
                r"여권|여권번호|공민증|신분증|주민등록번호|외국인등록번호|등록번호|증명서|거류증|"
                r"체류증|거주증|외국인등록증|身份证|护照|居留证|居留许可)")  # fmt: skip
_DOC = re.compile(
    rf"(?:{_DOC_CONTEXT}|\bID\b)[^\n\d]{{0,25}}?"
    r"(?P<n>\b(?:[A-Z]{1,2}[ -]?)?\d{6,12}\b|\d{6}-\d{7}|\d{17}[\dXx](?![\w]))",
    re.IGNORECASE,
)
# Which context makes a document number an identity number rather than a passport's.
_PASSPORT_WORD = re.compile(r"passport|여권|护照", re.IGNORECASE)
# The 18-character PRC resident identity number: region (6), birth date (8), sequence (3),
# ISO 7064 MOD 11-2 check character (digit or X).
_PRC_ID = re.compile(
    r"(?<![\w])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\w)"
)
_PRC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RRN = re.compile(r"\d{6}-[1-8]\d{6}")
_RRN_DATE = re.compile(r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")

# Cheap anchors: the detailed patterns only run where one of these is found.
_PHONE_ANCHOR = re.compile(r"[+(]?\d[\d \-.()]{6,}\d")
_DOB_EN_ANCHOR = re.compile(r"\b(?:born|birth|b\.|d\.o\.b|dob|birthday)")
_DOB_KO_ANCHOR = re.compile("생|태어|출생")
_DOC_ANCHOR = re.compile(
    r"passport|id card|identity card|id number|citizen|(?:residence|resident|residency|work) permit"
    r"|여권|공민증|신분증|등록번호|증명서|거류증|체류증|거주증|외국인등록증|身份证|护照|居留"
)
_ID_ANCHOR = re.compile(r"\bID\b")


def prc_id_checksum_ok(number: str) -> bool:
    """ISO 7064 MOD 11-2 check character of an 18-character PRC resident identity number."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(c) * w for c, w in zip(number[:17], _PRC_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == number[17].upper()


@cache
def _kin_given_regex() -> re.Pattern[str]:
    """동생 성일이가: a two-syllable given name with the hypocoristic 이, after a kin word."""
    kin = "|".join(sorted(data.context_words()["kin_ko"], key=len, reverse=True))
    return re.compile(
        rf"(?:{kin})(?:인|이)?\s+(?P<n>[가-힣]{{2}})(?=이(?:[가는를도와랑한의]|에게|한테)(?![가-힣]))"
    )


def detect(text: str) -> list[Detection]:
    """Every pattern detection and name suggestion in ``text`` (may overlap; caller resolves),
    read on the same normalised text as the registry (full-width letters, invisible characters,
    line-end hyphens: nkcase.redaction.normalize), with offsets into ``text``."""
    return on_clean(text, _detect_plain)


def _detect_plain(text: str) -> list[Detection]:
    found: dict[tuple[int, int, str], Detection] = {}

    def add(start: int, end: int, category: str, rule: str) -> None:
        found.setdefault((start, end, category), Detection(start, end, category, rule))

    n = len(text)
    lowered = text.lower()
    if len(lowered) != n:
        lowered = text  # rare case-folding that changes length: keyword anchors only
    for a in _PHONE_ANCHOR.finditer(text):
        for m in _PHONE.finditer(text, a.start(), min(n, a.end() + 1)):
            add(m.start(), m.end(), "phone", m.lastgroup or "phone")
    for a in _DOB_EN_ANCHOR.finditer(lowered):
        dob = _DOB_EN.match(text, a.start())
        if dob:
            add(dob.start("d"), dob.end("d"), "dob", "dob_en")
    for a in _DOB_KO_ANCHOR.finditer(text):
        for m in _DOB_KO.finditer(text, max(0, a.start() - 40), min(n, a.end() + 40)):
            g = "d" if m.group("d") else "d2"
            add(m.start(g), m.end(g), "dob", "dob_ko")
    anchors = [a.start() for a in _DOC_ANCHOR.finditer(lowered)]
    anchors += [a.start() for a in _ID_ANCHOR.finditer(text)]
    for pos in anchors:
        doc = _DOC.match(text, pos)
        if doc:
            number = doc.group("n")
            if len(number) == 18 and not _PRC_ID.fullmatch(number):
                continue  # 18 characters but no birth date inside: not a PRC identity number
            passport = _PASSPORT_WORD.match(text, pos) is not None
            add(doc.start("n"), doc.end("n"), "passport" if passport else "id_number",
                "document_number")  # fmt: skip
    # A PRC identity number needs no context word when its check character is right.
    for m in _PRC_ID.finditer(text):
        if prc_id_checksum_ok(m.group()):
            add(m.start(), m.end(), "id_number", "cn_resident_id")
    for m in _RRN.finditer(text):
        s, e = m.start(), m.end()
        alone = (s == 0 or not text[s - 1].isdigit()) and (e == n or not text[e].isdigit())
        if alone and _RRN_DATE.match(text, s):
            add(s, e, "id_number", "kr_resident_number")
    at = text.find("@")
    while at != -1:
        for m in _EMAIL.finditer(text, max(0, at - 64), min(n, at + 256)):
            add(m.start(), m.end(), "email", "email")
        at = text.find("@", at + 1)
    out = list(found.values())
    seen = {(d.start, d.end) for d in out}
    for d in suggest_names(text) + find_entities(text):
        if (d.start, d.end) not in seen:
            seen.add((d.start, d.end))
            out.append(d)
    return out


def suggest_names(text: str) -> list[Detection]:
    """The given name after a kin word (동생 성일이가), for names the Korean analyser reads as
    everyday words; every other name is the finder's (nkcase/redaction/finder/)."""
    if not any(hangul.is_syllable(c) for c in text):
        return []
    figures = data.public_figures()
    common = frozenset(data.context_words()["common_ko"])
    out: list[Detection] = []
    for m in _kin_given_regex().finditer(text):
        name = m.group("n")
        if name not in figures and name not in common:
            out.append(Detection(m.start("n"), m.end("n"), "name", "name_ko_given"))
    return out
