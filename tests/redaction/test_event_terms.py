"""A multi-word event or description is redacted whole; its everyday words alone are not."""

from nkcase.redaction.api import redact_case


def _case(text: str) -> dict:
    return {
        "interviewee": {"name": "Kim Myong Chol"},
        "sensitive_terms": [
            {"text": None, "text_ko": "2024년 1월 숙소 항의", "category": "event"},
            {"text": None, "text_ko": "함경북도 회령시 제2작업반", "category": "work_unit"},
        ],
        "interviews": [{"id": 1, "narrative": text, "language": "ko"}],
        "consent": {},
    }


def test_event_phrase_whole_but_not_its_words():
    text = "2024년 1월 숙소 항의 뒤에 우리는 2024년 5월에 숙소를 떠났다. 1월은 추웠다."
    result = redact_case(_case(text), [])
    redacted = result.fields["interview/1/narrative"].redacted
    assert "숙소 항의" not in redacted
    assert "2024년 5월" in redacted and "숙소를" in redacted and "1월은" in redacted


def test_two_word_place_still_finds_its_parts():
    text = "회령시에서 왔다. 함경북도 회령시 제2작업반은 힘들었다."
    redacted = redact_case(_case(text), []).fields["interview/1/narrative"].redacted
    assert "회령" not in redacted and "제2작업반" not in redacted


def test_a_generic_head_noun_is_not_a_term_alone():
    case = _case("장골 합숙소에서 살았다. 다른 합숙소도 있었다. 장골에는 눈이 많았다.")
    case["sensitive_terms"] = [{"text": None, "text_ko": "장골 합숙소", "category": "place"}]
    redacted = redact_case(case, []).fields["interview/1/narrative"].redacted
    assert "장골" not in redacted
    assert "다른 합숙소도" in redacted
