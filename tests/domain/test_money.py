"""nkcase.domain.money: the share of a wage withheld, shared by the editor and the packets."""

from __future__ import annotations

from nkcase.domain.money import share_withheld

USD_MONTH = {"amount": 2000, "currency": "USD", "per": "month"}


def test_share_of_the_promised_wage_never_paid() -> None:
    assert share_withheld(USD_MONTH, {**USD_MONTH, "amount": 160}) == 0.92
    assert share_withheld(USD_MONTH, {**USD_MONTH, "amount": 2000}) == 0.0
    assert share_withheld(USD_MONTH, {**USD_MONTH, "amount": 2500}) == 0.0  # clamped
    assert share_withheld(USD_MONTH, {**USD_MONTH, "amount": 0}) == 1.0


def test_no_share_across_currencies_periods_or_missing_amounts() -> None:
    assert share_withheld(USD_MONTH, {**USD_MONTH, "currency": "RUB"}) is None
    assert share_withheld(USD_MONTH, {**USD_MONTH, "per": "day"}) is None
    assert share_withheld(USD_MONTH, None) is None
    assert share_withheld({**USD_MONTH, "amount": 0}, USD_MONTH) is None
    assert share_withheld({**USD_MONTH, "amount": "2000"}, USD_MONTH) is None
