"""kill -9 at random moments of import, edit, rekey and passphrase change (see killtrials)."""

from __future__ import annotations

import pytest

from tests.reliability import killtrials

DEFAULT_TRIALS = 10  # per mode: 40 in the default run
SLOW_TRIALS = 50  # per mode: 200 with -m slow (bench/soak.py runs more)


@pytest.mark.parametrize("mode", killtrials.MODES)
def test_kill_nine_loses_nothing_reported(mode, tmp_path):
    outcome = killtrials.run(mode, DEFAULT_TRIALS, tmp_path)
    assert outcome.trials == DEFAULT_TRIALS
    assert outcome.failures == []


@pytest.mark.slow
@pytest.mark.parametrize("mode", killtrials.MODES)
def test_kill_nine_many_points(mode, tmp_path, request):
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("long run: select it with -m slow")
    outcome = killtrials.run(mode, SLOW_TRIALS, tmp_path, seed=1200)
    assert outcome.failures == []
