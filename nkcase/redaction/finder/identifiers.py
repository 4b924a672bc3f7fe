"""Identifiers by shape and context: file, case and application numbers, court case numbers,
vehicle plates, plots, street addresses, passport-shaped numbers without a context word.

Amounts, years, hours and counts are not identifiers: a bare number needs seven digits or more
and no currency or unit beside it.
"""

from __future__ import annotations

import re

from nkcase.redaction.finder.types import Detection

_REF_WORDS = (
    r"case|file|application|reference|ref|dossier|docket|registration|complaint|communication|"
    r"petition|claim|contract|permit|visa|certificate|record|report|ticket|account|card|"
    r"licen[cs]e|serial|membership|employee|staff|worker|badge|invoice|order|receipt|"
    r"Case|File|Application|Reference|Ref|Dossier|Docket|Registration|Complaint|Communication|"
    r"Petition|Claim|Contract|Permit|Visa|Certificate|Record|Report|Account|Card|Licen[cs]e|"
    r"Serial|Membership|Employee|Badge|Invoice|Order|Receipt|CASE|FILE"
)
# case no. 4512/19, file number RU-2019-4411, application No. 12345/18, ref. AB/123
_REF = re.compile(
    rf"\b(?:{_REF_WORDS})\.?(?:\s+(?:no|No|NO|nr|Nr|number|Number|num|#|№)\.?)?\s*[:#№]?\s*"
    r"(?P<n>(?=[A-Z0-9\-/.]*\d)[A-Z0-9](?:[A-Z0-9]|[\-/.](?=[A-Z0-9])| (?=\d{3})){2,30})"
)
# No. 2-123/2019, № 4512/19 (a number with a slash or dash after a number sign)
_NUMBER_SIGN = re.compile(r"(?:\bNo\.?|№|\bNr\.?)\s*(?P<n>\d{1,6}[\-/]\d{1,6}(?:[\-/]\d{1,6})?)\b")
# 2019가합12345, 2019고단1234, 2020노567 (Korean court case numbers)
_KR_COURT = re.compile(
    r"(?<!\d)(?:(?:19|20)\d{2}\s?[가-힣]{1,3}\s?\d{2,7}|\d{2}[가-힣]{1,3}\d{5,8})(?!\d)"
)
# 사건번호 / 등록번호 / 관리번호 / 접수번호 ... and 제2019-123호
_KO_REF = re.compile(
    r"(?:사건번호|등록번호|관리번호|접수번호|문서번호|허가번호|계약번호|번호|차량번호|번호판|"
    r"여권번호|비자번호|증번호|카드번호|계좌번호|계좌|사원번호|신청번호|서류번호)\s*(?:은|는|이|가|:)?\s*"
    r"(?P<n>(?=[A-Za-z0-9가-힣\-/]*\d)[A-Za-z0-9가-힣]"
    r"(?:[A-Za-z0-9]|[\-/ ](?=\d)|[가-힣](?=\d)){3,30})"
)
_KO_NUMBERED = re.compile(r"제\s?\d{2,4}[\-‐]\d{1,6}\s?호")
# Passport-shaped: one or two capital letters and 7-8 digits (G12345678, PA1234567), or the
# Russian series-and-number 45 07 123456 / 4507 123456 after a context-free look.
_PASSPORT_SHAPE = re.compile(r"(?<![\w\-/])[A-Z]{1,2}\s?\d{7,9}(?![A-Za-z0-9\-/])")
_RU_PASSPORT = re.compile(r"(?<![\d\-])\d{2}\s\d{2}\s\d{6}(?![\d\-])")
# A bare long number: seven or more digits, not money, not a phone (phones are their own rule).
_LONG_NUMBER = re.compile(r"(?<![\w.,$€£₩¥+\-/])\d{7,18}(?![A-Za-z0-9_]|[.,]\d)")
_MONEY_AFTER = re.compile(
    r"\s?(?:won|원|rubles?|roubles?|루블|yuan|위안|dollars?|달러|usd|USD|kpw|KPW|rmb|RMB|"
    r"%|명|시간|개|톤|kg|km|미터|m\b)",
)
_MONEY_BEFORE = re.compile(r"(?:\$|US\$|€|£|₩|¥|USD|KRW|RMB|RUB|QAR|KWD)\s?$")
# Vehicle plates: Russian (А123ВС 27, A123BC127), Korean (12가 3456, 123나4567), Chinese (吉H12345)
_RU_LETTERS = "ABEKMHOPCTYXАВЕКМНОРСТУХ"
_PLATE_RU = re.compile(
    rf"(?<![\w])[{_RU_LETTERS}]\s?\d{{3}}\s?[{_RU_LETTERS}]{{2}}\s?\d{{2,3}}(?![\w])"
)
_PLATE_KR = re.compile(r"(?<![\d가-힣])\d{2,3}\s?[가-힣]\s?\d{4}(?!\d)")
_PLATE_KR_LETTERS = frozenset(
    "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호배"
)
_PLATE_CN = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]\s?[A-Z]\s?[·•]?\s?[A-Z0-9]{5,6}"
)
_PLATE_CONTEXT = re.compile(
    r"\b(?:plate|plates|registration|licen[cs]e\s+plate|number\s+plate|truck|car|van|bus|vehicle)"
    r"(?:\s+(?:no|number|was|is|with|reading|read))*\.?\s*[:#]?\s*(?P<n>[A-Z0-9]{1,3}[\s\-]?"
    r"[A-Z0-9]{2,5}(?:[\s\-][A-Z0-9]{1,4})?)\b",
    re.IGNORECASE,
)
# Plots and lots: plot 45, lot no. 12B, parcel 7/3
_PLOT = re.compile(
    r"\b(?:plot|lot|parcel|allotment|section|Plot|Lot|Parcel|부지|필지)\s*(?:no\.?|number|No\.?)?\s*"
    r"(?P<n>\d{1,5}(?:[/\-]\d{1,4})?[A-Za-z]?)\b"
)
_STREET_WORDS = (
    r"Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Boulevard|Blvd\.?|Prospekt|Prospect|Ulitsa|"
    r"ulitsa|Highway|Drive|Way|Alley|Square|Embankment|Pereulok|pereulok|Shosse|Quay"
)
_STREET_EN = re.compile(
    rf"(?<![\w])(?:\d{{1,5}}[A-Za-z]?,?\s+)?(?:[A-Z][\w'’\-]+\s+){{1,3}}(?:{_STREET_WORDS})"
    rf"(?:,?\s+(?:No\.?\s*)?\d{{1,5}}[A-Za-z]?(?:[/\-]\d{{1,4}})?)?(?:,?\s+(?:apt|apartment|flat|"
    rf"room|building|bldg|block|house)\.?\s*\d{{1,5}}[A-Za-z]?)?"
)
_STREET_RU = re.compile(
    r"\b(?:ul|ulitsa|pr|prosp|per|pl|ул|пр|пер|пл)\.\s?[A-ZА-Я][\w\-]+(?:\s[A-ZА-Я][\w\-]+)?"
    r"(?:,?\s*(?:d\.|д\.|dom|house)?\s*\d{1,5}[A-Za-zА-я]?)?(?:,?\s*(?:kv\.|кв\.|apt\.?)\s*\d{1,5})?"
)
_APARTMENT_EN = re.compile(
    r"\b(?:apartment|apt\.?|flat|room|house|building|Building|House|Apartment|Flat|Room)"
    r"\s+(?:No\.?\s*)?\d{1,5}[A-Za-z]?\b(?:,?\s+(?:floor|block)\s+\d{1,3})?"
)
_ADDRESS_KO = re.compile(
    r"(?<![가-힣])[가-힣]{1,10}(?<!으)(?:로|길|대로)\s?\d{1,4}(?:번길\s?\d{1,4})?(?:[\-‐]\d{1,4})?"
    r"(?![\d가-힣]|\s?(?:디나르|달러|원|위안|루블|명|시간|시|개|톤|미터|km))"
    r"|(?<![가-힣])[가-힣]{1,8}동\s?\d{1,5}(?:[\-‐]\d{1,5})?\s?번지"
    r"|(?<![\d])\d{1,4}동\s?\d{1,4}호"
    r"|(?<![\d])\d{1,3}\s?(?:반|인민반)\s?\d{0,3}\s?(?:호)?(?=\s|$|[에의은는])"
)


