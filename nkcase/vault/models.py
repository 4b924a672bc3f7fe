"""The vault's schema: SQLAlchemy 2 typed ORM.

Real names live in two places only: ``identities`` (the interviewee, kept apart from the case)
and ``relatives``. Everything else refers to people by pseudonym. Every text that can be edited
keeps its earlier versions in ``text_versions``; every change appends to ``audit_log``, each
entry holding the hash of the one before.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Meta(Base):
    """Vault-wide settings and secrets (organisation name, signing key, schema notes)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)


_CASCADE = "all, delete-orphan"


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    # Denormalised summary for the case list (kept current by services.cases.refresh_summary).
    countries: Mapped[str] = mapped_column(String(200), default="", index=True)
    sectors: Mapped[str] = mapped_column(String(200), default="")
    period_start: Mapped[str | None] = mapped_column(String(10), index=True)
    period_end: Mapped[str | None] = mapped_column(String(10))
    indicator_codes: Mapped[str] = mapped_column(Text, default="")
    targets: Mapped[str] = mapped_column(String(200), default="")
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)

    identity: Mapped[Identity] = relationship(
        back_populates="case", cascade=_CASCADE, uselist=False
    )
    relatives: Mapped[list[Relative]] = relationship(
        back_populates="case", cascade=_CASCADE, order_by="Relative.position"
    )
    sensitive_terms: Mapped[list[SensitiveTerm]] = relationship(
        back_populates="case", cascade=_CASCADE, order_by="SensitiveTerm.position"
    )
    deployments: Mapped[list[Deployment]] = relationship(
        back_populates="case", cascade=_CASCADE, order_by="Deployment.position"
    )
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="case", cascade=_CASCADE, order_by="Indicator.position"
    )
    consent: Mapped[Consent] = relationship(back_populates="case", cascade=_CASCADE, uselist=False)
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="case", cascade=_CASCADE, order_by="Interview.position"
    )
    persons: Mapped[list[PersonMentioned]] = relationship(
        back_populates="case", cascade=_CASCADE, order_by="PersonMentioned.position"
    )


class Identity(Base):
    """The interviewee's identity: sealed in the GUI, never in an export unless G3 allows."""

    __tablename__ = "identities"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    ref: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(200))
    name_ko: Mapped[str | None] = mapped_column(String(100))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    sex: Mapped[str | None] = mapped_column(String(8))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    hometown: Mapped[str | None] = mapped_column(String(200))
    hometown_ko: Mapped[str | None] = mapped_column(String(200))
    home_province: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(64))
    occupation: Mapped[str | None] = mapped_column(String(200))

    case: Mapped[Case] = relationship(back_populates="identity")


class Relative(Base):
    __tablename__ = "relatives"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    relation: Mapped[str] = mapped_column(String(64))
    role_letter: Mapped[str] = mapped_column(String(4))  # "A" -> "Relative A (wife)"
    name: Mapped[str | None] = mapped_column(String(200))
    name_ko: Mapped[str | None] = mapped_column(String(100))
    location: Mapped[str | None] = mapped_column(String(200))
    details: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="relatives")

    @property
    def pseudonym(self) -> str:
        return f"Relative {self.role_letter} ({self.relation})"


class SensitiveTerm(Base):
    __tablename__ = "sensitive_terms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str | None] = mapped_column(String(300))
    text_ko: Mapped[str | None] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(64))

    case: Mapped[Case] = relationship(back_populates="sensitive_terms")


class Deployment(Base):
    __tablename__ = "deployments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    region: Mapped[str | None] = mapped_column(String(200))
    site: Mapped[str | None] = mapped_column(String(300))
    sector: Mapped[str | None] = mapped_column(String(64), index=True)
    employer: Mapped[str | None] = mapped_column(String(300))
    dispatching_entity: Mapped[str | None] = mapped_column(String(300))
    start: Mapped[str | None] = mapped_column(String(10))
    end: Mapped[str | None] = mapped_column(String(10))
    wage_promised_amount: Mapped[float | None] = mapped_column(Float)
    wage_promised_currency: Mapped[str | None] = mapped_column(String(8))
    wage_promised_per: Mapped[str | None] = mapped_column(String(16))
    wage_received_amount: Mapped[float | None] = mapped_column(Float)
    wage_received_currency: Mapped[str | None] = mapped_column(String(8))
    wage_received_per: Mapped[str | None] = mapped_column(String(16))
    hours_per_day: Mapped[float | None] = mapped_column(Float)
    rest_days_per_month: Mapped[float | None] = mapped_column(Float)
    passport_held_by: Mapped[str | None] = mapped_column(String(64))
    left_by: Mapped[str | None] = mapped_column(String(32))

    case: Mapped[Case] = relationship(back_populates="deployments")


