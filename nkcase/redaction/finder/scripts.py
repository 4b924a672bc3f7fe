"""Names in Cyrillic and in Chinese characters, as they stand in Korean and English text:
translated Russian contracts (Гусев Андрей Павлович), business cards (韩明吉), a Hanja name
in brackets after its Hangul (김문걸(金文杰))."""

from __future__ import annotations

import json
import re
from functools import cache

from nkcase.config import resource_path
from nkcase.redaction.finder.types import Detection

_CYR_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_CYR_NAME = re.compile(rf"(?<![\w.])(?:{_CYR_WORD}\s){{1,2}}{_CYR_WORD}(?![\w])")
_CYR_INITIALS = re.compile(
    r"(?<![\w])[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.|[А-ЯЁ]\.\s?[А-ЯЁ]\.\s[А-ЯЁ][а-яё]+"
)
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$")


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """Capitalised Russian words that name no one, Han words that are no names, and the
    pattern of a Han name (a surname character and one or two more, standing alone)."""
    with resource_path("redaction", "finder.json").open(encoding="utf-8") as fh:
        raw = json.load(fh)
    surnames = "".join(raw["han_surnames"])
    han_name = re.compile(
        rf"(?<![\u4e00-\u9fff])[{surnames}][\u4e00-\u9fff]{{1,2}}(?![\u4e00-\u9fff])"
    )
    return frozenset(raw["cyrillic_not_names"]), frozenset(raw["han_not_names"]), han_name


def find_scripts(text: str) -> list[Detection]:
    out: list[Detection] = []
    if re.search("[А-яЁё]", text):
        cyr_common = _lists()[0]
        for m in _CYR_NAME.finditer(text):
            if any(w in cyr_common for w in m.group().split()):
                continue
            out.append(Detection(m.start(), m.end(), "name", "cyrillic_name"))
        for m in _CYR_INITIALS.finditer(text):
            out.append(Detection(m.start(), m.end(), "name", "cyrillic_initials"))
        for m in re.finditer(r"(?<![\w])[А-ЯЁ][а-яё]+(?![\w])", text):
            if _PATRONYMIC.search(m.group()):
                out.append(Detection(m.start(), m.end(), "name", "cyrillic_patronymic"))
    if re.search("[\u4e00-\u9fff]", text):
        _c, han_common, han_name = _lists()
        for m in han_name.finditer(text):
            if m.group() not in han_common:
                out.append(Detection(m.start(), m.end(), "name", "han_name"))
    return out
