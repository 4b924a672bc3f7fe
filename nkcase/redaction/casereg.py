"""Build a case's registry from a case in case-file-v1 dict shape."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from nkcase.redaction import data, hangul
from nkcase.redaction.identifiers import date_variants, literal_variants
from nkcase.redaction.registry import Registry
from nkcase.redaction.units import public_words, unit_variants
from nkcase.redaction.variants import (
    VariantSpec,
    is_person_name,
    known_hangul,
    person_variants,
    place_variants,
)

WITNESS_TOKEN = "[the witness]"

# Registry categories and their tokens (sensitive-term categories: "[work unit]" etc.).
TOKENS = {
    "witness_name": WITNESS_TOKEN,
    "birth_date": "[date of birth]",
    "hometown": "[hometown]",
    "phone": "[phone number]",
    "case_ref": "[case reference]",
    "relative_location": "[location]",
    "relative_detail": "[identifying detail]",
    "interview_place": "[interview place]",
    "interviewer": "[interviewer]",
    # Detector categories (used when a suggestion is accepted).
    "dob": "[date of birth]",
    "passport": "[document number]",
    "id_number": "[document number]",
    "email": "[e-mail address]",
    "name": "[name]",
}


def token_for(category: str) -> str:
    return TOKENS.get(category) or f"[{category.replace('_', ' ')}]"


def relative_pseudonym(index: int, relation: str | None) -> str:
    letters = string.ascii_uppercase
    label = letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]
    rel = (relation or "").strip()
    return f"Relative {label} ({rel})" if rel else f"Relative {label}"


def build_registry(case: Mapping[str, Any], decisions: Iterable[Any] = ()) -> Registry:
    """Every identifying term of ``case`` with its spelling variants.

    ``decisions``: reviewed suggestions; those accepted for "all occurrences" become terms too.
    """
    reg = Registry()
    iv = case.get("interviewee") or {}
    names: list[tuple[str | None, str | None]] = [(iv.get("name"), iv.get("name_ko"))]
    for alias in iv.get("aliases") or []:
        if alias:
            names.append((None, alias) if hangul.is_hangul_text(alias) else (alias, None))
    for latin, ko in names:
        label = latin or ko
        if label:
            reg.add(label, "witness_name", WITNESS_TOKEN, "witness",
                    person_variants(latin, ko))  # fmt: skip

    relatives = list(case.get("relatives") or [])
    pseudos = [
        r.get("pseudonym") or relative_pseudonym(i, r.get("relation"))
        for i, r in enumerate(relatives)
    ]
    for rel, pseudo in zip(relatives, pseudos, strict=True):
        rel_name = rel.get("name") or rel.get("name_ko")
        if rel_name:
            reg.add(rel_name, "relative_name", f"[{pseudo}]",
                    pseudo, person_variants(rel.get("name"), rel.get("name_ko")))  # fmt: skip

    for itv in case.get("interviews") or []:
        if itv.get("interviewer"):
            who = itv["interviewer"]
            latin, ko = (None, who) if hangul.is_hangul_text(who) else (who, None)
            reg.add(who, "interviewer", TOKENS["interviewer"], "interviewer",
                    person_variants(latin, ko))  # fmt: skip

    known = known_hangul(
        [iv.get("hometown_ko") or ""]
        + [st.get("text_ko") or "" for st in case.get("sensitive_terms") or []]
    )
    for key in ("hometown", "hometown_ko"):
        if iv.get(key):
            reg.add(iv[key], "hometown", TOKENS["hometown"], "witness",
                    place_variants(iv[key], known=known))  # fmt: skip
    for rel, pseudo in zip(relatives, pseudos, strict=True):
        if rel.get("location"):
            reg.add(rel["location"], "relative_location", TOKENS["relative_location"], pseudo,
                    place_variants(rel["location"], known=known))  # fmt: skip

    public = public_words(case)
    for st in case.get("sensitive_terms") or []:
        category = st.get("category") or "sensitive"
        # Shortened, renumbered and reordered forms go with the first text registered.
        extra, attach = unit_variants(st.get("text"), st.get("text_ko"), category, public)
        for key in ("text", "text_ko"):
            if st.get(key):
                variants = place_variants(st[key])
                if key == "text" and is_person_name(st[key]):
                    variants = variants | person_variants(st[key], st.get("text_ko"))
                reg.add(st[key], category, token_for(category), "case",
                        extra | variants, attach)  # fmt: skip
                extra, attach = {}, frozenset()

    for rel, pseudo in zip(relatives, pseudos, strict=True):
        for part in distinctive_parts(rel.get("details") or ""):
            reg.add(part, "relative_detail", TOKENS["relative_detail"], pseudo,
                    place_variants(part))  # fmt: skip

    for itv in case.get("interviews") or []:
        if itv.get("place"):
            reg.add(itv["place"], "interview_place", TOKENS["interview_place"], "case",
                    place_variants(itv["place"]))  # fmt: skip

    if iv.get("phone"):
        reg.add_phone(iv["phone"], "phone", TOKENS["phone"], "witness")
    if case.get("ref"):
        reg.add(case["ref"], "case_ref", TOKENS["case_ref"], "case", literal_variants(case["ref"]))
    if iv.get("birth_date"):
        reg.add(iv["birth_date"], "birth_date", TOKENS["birth_date"], "witness",
                date_variants(str(iv["birth_date"])))  # fmt: skip

    for d in decisions:
        if getattr(d, "decision", None) == "accept" and getattr(d, "scope", None) == "all":
            add_accepted(reg, d.text, d.category)
    return reg


def add_accepted(reg: Registry, text: str, category: str) -> None:
    """A suggestion accepted for all occurrences: its text is redacted like a registered term."""
    if category == "phone" and reg.add_phone(text, category, token_for(category), "review"):
        return
    variants = literal_variants(text) if not hangul.is_hangul_text(text) else {}
    if hangul.is_hangul_text(text):
        t = text.strip()
        variants[t] = VariantSpec("plain", loose_tail=len(t.replace(" ", "")) >= 3)
    reg.add(text, category, token_for(category), "review", variants)


_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'’\-]*|\d+(?:st|nd|rd|th)?")


def distinctive_parts(details: str) -> list[str]:
    """The identifying pieces of a free-text detail ("works at the Hoeryong textile mill" ->
    "Hoeryong textile mill", "Hoeryong"): proper names, named institutions, numbered units."""
    if not details.strip():
        return []
    words = data.context_words()
    inst_en = {w.lower() for w in words["institution_en"]}
    stop = set(words["stop_en"]) | {"works", "worked", "lives", "lived", "she", "he", "they",
                                    "the", "a", "was", "is", "at", "in", "on"}  # fmt: skip
    out: list[str] = []
    for sentence in re.split(r"[;,()\n]|\.\s+(?=[A-Z])|\.$", details):
        toks = list(_WORD.finditer(sentence))
        i = 0
        while i < len(toks):
            t = toks[i].group()
            named = (t[:1].isupper() or t[:1].isdigit()) and t.lower() not in stop
            if not named:
                i += 1
                continue
            j = i
            while j + 1 < len(toks):
                nxt = toks[j + 1].group()
                gap = sentence[toks[j].end() : toks[j + 1].start()]
                if not (nxt[:1].isupper() or nxt[:1].isdigit()) or gap.strip(" .") != "":
                    break
                j += 1
            proper = sentence[toks[i].start() : toks[j].end()]
            k = j
            while k + 1 < len(toks) and k - j < 3 and toks[k + 1].group()[:1].islower():
                k += 1
                if toks[k].group().lower() in inst_en:
                    out.append(sentence[toks[i].start() : toks[k].end()])
                    break
            if any(c.isalpha() for c in proper) and len(proper) >= 4:
                out.append(proper)
            elif proper[:1].isdigit() and k > j:
                pass
            i = j + 1
    for word in re.findall("[\uac00-\ud7a3\\d]+", details):
        for suf in data.context_words()["institution_ko"]:
            pos = word.find(suf)
            if pos >= 1 and len(suf) >= 2:
                out.append(word[: pos + len(suf)])
                break
    table = data.surnames().all_latin
    kept = []
    for p in (p.strip() for p in out):
        single = p.lower().strip(". ")
        if not p or (" " not in single and (single in table or single in stop)):
            continue  # a bare surname or a common word is never a term
        kept.append(p)
    return list(dict.fromkeys(kept))


def relative_pseudonyms(case: Mapping[str, Any]) -> list[str]:
    rels: Sequence[Mapping[str, Any]] = case.get("relatives") or []
    return [
        r.get("pseudonym") or relative_pseudonym(i, r.get("relation")) for i, r in enumerate(rels)
    ]
