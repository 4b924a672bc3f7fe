"""Case use cases shared by the CLI and the GUI: import, look up, edit texts, export-cases.

The case list (``CaseRow``, ``list_cases``...) lives in :mod:`nkcase.services.caselist` and the
case-file shaping (``case_to_dict``, ``to_case_file_case``) in :mod:`nkcase.services.case_dicts`;
both are re-exported here for existing callers.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from nkcase.domain.casefile import FORMAT, load_case_file
from nkcase.errors import CaseFileError, CaseNotFound
from nkcase.services import audit, case_dicts, caselist, search
from nkcase.vault.keyslots import _CROCKFORD
from nkcase.vault.models import (
    Case,
    Consent,
    Deployment,
    Identity,
    Indicator,
    Interview,
    Relative,
    SensitiveTerm,
    TextVersion,
    utcnow,
)
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

# The case list lives in nkcase.services.caselist; these names keep earlier callers working.
CaseRow = caselist.CaseRow
SORT_COLUMNS = caselist.SORT_COLUMNS
count_cases = caselist.count_cases
get_rows = caselist.get_rows
list_cases = caselist.list_cases

# The case-file shaping lives in nkcase.services.case_dicts; these names keep callers working.
case_to_dict = case_dicts.case_to_dict
to_case_file_case = case_dicts.to_case_file_case


def sha256_text(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def role_letter(index: int) -> str:
    """A, B, ... Z, AA, AB, ..."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def new_pseudonym(session: Session) -> str:
    """A random case pseudonym such as W-7Q4K, unique in this vault."""
    for length in (4, 4, 4, 5, 5, 6):
        candidate = "W-" + "".join(secrets.choice(_CROCKFORD) for _ in range(length))
        if session.scalar(select(Case.id).where(Case.pseudonym == candidate)) is None:
            return candidate
    raise RuntimeError("could not find a free pseudonym")  # pragma: no cover - 2^-100 odds


# -- building cases ------------------------------------------------------------------------
def _record_text(
    session: Session, case_id: int, field_key: str, value: str | None, actor: str, action: str
) -> None:
    """Keep this version of a text and index it; earlier versions are never touched."""
    if value is None:
        value = ""
    last = session.scalar(
        select(TextVersion)
        .where(TextVersion.case_id == case_id, TextVersion.field_key == field_key)
        .order_by(TextVersion.version.desc())
        .limit(1)
    )
    if last is not None and last.text == value:
        return
    session.add(
        TextVersion(
            case_id=case_id,
            field_key=field_key,
            version=(last.version + 1) if last else 1,
            text=value,
            sha256=sha256_text(value),
            actor=actor,
            action=action,
        )
    )
    search.index_text(session, case_id, field_key, value)


def _facts_text(case: Case) -> str:
    parts: list[str] = []
    for dep in case.deployments:
        parts += [
            dep.region or "",
            dep.site or "",
            dep.sector or "",
            dep.employer or "",
            dep.dispatching_entity or "",
        ]
    return " ".join(p for p in parts if p)


def _people_text(case: Case) -> str:
    ident = case.identity
    parts = [
        ident.name or "",
        ident.name_ko or "",
        *(ident.aliases or []),
        ident.hometown or "",
        ident.hometown_ko or "",
    ]
    for rel in case.relatives:
        parts += [rel.name or "", rel.name_ko or "", rel.location or ""]
    for term in case.sensitive_terms:
        parts += [term.text or "", term.text_ko or ""]
    return " ".join(p for p in parts if p)


def refresh_summary(session: Session, case: Case, actor: str = audit.DEFAULT_ACTOR) -> None:
    """Recompute the case-list columns and the structured search texts after any change."""
    case.countries = ",".join(sorted({d.country for d in case.deployments if d.country}))
    case.sectors = ",".join(sorted({d.sector for d in case.deployments if d.sector}))
    starts = sorted(d.start for d in case.deployments if d.start)
    ends = sorted(e for e in (d.end or d.start for d in case.deployments) if e)
    case.period_start = starts[0] if starts else None
    case.period_end = ends[-1] if ends else None
    case.indicator_codes = ",".join(sorted({i.code for i in case.indicators}))
    consent = case.consent
    case.targets = ",".join(sorted(consent.share_with or [])) if consent else ""
    case.withdrawn = bool(consent and consent.withdrawn_on)
    case.updated_at = utcnow()
    session.flush()
    search.index_text(session, case.id, "facts", _facts_text(case))
    search.index_text(session, case.id, "people", _people_text(case))