_DATE_LIKE = re.compile(
    r"(?:19|20)\d{2}|\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}|\d{1,2}[./\-](?:19|20)\d{2}|(?:19|20)\d{2}[./\-]\d{1,2}"
)


_MESSENGER = re.compile(
    r"(?:위챗|카톡|카카오톡|텔레그램|라인|아이디|(?<![A-Za-z])(?:WeChat|wechat|KakaoTalk|Telegram|"
    r"telegram|WhatsApp|whatsapp|Signal|signal|Line|QQ|Skype|skype|VK|ID|id|username|handle|"
    r"account)(?![A-Za-z]))"
    r"\s*(?:아이디|ID|id|number|번호|계정)?\s*(?:은|는|이|가|:|was|is|-)?\s*"
    r"(?P<n>@?[A-Za-z][A-Za-z0-9_.\-]{3,30}[A-Za-z0-9])"
)
_CODE = re.compile(
    r"(?<![\w/\-])(?=(?:[A-Z/\-]*\d){4})[A-Z]{1,8}(?:[/\-][A-Z0-9]{1,12}){1,5}(?![\w/\-])"
)
# 0473019A, 784-1984-6618203-2, II-ВС No. 781542, C 74102 after "number"
_DIGITS_LETTER = re.compile(r"(?<![\w\-])\d{6,12}[A-Z](?![\w])")
_DASHED = re.compile(r"(?<![\d\-/.])\d{2,4}(?:-\d{1,8}){2,4}(?![\d\-/])")
_SERIES = re.compile(
    r"\b(?:series|серия|number|No\.?|№|ref\.?|reference)\s*[:.]?\s*"
    r"(?P<n>(?:[A-ZА-Я]{1,4}(?:-[A-ZА-Я]{1,4})?\s(?:No\.?\s|№\s?)?)\d[\d/\-]{2,12})"
)
# Vessels: the ship SEA MORNING STAR, IMO 8712634, 선박 '유정 8'호
_VESSEL = re.compile(
    r"(?:IMO|imo)\s?(?:No\.?\s?)?\d{7}"
    r"|(?:ship|vessel|tanker|freighter|trawler|M/V|MV|cargo ship)\s+(?:the\s+)?['\"‘“]?"
    r"(?P<v>[A-Z][A-Z0-9\-]*(?:\s[A-Z0-9][A-Z0-9\-]*){0,4})"
    r"|(?:선박|화물선|유조선|어선|배)\s?['‘\"“](?P<v2>[^'’\"”\n]{1,20})['’\"”]"
)


