"""Full-text search inside the encrypted database, plus structured filters.

The FTS5 table ``search_index`` has two indexed columns per text: ``en`` (the text as written,
unicode61 words with porter stems) and ``ko`` (overlapping Hangul bigrams). A Korean query word is
searched as the phrase of its bigrams, so 김명철 finds 김명철은 and 김명철입니다; a query word that
carries a particle (김명철은, 러시아에서) is also tried by its stem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from nkcase.vault.models import SearchDoc

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_WORD = re.compile(r"[\uac00-\ud7a3]+|[^\W_]+", re.UNICODE)

# Particles and copula endings, longest first, stripped from the end of a Korean query word.
PARTICLES = sorted(
    [
        "은",
        "는",
        "이",
        "가",
        "을",
        "를",
        "의",
        "에",
        "에서",
        "에게",
        "께",
        "한테",
        "로",
        "으로",
        "와",
        "과",
        "도",
        "만",
        "까지",
        "부터",
        "처럼",
        "보다",
        "이나",
        "나",
        "이랑",
        "랑",
        "하고",
        "이다",
        "입니다",
        "이었다",
        "였다",
        "에서는",
        "에게서",
        "으로는",
        "로는",
        "에는",
        "이라",
        "라고",
        "이라고",
        "께서",
        "이며",
        "이고",
        "이는",
        "에서도",
        "에도",
        "과의",
        "와의",
        "으로부터",
        "로부터",
        "마다",
        "조차",
        "밖에",
        "씨",
        "씨는",
        "씨가",
        "씨의",
    ],
    key=len,
    reverse=True,
)


def hangul_bigrams(value: str) -> str:
    """Space-separated overlapping bigrams of every Hangul run (a lone syllable stays whole)."""
    out: list[str] = []
    for run in _HANGUL_RUN.findall(value):
        if len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(out)


def korean_stem(word: str) -> str:
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _korean_clause(word: str) -> str:
    if len(word) == 1:
        # One syllable (a surname such as 최): the lone syllable, or any word starting with it
        # (a bigram prefix query; a syllable that only ends a word is not found).
        return f"(ko : {_quote(word)} OR ko : {_quote(word)}*)"
    forms = {word, korean_stem(word)}
    phrases = [_quote(hangul_bigrams(f)) for f in sorted(forms)]
    inner = " OR ".join(f"ko : {p}" for p in phrases)
    return f"({inner})" if len(phrases) > 1 else inner


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression: every word must appear (AND), ranked by bm25."""
    clauses = []
    for word in _WORD.findall(query):
        if _HANGUL_RUN.fullmatch(word):
            clauses.append(_korean_clause(word))
        else:
            clauses.append(f"en : {_quote(word.lower())}")
    return " AND ".join(clauses) if clauses else None


@dataclass
class Filters:
    country: str | None = None
    sector: str | None = None
    indicator: str | None = None
    target: str | None = None
    period_from: str | None = None  # YYYY or YYYY-MM: deployment ends on/after
    period_to: str | None = None  # deployment starts on/before
    include_withdrawn: bool = True

    def where(self, params: dict[str, Any]) -> list[str]:
        parts: list[str] = []
        if self.country:
            parts.append(
                "EXISTS (SELECT 1 FROM deployments d "
                "WHERE d.case_id = c.id AND d.country = :country)"
            )
            params["country"] = self.country.upper()
        if self.sector:
            parts.append(
                "EXISTS (SELECT 1 FROM deployments d WHERE d.case_id = c.id AND d.sector = :sector)"
            )
            params["sector"] = self.sector
        if self.indicator:
            parts.append(
                "EXISTS (SELECT 1 FROM indicators i WHERE i.case_id = c.id AND i.code = :indicator)"
            )
            params["indicator"] = self.indicator
        if self.target:
            parts.append(
                "EXISTS (SELECT 1 FROM consents k, json_each(k.share_with) j "
                "WHERE k.case_id = c.id AND j.value = :target)"
            )
            params["target"] = self.target
        if self.period_from or self.period_to:
            cond = ["d.case_id = c.id"]
            if self.period_from:
                cond.append("coalesce(d.\"end\", d.start, '9999') >= :pfrom")
                params["pfrom"] = self.period_from
            if self.period_to:
                # Compare on the prefix so 2019 includes 2019-12-31.
                cond.append("coalesce(d.start, '0000') <= :pto || '-99'")
                params["pto"] = self.period_to
            parts.append(f"EXISTS (SELECT 1 FROM deployments d WHERE {' AND '.join(cond)})")
        if not self.include_withdrawn:
            parts.append("c.withdrawn = 0")
        return parts


@dataclass
class Hit:
    case_id: int
    pseudonym: str
    score: float
    fields: list[str] = field(default_factory=list)
    snippet: str = ""


def search(
    session: Session, query: str, filters: Filters | None = None, limit: int = 100
) -> list[Hit]:
    """Cases matching every word of ``query`` (and the filters), best first."""
    filters = filters or Filters()
    params: dict[str, Any] = {"limit": limit}
    where = filters.where(params)
    match = fts_query(query) if query.strip() else None
    if match is None:
        sql = "SELECT c.id, c.pseudonym, 0.0 AS score, '' AS fields FROM cases c"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY c.updated_at DESC LIMIT :limit"
    else:
        params["match"] = match
        sql = (
            "WITH f AS MATERIALIZED (SELECT rowid AS doc, bm25(search_index) AS rank "
            "FROM search_index WHERE search_index MATCH :match) "
            "SELECT c.id, c.pseudonym, min(f.rank) AS score, group_concat(sd.field_key) AS fields "
            "FROM f JOIN search_docs sd ON sd.id = f.doc JOIN cases c ON c.id = sd.case_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " GROUP BY c.id ORDER BY score LIMIT :limit"
    rows = session.execute(text(sql), params).all()
    return [
        Hit(
            case_id=r[0],
            pseudonym=r[1],
            score=float(r[2] or 0.0),
            fields=sorted(set((r[3] or "").split(",")) - {""}),
        )
        for r in rows
    ]


def index_text(session: Session, case_id: int, field_key: str, value: str | None) -> None:
    """(Re)index one text of a case; an empty text removes it from the index."""
    doc_id = session.scalar(
        select(SearchDoc.id).where(SearchDoc.case_id == case_id, SearchDoc.field_key == field_key)
    )
    if doc_id is not None:
        session.execute(text("DELETE FROM search_index WHERE rowid = :r"), {"r": doc_id})
    if not value:
        if doc_id is not None:
            session.execute(delete(SearchDoc).where(SearchDoc.id == doc_id))
        return
    if doc_id is None:
        doc = SearchDoc(case_id=case_id, field_key=field_key)
        session.add(doc)
        session.flush()
        doc_id = doc.id
    session.execute(
        text("INSERT INTO search_index (rowid, en, ko) VALUES (:r, :en, :ko)"),
        {"r": doc_id, "en": value, "ko": hangul_bigrams(value)},
    )


def unindex_case(session: Session, case_id: int) -> None:
    ids = list(session.scalars(select(SearchDoc.id).where(SearchDoc.case_id == case_id)))
    for doc_id in ids:
        session.execute(text("DELETE FROM search_index WHERE rowid = :r"), {"r": doc_id})
    session.execute(delete(SearchDoc).where(SearchDoc.case_id == case_id))
