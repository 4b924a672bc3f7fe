"""Fictional case dicts in the shape services.cases.case_to_dict gives (no real person)."""

from __future__ import annotations

import copy
from typing import Any

NARRATIVE_EN = (
    "I was sent to a logging camp near Tynda in 2000 with the 8th Construction Brigade. "
    "We worked from five in the morning until eleven at night. The minder, Comrade Pak Song Il, "
    "kept our passports. My wife Ri Sun Hui stayed in Hoeryong and they reminded us that our "
    "families were at home.\n\n"
    "We were promised 120 dollars a month but received six. Kim Myong Chol is my name; please "
    "do not print it. In the winter two men lost fingers and nobody took them to a hospital."
)
NARRATIVE_KO = (
    "저는 2000년에 틴다 근처 벌목장에 제8건설려단과 함께 보내졌습니다. 아침 다섯 시부터 "
    "밤 열한 시까지 일했습니다. 제 아내 리순희는 회령에 남아 있었습니다. 김명철입니다.\n\n"
    "한 달에 120달러를 약속받았지만 6달러만 받았습니다. 여권은 감시원이 가지고 있었습니다."
)

CASE: dict[str, Any] = {
    "id": 1,
    "pseudonym": "W-7Q4K",
    "ref": "NGO-2026-0007",
    "interviewee": {
        "name": "Kim Myong Chol",
        "name_ko": "김명철",
        "aliases": ["Kim Myeong-cheol"],
        "sex": "M",
        "birth_date": "1968-04",
        "hometown": "Hoeryong, North Hamgyong",
        "hometown_ko": "함경북도 회령시",
        "home_province": "North Hamgyong",
        "phone": "+82 10-1234-5678",
        "occupation": "carpenter",
    },
    "relatives": [
        {
            "id": 1,
            "pseudonym": "Relative A (wife)",
            "relation": "wife",
            "name": "Ri Sun Hui",
            "name_ko": "리순희",
            "location": "Hoeryong",
            "details": "works at the Hoeryong textile mill",
        },
    ],
    "sensitive_terms": [
        {
            "id": 1,
            "text": "8th Construction Brigade",
            "text_ko": "제8건설려단",
            "category": "work_unit",
        },
    ],
    "deployments": [
        {
            "country": "RUS",
            "region": "Amur Oblast",
            "site": "logging camp near Tynda",
            "sector": "logging",
            "employer": "a Russian timber company",
            "dispatching_entity": "a DPRK forestry enterprise",
            "start": "2000-03-14",
            "end": "2002-05",
            "wage_promised": {"amount": 120, "currency": "USD", "per": "month"},
            "wage_received": {"amount": 6, "currency": "USD", "per": "month"},
            "hours_per_day": 18,
            "rest_days_per_month": 0,
            "passport_held_by": "minder",
            "left_by": "escape",
        },
    ],
    "indicators": [
        {
            "id": 1,
            "code": "withholding_of_wages",
            "evidence": "The authorities took almost all of my money.",
        },
        {
            "id": 2,
            "code": "retention_of_identity_documents",
            "evidence": "The minder kept every passport in a safe.",
        },
        {
            "id": 3,
            "code": "intimidation_threats",
            "evidence": "They said our families at home would answer for any escape.",
        },
    ],
    "consent": {
        "interview": True,
        "storage": True,
        "share_with": ["sr_slavery", "ohchr_seoul"],
        "identity_to_ohchr": True,
        "identity_to_governments": False,
        "public_attribution": "none",
        "given_on": "2026-10-01",
        "form_version": "2026-1",
        "language": "ko",
        "withdrawn_on": None,
    },
    "interviews": [
        {
            "id": 1,
            "date": "2026-09-28",
            "place": "Seoul",
            "interviewer": "Park Ji-won",
            "language": "en",
            "narrative": NARRATIVE_EN,
            "translation": {"language": "ko", "text": NARRATIVE_KO},
        },
    ],
}


def case(**changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(CASE)
    for key, value in changes.items():
        out[key] = value
    return out


def naive_redactions(c: dict[str, Any]) -> dict[str, str]:
    """Stand-in texts for rendering tests only: the raw field texts, keyed by field key."""
    texts: dict[str, str] = {}
    for interview in c["interviews"]:
        texts[f"interview/{interview['id']}/narrative"] = interview["narrative"]
        if interview.get("translation"):
            texts[f"interview/{interview['id']}/translation"] = interview["translation"]["text"]
    for ind in c["indicators"]:
        texts[f"indicator/{ind['id']}/evidence"] = ind["evidence"]
    return texts