_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
# 丹东市振兴区花园路15号: a Chinese address down to the house number
_ADDRESS_ZH = re.compile(
    r"[\u4e00-\u9fff]{2,12}(?:市|区|县|镇|乡|村|街道|路|街|巷|胡同)[\u4e00-\u9fff0-9]*\d+\s?(?:号|栋|室|楼)"
)
# Rooms: 305호, 3호실, 1103호와 (three digits or more, or with 실); 제N호 is a numbered thing
_ROOM_KO = re.compile(
    r"(?<![\d제])(?:\d{3,5}\s?호(?:실)?|\d{1,5}\s?호실|(?<=방 번호는 )\d{1,2}\s?호)"
    r"(?=[은는이가을를의와과도만로랑께에한였]|\s|$|[,.)!?\"'”’~])"
)
# A local phone number without its area code: 9911-4587 (not a span of years: 2012-2015)
_LOCAL_PHONE = re.compile(r"(?<![\d\-/.])\d{3,4}-\d{4}(?![\d\-/])")
_YEARS = re.compile(r"(?:1[89]|20)\d{2}-(?:1[89]|20)\d{2}")


# What people are called: '안경'이라고 불렀어요, "Glasses", known as 'Tolya', 가명 '솔'
_NICKNAME = re.compile(
    r"['‘\"“](?P<n>[^'’\"”\n]{1,20})['’\"”]\s?(?:이?라고?\s?(?:불렀|부르|불리|했|하던|하는|합니다|해요)"
    r"|(?:이?라는\s?(?:별명|이름|가명)))"
    r"|(?:called|known as|nicknamed|alias|aka|pseudonym|가명|별명)"
    r"(?:\s(?:it|him|her|them|us|only as))?"
    r"\s?:?\s?['‘\"“](?P<n2>[^'’\"”\n]{1,24})['’\"”]"
    r"|(?:was|were|is|are) (?:called|named|known as) "
    r"(?P<n3>[A-Z][\w'’\-]+(?: [A-Z0-9][\w'’\-]*){0,3})"
)
_EVERYDAY_EN = frozenset({"twice", "once", "card", "number", "was", "is", "and", "the", "with",
                          "from", "only", "again", "also", "still", "then"})  # fmt: skip


def _money_like(text: str, start: int, end: int) -> bool:
    return bool(_MONEY_AFTER.match(text, end)) or bool(
        _MONEY_BEFORE.search(text, max(0, start - 5), start)
    )