def add_case(session: Session, data: dict[str, Any], actor: str = audit.DEFAULT_ACTOR) -> Case:
    """Store one validated case-file case; returns the new Case (flushed, with an id)."""
    case = Case(pseudonym=new_pseudonym(session))
    who = data["interviewee"]
    case.identity = Identity(
        ref=data.get("ref"), **{k: who.get(k) for k in case_dicts.IDENTITY_KEYS}
    )
    if case.identity.aliases is None:
        case.identity.aliases = []
    case.relatives = [
        Relative(
            position=i,
            role_letter=role_letter(i),
            relation=r["relation"],
            name=r["name"],
            name_ko=r["name_ko"],
            location=r["location"],
            details=r["details"],
        )
        for i, r in enumerate(data.get("relatives") or [])
    ]
    case.sensitive_terms = [
        SensitiveTerm(position=i, text=t["text"], text_ko=t["text_ko"], category=t["category"])
        for i, t in enumerate(data.get("sensitive_terms") or [])
    ]
    for i, d in enumerate(data.get("deployments") or []):
        dep = Deployment(position=i, **{k: d.get(k) for k in case_dicts.DEPLOYMENT_KEYS})
        case_dicts.set_money(dep, "wage_promised", d.get("wage_promised"))
        case_dicts.set_money(dep, "wage_received", d.get("wage_received"))
        case.deployments.append(dep)
    case.indicators = [
        Indicator(position=i, code=x["code"], evidence=x["evidence"])
        for i, x in enumerate(data.get("indicators") or [])
    ]
    consent = data["consent"]
    case.consent = Consent(**{k: consent.get(k) for k in case_dicts.CONSENT_KEYS})
    if case.consent.share_with is None:
        case.consent.share_with = []
    for flag in ("interview", "storage", "identity_to_ohchr", "identity_to_governments"):
        if getattr(case.consent, flag) is None:
            setattr(case.consent, flag, False)
    if case.consent.public_attribution is None:
        case.consent.public_attribution = "none"
    for i, iv in enumerate(data["interviews"]):
        translation = iv.get("translation") or {}
        case.interviews.append(
            Interview(
                position=i,
                date=iv.get("date"),
                place=iv.get("place"),
                interviewer=iv.get("interviewer"),
                language=iv.get("language"),
                narrative=iv["narrative"],
                translation_language=translation.get("language"),
                translation=translation.get("text"),
            )
        )
    session.add(case)
    session.flush()
    for iv in case.interviews:
        _record_text(
            session, case.id, f"interview/{iv.id}/narrative", iv.narrative, actor, "recorded"
        )
        if iv.translation:
            _record_text(
                session,
                case.id,
                f"interview/{iv.id}/translation",
                iv.translation,
                actor,
                "translated",
            )
    for ind in case.indicators:
        if ind.evidence:
            _record_text(
                session, case.id, f"indicator/{ind.id}/evidence", ind.evidence, actor, "recorded"
            )
    refresh_summary(session, case, actor)
    audit.record(
        session,
        "case.created",
        case_id=case.id,
        actor=actor,
        detail={"pseudonym": case.pseudonym, "interviews": len(case.interviews)},
    )
    return case


def import_case_file(
    vault: Vault,
    path: Path,
    actor: str = audit.DEFAULT_ACTOR,
    propose: bool = True,
    as_new: bool = False,
) -> list[tuple[int, str]]:
    """Import every case of one file in one transaction: all of them, or none.

    A case already in the vault is refused (:func:`refuse_duplicates`) unless ``as_new``.
    Then (``propose``), once the import has committed, the finder's proposals for the imported
    texts are computed and cached, so opening one of these cases never waits for the finder.
    """
    cases = load_case_file(Path(path))  # validation happens before anything is written
    imported: list[tuple[int, str]] = []
    with vault.session() as session:
        if not as_new:  # a case already here is refused unless the user says it is another
            refuse_duplicates(session, cases, str(path))
        for data in cases:
            case = add_case(session, data, actor)
            imported.append((case.id, case.pseudonym))
        audit.record(
            session,
            "cases.imported",
            actor=actor,
            detail={"count": len(imported), "file_sha256": _file_hash(Path(path))},
        )
    log.info("imported %d cases", len(imported))
    if propose:
        from nkcase.services.editing.proposals import propose_cases  # (it imports this module)

        propose_cases(vault, [case_id for case_id, _ in imported])
    return imported


def _narrative_hashes(data: dict[str, Any]) -> frozenset[str]:
    return frozenset(sha256_text(iv["narrative"]) for iv in data["interviews"])


