"""Pattern detectors and the name suggester (they propose; the tests check what they propose)."""

from __future__ import annotations

import pytest

from nkcase.redaction.api import detect


def spans(text: str, category: str | None = None) -> list[str]:
    return [text[d.start : d.end] for d in detect(text) if category in (None, d.category)]


@pytest.mark.parametrize(
    "phone",
    ["+82 10-9876-5432", "010-5555-1234", "010 5555 1234", "01055551234", "+86 138 1234 5678",
     "138 1234 5678", "8 (914) 123-45-67", "+7 914 123 45 67", "+850 2 381 4444",
     "191 234 5678", "+965 5012 3456"],
)  # fmt: skip
def test_phone_forms(phone: str) -> None:
    assert spans(f"Call {phone} today.", "phone") == [phone]


@pytest.mark.parametrize(
    "text", ["In 2015-2019 we earned $160 of $2,000.", "Page 12-34", "about 3,000 dollars"]
)
def test_not_phones(text: str) -> None:
    assert spans(text, "phone") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [("He was born on 12 March 1975.", "12 March 1975"), ("born in April 1968", "April 1968"),
     ("Date of birth: 1975-03-12", "1975-03-12"), ("DOB 12/03/1975", "12/03/1975"),
     ("1975년 3월 12일생이다", "1975년 3월 12일"), ("생년월일: 1975.03.12", "1975.03.12"),
     ("주체64(1975)년 3월 태어났다", "주체64(1975)년 3월"), ("b. 1971 in Hamhung", "1971"),
     ("born in Juche 64 (1975)", "Juche 64 (1975)")],
)  # fmt: skip
def test_dates_of_birth(text: str, date: str) -> None:
    assert spans(text, "dob") == [date]


def test_a_date_without_birth_context_is_not_proposed() -> None:
    assert spans("On 12 March 1975 the mine flooded.", "dob") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [("Passport no. 836412345", "836412345"), ("여권번호 PS1234567", "PS1234567"),
     ("his ID card 12345678", "12345678"), ("주민등록번호 750312-1234567", "750312-1234567")],
)  # fmt: skip
def test_document_numbers(text: str, number: str) -> None:
    assert number in spans(text)


def test_email() -> None:
    assert spans("write to a.b-c@example.org now", "email") == ["a.b-c@example.org"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("아버지 김명철은 광부였다", "김명철"), ("리영호 동무가 왔다", "리영호"),
     ("동생 성일이가 왔다", "성일"), ("김철수 씨는", "김철수"),
     ("My brother Song-il came", "Song-il"),
     ("with Pak Chol and others", "Pak Chol"), ("Kim Min-jun was beaten", "Kim Min-jun"),
     ("Mr. Park came", "Park")],
)  # fmt: skip
def test_name_suggestions(text: str, name: str) -> None:
    assert spans(text, "name") == [name]


@pytest.mark.parametrize(
    "text",
    ["Kim Il Sung and Kim Jong Un", "김정은 동지", "어머니 생각이 났다", "So I went home.",
     "In Tynda we worked."],
)  # fmt: skip
def test_no_name_suggestion(text: str) -> None:
    assert spans(text, "name") == []


@pytest.mark.parametrize(
    ("text", "number", "category"),
    [("ID card 123456789012", "123456789012", "id_number"),
     ("Chinese ID 110101199003071234", "110101199003071234", "id_number"),
     ("중국 신분증 11010119900307123X 를 썼다", "11010119900307123X", "id_number"),
     ("residence permit 2512345678", "2512345678", "id_number"),
     ("work permit no. 2512345678", "2512345678", "id_number"),
     ("passport 836412345", "836412345", "passport"),
     # no context word: an 18-character PRC number with a right ISO 7064 check character
     ("the card read 110101199003071233.", "110101199003071233", "id_number")],
)  # fmt: skip
def test_identity_numbers(text: str, number: str, category: str) -> None:
    assert spans(text, category) == [number]


def test_prc_checksum() -> None:
    from nkcase.redaction.detectors import prc_id_checksum_ok

    assert prc_id_checksum_ok("110101199003071233")
    assert prc_id_checksum_ok("11010519491231002X")
    assert not prc_id_checksum_ok("110101199003071234")
    assert not prc_id_checksum_ok("11010119900307123")


@pytest.mark.parametrize(
    "text",
    ["parcel 110101199003071234 arrived",  # bad check character, no context word
     "parcel 110101199013071233 arrived",  # month 13
     "ID 123456789012345678",  # 18 digits with no birth date inside
     "The permit cost 1200000 won in 2016.", "We were 312 workers from 2001 to 2016.",
     "They paid 850-2000 won; 8502 workers; 850 2 381 in all.", "From 1850 to 2016-05-17."],
)  # fmt: skip
def test_no_identity_numbers_or_phones(text: str) -> None:
    # A long bare number may still be proposed as a generic identifier (a parcel number is
    # one); what must not happen is reading it as a PRC identity number or a phone.
    claimed = {d.category for d in detect(text)} & {"id_number", "phone", "passport", "dob"}
    assert claimed == set()


@pytest.mark.parametrize(
    "phone",
    ["850-2-381-2345", "850 2 381 2345", "85023812345", "008502 381 2345", "00850-2-381-2345",
     "850-191-234-5678", "8501912345678"],
)  # fmt: skip
def test_kp_phones_without_plus(phone: str) -> None:
    assert spans(f"전화 {phone} 로 걸었다", "phone") == [phone]
