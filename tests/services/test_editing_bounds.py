"""Editing refuses what import refuses: NaN, Infinity, absurd amounts and hours, absurd years,
lone surrogates -- each an InvalidEdit naming the field, never the value, the case unchanged."""

from __future__ import annotations

import math

import pytest

from nkcase.errors import InvalidEdit
from nkcase.services import case_dicts, cases, editing
from nkcase.vault.vault import Vault
from tests.conftest import seed_files


@pytest.fixture
def case_id(vault: Vault) -> int:
    return cases.import_case_file(vault, seed_files()[0], propose=False)[0][0]


def _deployments(vault: Vault, case_id: int) -> list:
    with vault.session() as s:
        return case_dicts.case_to_dict(cases.find_case(s, case_id))["deployments"]


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"hours_per_day": math.nan}, "hours_per_day"),
        ({"hours_per_day": math.inf}, "hours_per_day"),
        ({"hours_per_day": 25}, "hours_per_day"),
        ({"rest_days_per_month": 32}, "rest_days_per_month"),
        ({"wage_received": {"amount": 1e308, "currency": "USD", "per": "month"}}, "amount"),
        ({"wage_received": {"amount": 10**40, "currency": "USD", "per": "month"}}, "amount"),
        ({"wage_promised": {"amount": -math.inf, "currency": "USD", "per": "month"}}, "amount"),
        ({"start": "9999-01"}, "start"),
        ({"end": "1850"}, "end"),
        ({"site": "camp \ud800"}, "site"),
    ],
)
def test_absurd_values_are_refused(vault, case_id, changes, field):
    before = _deployments(vault, case_id)
    dep_id = None
    with vault.session() as s:
        dep_id = cases.find_case(s, case_id).deployments[0].id
    with pytest.raises(InvalidEdit) as info, vault.session() as s:
        editing.update_deployment(s, case_id, dep_id, changes)
    assert field in info.value.field
    assert _deployments(vault, case_id) == before


def test_absurd_birth_year_is_refused(vault, case_id):
    with pytest.raises(InvalidEdit, match="birth_date"), vault.session() as s:
        editing.update_identity(s, case_id, {"birth_date": "9999-04"})


def test_share_withheld_ignores_non_finite_amounts():
    from nkcase.domain.money import share_withheld

    usd = {"currency": "USD", "per": "month"}
    assert share_withheld({"amount": math.nan, **usd}, {"amount": 1, **usd}) is None
    assert share_withheld({"amount": 10**400, **usd}, {"amount": 1, **usd}) is None
    assert share_withheld({"amount": 100, **usd}, {"amount": math.inf, **usd}) is None
    assert share_withheld({"amount": 100, **usd}, {"amount": 5, **usd}) == 0.95