class Indicator(Base):
    """An ILO indicator with one evidence quote (several rows may share a code)."""

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(64), index=True)
    evidence: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="indicators")


class Consent(Base):
    __tablename__ = "consents"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    interview: Mapped[bool] = mapped_column(Boolean, default=False)  # G0
    storage: Mapped[bool] = mapped_column(Boolean, default=False)  # G1
    share_with: Mapped[list[str]] = mapped_column(JSON, default=list)  # G2 per target
    identity_to_ohchr: Mapped[bool] = mapped_column(Boolean, default=False)  # G3
    identity_to_governments: Mapped[bool] = mapped_column(Boolean, default=False)  # G4
    public_attribution: Mapped[str] = mapped_column(String(16), default="none")  # G5
    follow_up_contact: Mapped[bool | None] = mapped_column(Boolean)  # G6
    given_on: Mapped[str | None] = mapped_column(String(10))
    form_version: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str | None] = mapped_column(String(8))
    withdrawn_on: Mapped[str | None] = mapped_column(String(10))

    case: Mapped[Case] = relationship(back_populates="consent")


class Interview(Base):
    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    date: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(String(200))
    interviewer: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    narrative: Mapped[str] = mapped_column(Text, default="")
    translation_language: Mapped[str | None] = mapped_column(String(8))
    translation: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="interviews")


class PersonMentioned(Base):
    """Someone a witness mentions (a minder, a supervisor, a co-worker), by role and pseudonym."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(100))
    pseudonym: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    perpetrator: Mapped[bool] = mapped_column(Boolean, default=False)

    case: Mapped[Case] = relationship(back_populates="persons")


class TextVersion(Base):
    """Every version of every editable text, oldest first: edits never destroy."""

    __tablename__ = "text_versions"
    __table_args__ = (UniqueConstraint("case_id", "field_key", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    field_key: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))  # recorded, edited, translated
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """Append-only, hash-chained: each entry's hash covers its fields and the previous hash."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class RedactionDecision(Base):
    """A reviewer's decision on a suggested redaction, kept with the case."""

    __tablename__ = "redaction_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    field_key: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(8))  # accept | reject
    scope: Mapped[str] = mapped_column(String(8))  # all | span
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    context: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Attachment(Base):
    """An encrypted file (recording, photo, scan) attached to a case or interview."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="SET NULL")
    )
    filename: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    chunk_size: Mapped[int] = mapped_column(Integer)
    include_in_export: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Boxes [x, y, width, height] in pixels of the upright image, painted black in the
    # exported derivative; set only while include_in_export (revision 0002).
    blackout: Mapped[list[list[int]]] = mapped_column(JSON, default=list, server_default="[]")


class AttachmentChunk(Base):
    __tablename__ = "attachment_chunks"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachments.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))


class SearchDoc(Base):
    """One indexed text; its id is the rowid of its row in the FTS5 table ``search_index``."""

    __tablename__ = "search_docs"
    __table_args__ = (UniqueConstraint("case_id", "field_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    field_key: Mapped[str] = mapped_column(String(100))


class RedactionProposal(Base):
    """The finder's proposals for one text, cached by the text's hash and the finder's version.

    ``detections`` holds ``[start, end, category, rule]`` lists: offsets, never the text. Keyed
    by content, not by case, so a version of a text that comes back (an undo) is not analysed
    again; a new finder version simply misses the cache (revision 0003).
    """

    __tablename__ = "redaction_proposals"

    text_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    finder_version: Mapped[str] = mapped_column(String(32), primary_key=True)
    detections: Mapped[list[list[Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class KeepListEntry(Base):
    """An organisation-wide "keep": a public name, state organ or perpetrator's company that is
    evidence, not a family detail. Proposals whose folded text matches are rejected in every
    case (rule ``keep_list``); registered terms are never affected (revision 0003).

    A removal marks the row (``removed_at``) instead of deleting it, so the audit entries, which
    name only the entry's id, can always be read back to the text they were about.
    """

    __tablename__ = "keep_list"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    folded: Mapped[str] = mapped_column(String(300), index=True)
    text: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(64))
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    removed_by: Mapped[str | None] = mapped_column(String(64))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime)