def refuse_duplicates(session: Session, cases: list[dict[str, Any]], source: str = "") -> None:
    """Refuse (CaseFileError, nothing written) a case already in the vault, or twice in the file.

    The same case is one with the same case reference, or whose every interview narrative is
    the first recorded version of a narrative of one existing case (kept for ever in
    text_versions, so later edits do not hide it). A case imported twice would be counted twice
    in a pattern packet, and its consent would live in two places.
    """
    by_ref: dict[str, str] = {
        str(ref): pseudonym
        for ref, pseudonym in session.execute(
            select(Identity.ref, Case.pseudonym)
            .join(Case, Case.id == Identity.case_id)
            .where(Identity.ref.is_not(None), Identity.ref != "")
        )
    }
    first_versions: dict[str, set[int]] = {}
    for case_id, digest in session.execute(
        select(TextVersion.case_id, TextVersion.sha256).where(
            TextVersion.version == 1,
            TextVersion.field_key.like("interview/%/narrative"),
        )
    ):
        first_versions.setdefault(digest, set()).add(case_id)
    seen_refs: dict[str, int] = {}
    seen_texts: dict[frozenset[str], int] = {}
    for i, data in enumerate(cases):
        where = f"cases[{i}]"
        ref = (data.get("ref") or "").strip()
        texts = _narrative_hashes(data)
        if ref and ref in by_ref:
            _duplicate(where, f"has the case reference of {by_ref[ref]}, in this vault", source)
        holders = set.intersection(*(first_versions.get(h, set()) for h in texts))
        if holders:
            pseudonym = session.scalar(select(Case.pseudonym).where(Case.id == min(holders)))
            _duplicate(where, f"is already in this vault as {pseudonym} (same narratives)", source)
        if ref and ref in seen_refs:
            _duplicate(where, f"has the same case reference as cases[{seen_refs[ref]}]", source)
        if texts in seen_texts:
            _duplicate(where, f"repeats cases[{seen_texts[texts]}] (the same narratives)", source)
        if ref:
            seen_refs[ref] = i
        seen_texts[texts] = i


def _duplicate(where: str, why: str, source: str) -> None:
    raise CaseFileError(
        where,
        f"{why}; nothing was imported. Edit that case in nkcase instead (or, if this really is "
        "another witness's case, import it with --as-new)",
        source,
    )


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- finding and reading ------------------------------------------------------------------
def _full_case() -> Any:
    return select(Case).options(
        selectinload(Case.identity),
        selectinload(Case.relatives),
        selectinload(Case.sensitive_terms),
        selectinload(Case.deployments),
        selectinload(Case.indicators),
        selectinload(Case.consent),
        selectinload(Case.interviews),
        selectinload(Case.persons),
    )


def find_case(session: Session, ref: str | int) -> Case:
    """A case by its number or its pseudonym (case-insensitive)."""
    text_ref = str(ref).strip()
    stmt = _full_case()
    if text_ref.isdigit():
        case = session.scalar(stmt.where(Case.id == int(text_ref)))
    else:
        case = session.scalar(stmt.where(func.upper(Case.pseudonym) == text_ref.upper()))
    if case is None:
        raise CaseNotFound(f"No case {text_ref!r} in this vault (see `nkcase list`).")
    return case


def export_case_file(session: Session, refs: Sequence[str] | None = None) -> dict[str, Any]:
    """The given cases (all when ``refs`` is empty) as a case-file-v1 document, audited."""
    if refs:
        cases = [find_case(session, r) for r in refs]
    else:
        cases = list(session.scalars(_full_case().order_by(Case.id)))
    audit.record(session, "cases.exported_in_clear", detail={"cases": [c.id for c in cases]})
    return {"format": FORMAT, "cases": [case_dicts.to_case_file_case(c) for c in cases]}


# -- editing -------------------------------------------------------------------------------
def set_interview_text(
    session: Session,
    case: Case,
    interview_id: int,
    which: str,
    value: str,
    actor: str = audit.DEFAULT_ACTOR,
) -> None:
    """Replace a narrative or translation; the earlier version stays in text_versions."""
    if which not in ("narrative", "translation"):
        raise ValueError(which)
    interview = next((iv for iv in case.interviews if iv.id == interview_id), None)
    if interview is None:
        raise CaseNotFound(f"Case {case.pseudonym} has no interview {interview_id}.")
    if (getattr(interview, which) or "") == value:
        return
    setattr(interview, which, value)
    key = f"interview/{interview_id}/{which}"
    _record_text(
        session, case.id, key, value, actor, "edited" if which == "narrative" else "translated"
    )
    case.updated_at = utcnow()
    audit.record(
        session,
        "text.edited",
        case_id=case.id,
        actor=actor,
        detail={"field": key, "sha256": sha256_text(value)},
    )


def text_history(session: Session, case_id: int, field_key: str) -> list[TextVersion]:
    return list(
        session.scalars(
            select(TextVersion)
            .where(TextVersion.case_id == case_id, TextVersion.field_key == field_key)
            .order_by(TextVersion.version)
        )
    )