def find_identifiers(text: str) -> list[Detection]:
    out: list[Detection] = []

    def add(start: int, end: int, category: str, rule: str) -> None:
        if end > start:
            out.append(Detection(start, end, category, rule))

    for m in _MESSENGER.finditer(text):
        n = m.group("n")
        explicit = re.search(
            r"아이디|ID|id|username|handle|계정", m.group()[: m.start("n") - m.start()]
        )
        coded = any(c.isdigit() for c in n) or "_" in n or n.startswith("@")
        if coded or (explicit and n.lower() not in _EVERYDAY_EN):
            add(m.start("n"), m.end("n"), "identifier", "messenger_id")
    for m in _NICKNAME.finditer(text):
        g = "n" if m.group("n") else ("n2" if m.group("n2") else "n3")
        if len(m.group(g).split()) <= 4:
            add(m.start(g), m.end(g), "name", "nickname")
    has_digit = any(c.isdigit() for c in text)
    if not has_digit:
        return out
    for m in _REF.finditer(text):
        n = m.group("n")
        if _DATE_LIKE.fullmatch(n) or len(re.sub(r"\D", "", n)) < 2:
            continue  # a year or a single digit: "the case of 2019", "contract 3"
        add(m.start("n"), m.end("n"), "identifier", "id_reference")
    for m in _NUMBER_SIGN.finditer(text):
        add(m.start("n"), m.end("n"), "identifier", "id_number_sign")
    for m in _KR_COURT.finditer(text):
        letters = re.sub(r"[\d\s]", "", m.group())
        if letters in {"년", "월", "일", "명", "원", "시", "분", "세", "살", "개월", "시간", "번"}:
            continue
        if any(x in letters for x in ("년", "월", "일", "명", "원", "달러", "시간")):
            continue
        add(m.start(), m.end(), "identifier", "id_kr_court")
    for m in _KO_REF.finditer(text):
        add(m.start("n"), m.end("n"), "identifier", "id_reference_ko")
    for m in _KO_NUMBERED.finditer(text):
        add(m.start(), m.end(), "identifier", "id_numbered_ko")
    for m in _ROOM_KO.finditer(text):
        if not re.search(
            r"(?:결의|결의안|resolution|Resolution)\s*$", text[max(0, m.start() - 12) : m.start()]
        ):
            add(m.start(), m.end(), "address", "room_ko")
    for m in _IBAN.finditer(text):
        add(m.start(), m.end(), "identifier", "iban")
    for m in _ADDRESS_ZH.finditer(text):
        add(m.start(), m.end(), "address", "address_zh")
    for m in _LOCAL_PHONE.finditer(text):
        if not _YEARS.fullmatch(m.group()) and not _money_like(text, m.start(), m.end()):
            add(m.start(), m.end(), "phone", "phone_local")
    for m in _DIGITS_LETTER.finditer(text):
        add(m.start(), m.end(), "identifier", "id_digits_letter")
    for m in _DASHED.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) >= 9 and not _DATE_LIKE.fullmatch(m.group()):
            add(m.start(), m.end(), "identifier", "id_dashed")
    for m in _SERIES.finditer(text):
        add(m.start("n"), m.end("n"), "identifier", "id_series")
    for m in _VESSEL.finditer(text):
        vg: str | int = "v" if m.group("v") else ("v2" if m.group("v2") else 0)
        add(m.start(vg), m.end(vg), "identifier", "vessel")
    for m in _CODE.finditer(text):
        add(m.start(), m.end(), "identifier", "id_code")
    for m in _PASSPORT_SHAPE.finditer(text):
        add(m.start(), m.end(), "passport", "passport_shape")
    for m in _RU_PASSPORT.finditer(text):
        add(m.start(), m.end(), "passport", "passport_ru_shape")
    for m in _LONG_NUMBER.finditer(text):
        digits = m.group()
        if _money_like(text, m.start(), m.end()):
            continue
        if len(digits) <= 8 and re.fullmatch(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:\d{2})?", digits):
            continue  # 20160517: a date, coarsened elsewhere
        add(m.start(), m.end(), "identifier", "id_long_number")
    for rx, rule in ((_PLATE_RU, "plate_ru"), (_PLATE_CN, "plate_cn")):
        for m in rx.finditer(text):
            add(m.start(), m.end(), "identifier", rule)
    for m in _PLATE_KR.finditer(text):
        letter = re.sub(r"[\d\s]", "", m.group())
        if letter in _PLATE_KR_LETTERS:
            add(m.start(), m.end(), "identifier", "plate_kr")
    for m in _PLATE_CONTEXT.finditer(text):
        n = m.group("n")
        if re.search(r"\d", n) and re.search(r"[A-Za-z]", n) and not n.islower():
            add(m.start("n"), m.end("n"), "identifier", "plate_context")
    for m in _PLOT.finditer(text):
        add(m.start(), m.end(), "address", "plot")
    for rx, rule in ((_STREET_EN, "street_en"), (_STREET_RU, "street_ru")):
        for m in rx.finditer(text):
            if rx is _STREET_EN and not re.search(r"\d", m.group()):
                continue  # a street with no number is a place, proposed by the name finder
            add(m.start(), m.end(), "address", rule)
    for m in _APARTMENT_EN.finditer(text):
        add(m.start(), m.end(), "address", "apartment")
    for m in _ADDRESS_KO.finditer(text):
        add(m.start(), m.end(), "address", "address_ko")
    return out
