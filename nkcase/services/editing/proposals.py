"""The finder's proposals computed once per text version and cached in the vault.

Called on the worker after a save has committed (the editor's autosave, an import): the text is
safe whatever the finder does. Texts are read in one short transaction, analysed with no
transaction open (the finder can take a while on a long Korean narrative), and each text's
proposals stored in a transaction of its own, so a lock or a crash loses at most one cache row,
never an edit. The review and the export read the cache through
:class:`nkcase.redaction.store.ProposalCache` and never wait for the finder on a cached text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy.orm import Session

from nkcase.redaction.detectors import detect
from nkcase.redaction.engine import text_fields
from nkcase.redaction.store import cached_proposals, store_proposals
from nkcase.services import cases as case_service
from nkcase.vault.vault import Vault

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def case_texts(session: Session, case_id: int) -> dict[str, str]:
    """The case's free texts by field key, exactly as the redaction engine reads them."""
    case = case_service.find_case(session, str(case_id))
    return text_fields(case_service.case_to_dict(case, identity=True))


def missing_texts(
    session: Session, case_id: int, field_keys: Iterable[str] | None = None
) -> dict[str, str]:
    """The case's texts (or those of ``field_keys``) with no cached proposals yet."""
    texts = case_texts(session, case_id)
    wanted = set(field_keys) if field_keys is not None else None
    return {
        key: text
        for key, text in texts.items()
        if (wanted is None or key in wanted) and cached_proposals(session, text) is None
    }


def propose_texts(
    vault: Vault,
    case_id: int,
    field_keys: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Analyse the case's texts that have no cached proposals; returns how many were analysed."""
    if field_keys is not None:
        field_keys = list(field_keys)
        if not field_keys:
            return 0
    with vault.session() as session:
        todo = missing_texts(session, case_id, field_keys)
    return _analyse(vault, list(todo.values()), progress)


def propose_cases(vault: Vault, case_ids: Sequence[int], progress: Progress | None = None) -> int:
    """The same for several cases (after an import); returns how many texts were analysed."""
    todo: list[str] = []
    with vault.session() as session:
        for case_id in case_ids:
            todo.extend(missing_texts(session, case_id).values())
    return _analyse(vault, todo, progress)


def _analyse(vault: Vault, texts: list[str], progress: Progress | None) -> int:
    unique = list(dict.fromkeys(texts))  # the same text in two places is analysed once
    for done, text in enumerate(unique, 1):
        detections = detect(text)  # no transaction open meanwhile
        with vault.session() as session:
            store_proposals(session, text, detections)
        if progress is not None:
            progress(done, len(unique))
    if unique:
        log.debug("proposals cached for %d texts", len(unique))
    return len(unique)
