from __future__ import annotations

import logging
import threading
from typing import Any

import pytest

from nkcase.errors import CaseNotFound, VaultLocked, WrongPassphrase
from nkcase.gui.worker import GENERIC_FAILURE, DbWorker
from nkcase.services import cases
from nkcase.services.vaults import open_vault
from nkcase.vault.vault import Vault
from tests.gui.conftest import call_on_worker


def test_operation_runs_on_worker_thread_and_result_comes_back_on_gui_thread(
    seeded_worker: DbWorker, qtbot: Any
) -> None:
    seen: dict[str, Any] = {}

    def count(vault: Vault) -> int:
        seen["op_thread"] = threading.get_ident()
        with vault.session() as session:
            return cases.count_cases(session)

    def done(n: int) -> None:
        seen["cb_thread"] = threading.get_ident()
        seen["n"] = n

    seeded_worker.submit(count, on_success=done)
    qtbot.waitUntil(lambda: "n" in seen)
    assert seen["n"] >= 5
    assert seen["op_thread"] != threading.get_ident()
    assert seen["cb_thread"] == threading.get_ident()


def test_operations_run_in_order(seeded_worker: DbWorker, qtbot: Any) -> None:
    order: list[int] = []
    for i in range(20):
        seeded_worker.submit(lambda _v, i=i: i, on_success=order.append)
    qtbot.waitUntil(lambda: len(order) == 20)
    assert order == list(range(20))


def test_nkcase_error_reaches_failed_signal_with_its_message(
    seeded_worker: DbWorker, qtbot: Any
) -> None:
    def missing(vault: Vault) -> None:
        with vault.session() as session:
            cases.find_case(session, "W-ZZZZZZ")

    with qtbot.waitSignal(seeded_worker.failed) as blocker:
        seeded_worker.submit(missing)
    assert "W-ZZZZZZ" in blocker.args[0]


def test_unexpected_error_is_logged_without_its_message(
    seeded_worker: DbWorker, qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(_vault: Vault) -> None:
        raise ValueError("Kim Myong Chol from Hoeryong")

    with caplog.at_level(logging.ERROR), qtbot.waitSignal(seeded_worker.failed) as blocker:
        seeded_worker.submit(boom)
    assert blocker.args[0] == GENERIC_FAILURE
    assert "ValueError" in caplog.text
    assert "Kim" not in caplog.text and "Hoeryong" not in caplog.text


def test_on_failure_gets_the_exception(seeded_worker: DbWorker, qtbot: Any) -> None:
    def missing(vault: Vault) -> None:
        with vault.session() as session:
            cases.find_case(session, "99999")

    with pytest.raises(CaseNotFound):
        call_on_worker(seeded_worker, qtbot, missing)


def test_progress_is_delivered(seeded_worker: DbWorker, qtbot: Any) -> None:
    steps: list[tuple[int, int]] = []
    done: list[str] = []

    def work(_vault: Vault, progress: Any) -> str:
        for i in range(1, 4):
            progress(i, 3)
        return "ok"

    seeded_worker.submit(
        work, on_success=done.append, on_progress=lambda d, t: steps.append((d, t))
    )
    qtbot.waitUntil(lambda: done == ["ok"])
    assert steps == [(1, 3), (2, 3), (3, 3)]


def test_locked_worker_refuses_vault_operations(worker: DbWorker, qtbot: Any) -> None:
    with pytest.raises(VaultLocked):
        call_on_worker(worker, qtbot, lambda v: v)


def test_wrong_passphrase_fails_and_keeps_locked(
    worker: DbWorker, qtbot: Any, vault: Vault
) -> None:
    errors: list[BaseException] = []
    worker.open_vault(lambda: open_vault(vault.folder, passphrase="nope"), on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], WrongPassphrase)
    assert not worker.is_unlocked


def test_close_vault_runs_after_queued_work(seeded_worker: DbWorker, qtbot: Any) -> None:
    results: list[Any] = []
    seeded_worker.submit(lambda v: "saved", on_success=results.append)
    with qtbot.waitSignal(seeded_worker.vault_closed):
        seeded_worker.close_vault()
    assert results == ["saved"]
    assert not seeded_worker.is_unlocked
    with pytest.raises(VaultLocked):
        call_on_worker(seeded_worker, qtbot, lambda v: v)


def test_busy_signal_brackets_work(seeded_worker: DbWorker, qtbot: Any) -> None:
    states: list[bool] = []
    seeded_worker.busy_changed.connect(states.append)
    with qtbot.waitSignal(seeded_worker.busy_changed, check_params_cb=lambda b: b is False):
        seeded_worker.submit(lambda v: 1)
        seeded_worker.submit(lambda v: 2)
    assert states == [True, False]
