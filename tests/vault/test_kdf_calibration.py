"""Key-derivation calibration as a function of measured timings (a fake timer stands in for
the clock): about one second, median of several probes, memory raised on a fast machine up to
1 GiB then passes, never below 64 MiB / 3 passes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nkcase.vault import keyslots
from nkcase.vault.keyslots import KdfParams, calibrate_kdf

FLOOR = KdfParams(memory_kib=64 * 1024, iterations=3)
CAP_KIB = 1024 * 1024


def machine(seconds_per_mib_pass: float) -> Callable[[KdfParams], float]:
    """Argon2id's time on a quiet machine: proportional to memory x passes."""
    return lambda p: seconds_per_mib_pass * p.memory_kib / 1024 * p.iterations


def took(params: KdfParams, seconds_per_mib_pass: float) -> float:
    return machine(seconds_per_mib_pass)(params)


@pytest.mark.parametrize(
    ("mib_passes_per_second", "memory_mib", "iterations"),
    [
        (6000, 1024, 6),  # fast: memory up to the cap, then passes
        (1500, 496, 3),  # middling: more memory than the base 256 MiB
        (300, 96, 3),  # slow: less memory, passes at the floor
        (50, 64, 3),  # very slow: the floor, though it takes longer than a second
    ],
)
def test_parameters_fit_the_machine(
    mib_passes_per_second: int, memory_mib: int, iterations: int
) -> None:
    k = 1 / mib_passes_per_second
    params = calibrate_kdf(1.0, timer=machine(k))
    assert (params.memory_kib // 1024, params.iterations) == (memory_mib, iterations)
    if params != FLOOR:
        assert 0.75 <= took(params, k) <= 1.25


def test_one_busy_probe_does_not_weaken_the_vault() -> None:
    k = 1 / 1500
    quiet = calibrate_kdf(1.0, timer=machine(k))
    calls = 0

    def busy_once(p: KdfParams) -> float:
        nonlocal calls
        calls += 1
        return machine(k)(p) * (5 if calls == 1 else 1)  # another program ran meanwhile

    assert calibrate_kdf(1.0, timer=busy_once) == quiet
    assert calls == 2 * keyslots.CALIBRATION_PROBES  # the base, then the choice, each median


def test_the_same_timings_give_the_same_parameters() -> None:
    runs = {calibrate_kdf(1.0, timer=machine(1 / 2000)) for _ in range(3)}
    assert len(runs) == 1


def test_a_machine_that_slows_past_some_memory_is_brought_back_to_the_target() -> None:
    k = 1 / 6000

    def swaps(p: KdfParams) -> float:  # fine up to 512 MiB, four times slower beyond
        return machine(k)(p) * (4 if p.memory_kib > 512 * 1024 else 1)

    params = calibrate_kdf(1.0, timer=swaps)
    assert params.meets_minimum
    assert swaps(params) <= 1.25


@pytest.mark.parametrize("rate", [1, 10, 50, 100, 200, 400, 800, 1600, 3200, 6400, 12800, 1e6])
def test_bounds_hold_for_any_speed(rate: float) -> None:
    params = calibrate_kdf(1.0, timer=machine(1 / rate))
    assert params.meets_minimum
    assert params.memory_kib <= CAP_KIB and params.iterations <= keyslots.MAX_ITERATIONS
    assert params.memory_kib % (16 * 1024) == 0


def test_a_faster_machine_never_gets_weaker_parameters() -> None:
    rates = [10, 100, 300, 700, 1000, 1500, 2500, 3100, 5000, 8000, 20000]
    work = [
        (p.memory_kib, p.memory_kib * p.iterations)
        for p in (calibrate_kdf(1.0, timer=machine(1 / r)) for r in rates)
    ]
    assert [m for m, _ in work] == sorted(m for m, _ in work)
    assert [w for _, w in work] == sorted(w for _, w in work)


def test_a_choice_within_the_probed_memory_is_not_timed_again() -> None:
    calls: list[KdfParams] = []

    def slow(p: KdfParams) -> float:
        calls.append(p)
        return machine(1 / 300)(p)

    params = calibrate_kdf(1.0, timer=slow)
    assert params.memory_kib <= keyslots.BASE_MEMORY_KIB
    assert len(calls) == keyslots.CALIBRATION_PROBES  # the probes only: time is linear there
