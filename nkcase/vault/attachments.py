"""Attachments: recordings, photos and scans, stored in chunks inside the encrypted database.

Why inside SQLCipher and not as encrypted files beside it (docs/field.md has the long version):
one encrypted container hides how many attachments there are, their sizes and names; an
attachment commits atomically with its case rows and audit entry; and a backup or rekey is one
consistent snapshot of one file. The price -- a larger database, and rekey/backup rewriting it
all -- is paid rarely.

A file is read and stored in ``CHUNK_SIZE`` pieces, each with its SHA-256, and committed every
``BATCH_CHUNKS`` chunks, so a 1 GB recording is never whole in memory and the WAL never holds
more than one batch. Until the last chunk is stored the attachment row has an empty ``sha256``
(pending); a crash leaves a pending row that :func:`purge_incomplete` removes. Reading checks
every chunk's hash, the sequence, and the whole file's hash and size.

What may leave the vault -- redacted image derivatives -- is :mod:`nkcase.vault.attachment_images`.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from nkcase.errors import (
    AttachmentDamaged,
    CaseNotFound,
    DatabaseDamaged,
    ExportRefused,
    NkcaseError,
)
from nkcase.services import audit
from nkcase.vault import engine as db
from nkcase.vault.atomic import atomic_writer
from nkcase.vault.models import Attachment, AttachmentChunk, Case, Interview, utcnow
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

CHUNK_SIZE = 1 << 20  # 1 MiB
BATCH_CHUNKS = 32  # commit every 32 MiB: bounded memory, bounded WAL
PENDING = ""  # sha256 of an attachment whose chunks are still being written
MAX_IMAGE_BYTES = 256 << 20  # images read whole for display/derivatives only up to this size
ACTOR = "local-user"

MAX_BOXES = 500
Progress = Callable[[int, int], None]
Box = tuple[int, int, int, int]  # x, y, width, height in pixels of the upright image


class Readable(Protocol):
    """Anything with ``read(n) -> bytes``: a file, a pipe, a generated stream."""

    def read(self, n: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    case_id: int
    interview_id: int | None
    filename: str
    media_type: str
    size: int
    sha256: str
    include_in_export: bool
    created_at: datetime
    blackout: tuple[Box, ...] = ()  # boxes painted black in exported derivatives

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


def _info(a: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        id=a.id,
        case_id=a.case_id,
        interview_id=a.interview_id,
        filename=a.filename,
        media_type=a.media_type,
        size=a.size,
        sha256=a.sha256,
        include_in_export=a.include_in_export,
        created_at=a.created_at,
        blackout=tuple(_as_box(b) for b in a.blackout or []),
    )


def _as_box(value: object) -> Box:
    if not isinstance(value, list | tuple) or len(value) != 4:
        raise ValueError("a box is four numbers")
    x, y, w, h = (int(v) for v in value)
    return (x, y, w, h)


def normalise_boxes(boxes: object) -> list[list[int]]:
    """``boxes`` as stored: a list of [x, y, width, height], non-negative, non-empty boxes."""
    out: list[list[int]] = []
    try:
        for box in boxes or []:  # type: ignore[attr-defined]
            if not isinstance(box, list | tuple) or any(isinstance(v, bool) for v in box):
                raise ValueError("not four numbers")
            x, y, w, h = _as_box(box)
            if x < 0 or y < 0 or w <= 0 or h <= 0:
                raise ValueError("negative box")
            out.append([x, y, w, h])
    except (TypeError, ValueError):
        raise NkcaseError(
            "A blackout box is X,Y,WIDTH,HEIGHT in pixels: whole numbers, X and Y not negative, "
            "WIDTH and HEIGHT above zero."
        ) from None
    if len(out) > MAX_BOXES:
        raise NkcaseError(f"At most {MAX_BOXES} blackout boxes per image.")
    return out


def _audit(
    session: Session, action: str, case_id: int, actor: str, detail: dict[str, object]
) -> None:
    audit.record(session, action, case_id=case_id, actor=actor, detail=detail)


def guess_media_type(filename: str) -> str:
    guessed, _ = mimetypes.guess_type(filename, strict=False)
    return guessed or "application/octet-stream"


# -- writing ------------------------------------------------------------------------------
def add_attachment(
    vault: Vault,
    case_id: int,
    source: Readable,
    filename: str,
    *,
    media_type: str | None = None,
    interview_id: int | None = None,
    total: int = 0,
    progress: Progress | None = None,
    actor: str = ACTOR,
) -> AttachmentInfo:
    """Store ``source`` (read to its end, in chunks) as an attachment of case ``case_id``.

    ``total`` (bytes, if known) is only for ``progress(done, total)``. On any failure the
    partial attachment is removed and the exception re-raised.
    """
    filename = Path(filename).name or "attachment"
    with vault.session() as session:
        purge_incomplete(session)
        if session.get(Case, case_id) is None:
            raise CaseNotFound(f"No case {case_id} in this vault (see `nkcase list`).")
        if interview_id is not None:
            iv = session.get(Interview, interview_id)
            if iv is None or iv.case_id != case_id:
                raise CaseNotFound(f"Case {case_id} has no interview {interview_id}.")
        row = Attachment(
            case_id=case_id,
            interview_id=interview_id,
            filename=filename[:300],
            media_type=(media_type or guess_media_type(filename))[:100],
            size=0,
            sha256=PENDING,
            chunk_size=CHUNK_SIZE,
            include_in_export=False,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        attachment_id = row.id
    try:
        size, digest = _store_chunks(vault, attachment_id, source, total, progress)
        with vault.session() as session:
            row = session.get_one(Attachment, attachment_id)
            row.size = size
            row.sha256 = digest
            _audit(
                session,
                "attachment.added",
                case_id,
                actor,
                # No file name: it can carry a person's name. The hash and size identify it.
                {
                    "attachment": attachment_id,
                    "sha256": digest,
                    "size": size,
                    "media_type": row.media_type,
                    "interview": interview_id,
                },
            )
            info = _info(row)
    except BaseException:
        with vault.session() as session:
            session.execute(
                delete(AttachmentChunk).where(AttachmentChunk.attachment_id == attachment_id)
            )
            session.execute(delete(Attachment).where(Attachment.id == attachment_id))
        raise
    log.info("stored attachment %d (%d bytes)", attachment_id, size)
    return info


def _store_chunks(
    vault: Vault, attachment_id: int, source: Readable, total: int, progress: Progress | None
) -> tuple[int, str]:
    whole = hashlib.sha256()
    size = 0
    seq = 0
    eof = False
    while not eof:
        # Core inserts, not ORM objects: the session's identity map would keep every chunk.
        with vault.session() as session:
            for _ in range(BATCH_CHUNKS):
                block = _read_full(source, CHUNK_SIZE)
                if not block:
                    eof = True
                    break
                whole.update(block)
                session.execute(
                    insert(AttachmentChunk),
                    [
                        {
                            "attachment_id": attachment_id,
                            "seq": seq,
                            "data": block,
                            "sha256": hashlib.sha256(block).hexdigest(),
                        }
                    ],
                )
                seq += 1
                size += len(block)
                del block
        if progress is not None:
            progress(size, max(total, size))
    return size, whole.hexdigest()


def _read_full(source: Readable, n: int) -> bytes:
    """Up to ``n`` bytes; fewer only at end of file (pipes may return short reads)."""
    parts: list[bytes] = []
    want = n
    while want > 0:
        block = source.read(want)
        if not block:
            break
        parts.append(block)
        want -= len(block)
    return b"".join(parts)


def purge_incomplete(session: Session) -> int:
    """Remove attachments a crash left half-written; returns how many."""
    ids = list(session.scalars(select(Attachment.id).where(Attachment.sha256 == PENDING)))
    if ids:
        session.execute(delete(AttachmentChunk).where(AttachmentChunk.attachment_id.in_(ids)))
        session.execute(delete(Attachment).where(Attachment.id.in_(ids)))
        log.warning("removed %d half-written attachments", len(ids))
    return len(ids)


def set_include_in_export(
    session: Session,
    attachment_id: int,
    include: bool,
    actor: str = ACTOR,
    blackout: Sequence[Sequence[int]] | None = None,
) -> None:
    """The reviewer's explicit choice; only images so marked go into packets (redacted).

    Including stores ``blackout`` (boxes x, y, width, height) with the choice when given and
    keeps the stored boxes when ``None``; excluding clears them.
    """
    row = _get(session, attachment_id)
    if include and not row.media_type.startswith("image/"):
        raise ExportRefused(
            "Only images can go into an export (as redacted copies without metadata); "
            "recordings and documents stay in the vault."
        )
    boxes = normalise_boxes(blackout) if include and blackout is not None else None
    if row.include_in_export != include:
        row.include_in_export = include
        _audit(
            session,
            "attachment.export_choice",
            row.case_id,
            actor,
            {"attachment": attachment_id, "include": include},
        )
    if not include:
        _store_boxes(session, row, [], actor)
    elif boxes is not None:
        _store_boxes(session, row, boxes, actor)


def set_blackout(
    session: Session, attachment_id: int, blackout: Sequence[Sequence[int]], actor: str = ACTOR
) -> None:
    """Replace the blackout boxes of an image that is included for export (audited)."""
    row = _get(session, attachment_id)
    if not row.include_in_export:
        raise ExportRefused(
            f"Attachment {attachment_id} is not included in exports; include it before "
            "marking what to black out."
        )
    _store_boxes(session, row, normalise_boxes(blackout), actor)


def _store_boxes(session: Session, row: Attachment, boxes: list[list[int]], actor: str) -> None:
    if list(row.blackout or []) == boxes:
        return
    row.blackout = boxes
    # Coordinates only: they say where something was hidden, not what.
    _audit(
        session,
        "attachment.blackout",
        row.case_id,
        actor,
        {"attachment": row.id, "boxes": boxes},
    )


def remove_attachment(session: Session, attachment_id: int, actor: str = ACTOR) -> None:
    row = _get(session, attachment_id)
    case_id, digest = row.case_id, row.sha256
    session.execute(delete(AttachmentChunk).where(AttachmentChunk.attachment_id == attachment_id))
    session.delete(row)
    _audit(
        session,
        "attachment.removed",
        case_id,
        actor,
        {"attachment": attachment_id, "sha256": digest},
    )


# -- reading ------------------------------------------------------------------------------
def _get(session: Session, attachment_id: int) -> Attachment:
    row = session.get(Attachment, attachment_id)
    if row is None or row.sha256 == PENDING:
        raise NkcaseError(f"No attachment {attachment_id} in this vault.")
    return row


def get_attachment(session: Session, attachment_id: int) -> AttachmentInfo:
    return _info(_get(session, attachment_id))


def list_attachments(session: Session, case_id: int | None = None) -> list[AttachmentInfo]:
    stmt = select(Attachment).where(Attachment.sha256 != PENDING).order_by(Attachment.id)
    if case_id is not None:
        stmt = stmt.where(Attachment.case_id == case_id)
    return [_info(a) for a in session.scalars(stmt)]


def _damaged(attachment_id: int, what: str) -> AttachmentDamaged:
    return AttachmentDamaged(
        f"Attachment {attachment_id} is damaged ({what}); its content cannot be trusted. "
        "Restore the vault from a backup."
    )


def iter_chunks(session: Session, attachment_id: int) -> Iterator[bytes]:
    """The attachment's bytes, chunk by chunk, each checked before it is yielded.

    The whole-file hash and size are checked after the last chunk: a consumer must treat the
    output as unconfirmed until the iterator finishes without :class:`AttachmentDamaged`.
    """
    info = get_attachment(session, attachment_id)
    whole = hashlib.sha256()
    size = 0
    seq = 0
    while size < info.size:
        try:
            row = session.execute(
                select(AttachmentChunk.data, AttachmentChunk.sha256).where(
                    AttachmentChunk.attachment_id == attachment_id, AttachmentChunk.seq == seq
                )
            ).one_or_none()
        except DBAPIError as exc:
            if db.is_damage(exc):
                raise DatabaseDamaged(
                    "The vault database is damaged: the pages holding this attachment fail "
                    "their integrity check. Restore the vault from a backup."
                ) from None
            raise _damaged(attachment_id, f"chunk {seq} cannot be read") from None
        if row is None:
            raise _damaged(attachment_id, f"chunk {seq} is missing")
        data, digest = row
        if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != digest:
            raise _damaged(attachment_id, f"chunk {seq} fails its checksum")
        whole.update(data)
        size += len(data)
        seq += 1
        yield data
    extra = session.scalar(
        select(AttachmentChunk.seq)
        .where(AttachmentChunk.attachment_id == attachment_id, AttachmentChunk.seq >= seq)
        .limit(1)
    )
    if size != info.size or extra is not None:
        raise _damaged(attachment_id, "its length differs from the recorded one")
    if whole.hexdigest() != info.sha256:
        raise _damaged(attachment_id, "the file fails its checksum")


def read_bytes(session: Session, attachment_id: int, max_bytes: int = MAX_IMAGE_BYTES) -> bytes:
    """The whole attachment in memory (for showing a photo or scan), checked; never on disk."""
    info = get_attachment(session, attachment_id)
    if info.size > max_bytes:
        raise NkcaseError(
            f"Attachment {attachment_id} is too large to open in memory "
            f"({info.size // (1 << 20)} MiB); save it instead."
        )
    return b"".join(iter_chunks(session, attachment_id))


def save_to(session: Session, attachment_id: int, target: Path) -> int:
    """Write the original, decrypted, to ``target`` (atomically: a damaged one is not kept)."""
    written = 0
    with atomic_writer(Path(target)) as fh:
        for block in iter_chunks(session, attachment_id):
            fh.write(block)
            written += len(block)
    return written
