"""What the review shows for a category, a source and a decision (English and Korean).

Module-level texts in the context ``ReviewLabels`` (QT_TRANSLATE_NOOP), shared by the review
screen and the keep-list dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ReviewLabels"

_CATEGORIES: dict[str, object] = {
    "witness_name": QT_TRANSLATE_NOOP("ReviewLabels", "witness's name"),
    "relative_name": QT_TRANSLATE_NOOP("ReviewLabels", "relative's name"),
    "hometown": QT_TRANSLATE_NOOP("ReviewLabels", "hometown"),
    "phone": QT_TRANSLATE_NOOP("ReviewLabels", "phone number"),
    "case_ref": QT_TRANSLATE_NOOP("ReviewLabels", "case reference"),
    "relative_location": QT_TRANSLATE_NOOP("ReviewLabels", "relative's location"),
    "relative_detail": QT_TRANSLATE_NOOP("ReviewLabels", "identifying detail"),
    "interview_place": QT_TRANSLATE_NOOP("ReviewLabels", "interview place"),
    "interviewer": QT_TRANSLATE_NOOP("ReviewLabels", "interviewer"),
    "dob": QT_TRANSLATE_NOOP("ReviewLabels", "date of birth"),
    "birth_date": QT_TRANSLATE_NOOP("ReviewLabels", "date of birth"),
    "passport": QT_TRANSLATE_NOOP("ReviewLabels", "document number"),
    "id_number": QT_TRANSLATE_NOOP("ReviewLabels", "document number"),
    "email": QT_TRANSLATE_NOOP("ReviewLabels", "e-mail address"),
    "name": QT_TRANSLATE_NOOP("ReviewLabels", "possible name"),
    "work_unit": QT_TRANSLATE_NOOP("ReviewLabels", "work unit"),
    "unit": QT_TRANSLATE_NOOP("ReviewLabels", "work unit or team"),
    "village": QT_TRANSLATE_NOOP("ReviewLabels", "village"),
    "employer": QT_TRANSLATE_NOOP("ReviewLabels", "employer"),
    "event": QT_TRANSLATE_NOOP("ReviewLabels", "event"),
    "place": QT_TRANSLATE_NOOP("ReviewLabels", "place"),
    "organisation": QT_TRANSLATE_NOOP("ReviewLabels", "organisation"),
    "org": QT_TRANSLATE_NOOP("ReviewLabels", "organisation"),
    "public": QT_TRANSLATE_NOOP("ReviewLabels", "public figure or state organ"),
    "identifier": QT_TRANSLATE_NOOP("ReviewLabels", "file, case or vehicle number"),
    "address": QT_TRANSLATE_NOOP("ReviewLabels", "address"),
    "date": QT_TRANSLATE_NOOP("ReviewLabels", "date"),
    "other": QT_TRANSLATE_NOOP("ReviewLabels", "other"),
}
_SOURCES: dict[str, object] = {
    "registry": QT_TRANSLATE_NOOP("ReviewLabels", "registered term"),
    "pattern": QT_TRANSLATE_NOOP("ReviewLabels", "pattern"),
    "suggestion": QT_TRANSLATE_NOOP("ReviewLabels", "name finder"),
}
_STATUSES: dict[str, object] = {
    "pending": QT_TRANSLATE_NOOP("ReviewLabels", "to review"),
    "accepted": QT_TRANSLATE_NOOP("ReviewLabels", "redacted"),
    "rejected": QT_TRANSLATE_NOOP("ReviewLabels", "kept as written"),
    "kept": QT_TRANSLATE_NOOP("ReviewLabels", "kept (keep list)"),
    "mixed": QT_TRANSLATE_NOOP("ReviewLabels", "decided one by one"),
    "auto": QT_TRANSLATE_NOOP("ReviewLabels", "automatic"),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def category_label(category: str) -> str:
    found = _CATEGORIES.get(category)
    return _tr(found) if found is not None else category.replace("_", " ")


def source_label(source: str) -> str:
    found = _SOURCES.get(source)
    return _tr(found) if found is not None else source


def status_label(status: str) -> str:
    found = _STATUSES.get(status)
    return _tr(found) if found is not None else status
