"""Core errors in the GUI: a translated headline (Korean too) above the translated detail."""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import pytest

import nkcase
from nkcase import errors
from nkcase.errors import CaseFileError, ExportRefused, NkcaseError
from nkcase.gui.errors import HEADLINES, headline, user_message
from nkcase.gui.i18n import install_language
from nkcase.gui.worker import DbWorker
from nkcase.vault.vault import Vault

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _all_subclasses() -> set[type[NkcaseError]]:
    # Import every core module, so a subclass defined outside nkcase/errors.py is seen too.
    # (Not the GUI, nor scripts that run when imported: __main__, Alembic's env.)
    skip = ("nkcase.gui", "nkcase.vault.migrations", "nkcase.__main__")
    for info in pkgutil.walk_packages(nkcase.__path__, "nkcase."):
        if not info.name.startswith(skip):
            importlib.import_module(info.name)
    found: set[type[NkcaseError]] = set()
    todo: list[type[NkcaseError]] = [NkcaseError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_error_class_has_a_headline_of_its_own() -> None:
    missing = sorted(c.__qualname__ for c in _all_subclasses() if c not in HEADLINES)
    assert missing == []
    assert len(set(map(str, HEADLINES.values()))) == len(HEADLINES)  # each says something else
    assert {c for c in vars(errors).values() if isinstance(c, type)} & set(HEADLINES)


def test_every_headline_is_korean_when_korean_is_on(qapp: Any) -> None:
    english = {cls: headline(cls.__new__(cls)) for cls in HEADLINES}
    assert install_language(qapp, "ko")
    korean = {cls: headline(cls.__new__(cls)) for cls in HEADLINES}
    untranslated = [cls.__name__ for cls in HEADLINES if not HANGUL.search(korean[cls])]
    assert untranslated == []
    assert all(korean[c] != english[c] for c in HEADLINES)
    assert korean[ExportRefused] == "내보내기가 거부되었습니다."


def test_headline_above_the_detail(qapp: Any) -> None:
    exc = ExportRefused("W-7Q4K: consent gate G1 (storage and internal use) is missing")
    assert user_message(exc).splitlines() == ["The export was refused.", str(exc)]
    install_language(qapp, "ko")
    # The detail is translated too (nkcase/gui/error_details.py), the pseudonym kept.
    assert user_message(exc).splitlines() == [
        "내보내기가 거부되었습니다.",
        "W-7Q4K: 동의 항목 G1(보관 및 내부 사용)이 없습니다",
    ]
    # Anything else: the generic sentence only, never the exception's own text.
    assert "Hoeryong" not in user_message(ValueError("Hoeryong"))
    assert HANGUL.search(user_message(ValueError("Hoeryong")))


def test_error_raised_on_the_worker_shows_the_korean_headline(
    qapp: Any, seeded_worker: DbWorker, qtbot: Any
) -> None:
    """Korean on, a case-file error on the worker: Korean headline, then the JSON path."""
    install_language(qapp, "ko")

    def bad_file(vault: Vault) -> None:
        from nkcase.services import cases

        with vault.session() as session:
            cases.find_case(session, "1")  # a real vault operation first
        raise CaseFileError("$.interviews[0].date", "not a date (YYYY-MM-DD)", "new-case.json")

    with qtbot.waitSignal(seeded_worker.failed, timeout=10_000) as blocker:
        seeded_worker.submit(bad_file)
    first, detail = blocker.args[0].split("\n", 1)
    assert first == "사례 파일이 올바르지 않습니다."
    assert "$.interviews[0].date" in detail and "new-case.json" in detail


@pytest.mark.parametrize("cls", [errors.WrongPassphrase, errors.VaultLocked, errors.KeySlotError])
def test_subclass_uses_its_own_headline(cls: type[NkcaseError]) -> None:
    assert user_message(cls("detail")).splitlines()[0] == str(HEADLINES[cls])
