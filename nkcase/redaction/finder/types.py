"""The proposal type shared by the detectors and the finder."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Detection:
    start: int
    end: int
    # phone | dob | passport | id_number | email | name | place | unit | org | public
    # | identifier | address
    category: str
    rule: str  # e.g. "phone_kr", "dob_en", "name_ko_given", "ko_name", "en_title_name"
