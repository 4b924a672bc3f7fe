"""Consent gates, coarsening, PDF text/metadata leak scanning (plain data, no vault)."""

from __future__ import annotations

import pytest

from nkcase.errors import ExportRefused, UsageError
from nkcase.packets import gates, leaks, patterns, render, submission
from nkcase.redaction import api as redaction
from tests.packets import samples


def _consent(**changes: object) -> dict:
    c = samples.case()
    c["consent"].update(changes)
    return c


@pytest.mark.parametrize(
    ("changes", "target", "expected"),
    [
        ({"interview": False}, "sr_slavery", "G0"),
        ({"storage": False}, "sr_slavery", "G1"),
        ({}, "sanctions", "G2 for target sanctions"),
        ({"share_with": []}, "ohchr_seoul", "G2 for target ohchr_seoul"),
        ({"withdrawn_on": "2026-03-02"}, "sr_slavery", "withdrawn on 2026-03-02"),
    ],
)
def test_missing_gate_refuses_naming_case_and_gate(changes, target, expected) -> None:
    with pytest.raises(ExportRefused) as err:
        gates.check_gates(_consent(**changes), target)
    assert str(err.value).startswith("W-7Q4K: ") and expected in str(err.value)


def test_withdrawal_beats_every_other_gate() -> None:
    case = _consent(withdrawn_on="2026-01-01", share_with=["sr_slavery", "ohchr_seoul"])
    for target in ("sr_slavery", "ohchr_seoul"):
        with pytest.raises(ExportRefused, match="withdrawn"):
            gates.check_gates(case, target)


def test_g3_only_for_ohchr_and_g4_never_puts_identity_in() -> None:
    case = _consent(identity_to_ohchr=True, identity_to_governments=True)
    texts = samples.naive_redactions(case)
    ohchr = gates.check_gates(case, "ohchr_seoul")
    assert ohchr.include_identity
    assert "confidential_identity" in submission.case_entry(case, texts, ohchr)
    slavery = gates.check_gates(case, "sr_slavery")  # G4 given, still a letter to governments
    assert not slavery.include_identity
    assert "confidential_identity" not in submission.case_entry(case, texts, slavery)
    record = gates.consent_record(case, slavery)
    assert "G3" not in record["gates"] and record["gates"]["G4"] is True
    assert not gates.check_gates(_consent(identity_to_ohchr=False), "ohchr_seoul").include_identity


def test_unknown_target_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown target"):
        gates.check_gates(samples.case(), "panel_of_experts")


@pytest.mark.parametrize(
    ("birth", "event", "band"),
    [
        ("1968-04", "2000-03-14", "30-34"),
        ("1968-04", "2000-05", "30-34"),
        ("1970", "2000", "30-34"),
        ("1966-02-01", "2000-03", "30-34"),
        (None, "2000", None),
        ("1975-12", "2000-01", "20-24"),
    ],
)
def test_age_bands(birth, event, band) -> None:
    assert submission.age_band(birth, event) == band


def test_coarsening() -> None:
    entry = submission.case_entry(
        samples.case(), {}, gates.check_gates(samples.case(), "sr_slavery")
    )
    dep = entry["deployments"][0]
    assert dep["start"] == "2000-03" and dep["end"] == "2002-05"
    assert dep["share_withheld"] == 0.95
    assert entry["witness"]["home_province"] == {"en": "North Hamgyong", "ko": "함경북도"}
    assert entry["interviews"] == [{"month": "2026-09", "language": "en"}]
    flat = repr(entry)
    for secret in ("Tynda", "timber", "Park Ji-won", "Seoul", "1968", "Hoeryong", "NGO-2026"):
        assert secret not in flat
    who = {"hometown": "함경북도 회령시"}
    assert submission.province(who) == {"en": "North Hamgyong", "ko": "함경북도"}


def test_share_withheld_needs_same_currency_and_period() -> None:
    usd = {"amount": 100, "currency": "USD", "per": "month"}
    assert submission.share_withheld(usd, {"amount": 10, "currency": "USD", "per": "month"}) == 0.9
    assert submission.share_withheld(usd, {"amount": 10, "currency": "RUB", "per": "month"}) is None
    assert submission.share_withheld(usd, {"amount": 10, "currency": "USD", "per": "day"}) is None


def _rendered(case: dict, target: str = "ohchr_seoul") -> tuple[dict, render.RenderedPDF]:
    decision = gates.check_gates(case, target)
    texts = samples.naive_redactions(case)  # deliberately NOT redacted: the scan must object
    entry = submission.case_entry(case, texts, decision)
    sub = {
        "kind": "individual",
        "packet_id": "P-TEST",
        "created": "2026-10-05",
        "organisation": "Test NGO",
        "signer_fingerprint": "SHA256:x",
        "target": {"code": target, "name": "T", "name_ko": "티"},
        "cases": [entry],
    }
    return sub, render.render_submission(sub, submission.narrative_files(case, texts))


def test_pdf_text_in_both_scripts_is_scanned() -> None:
    case = samples.case()
    _, pdf = _rendered(case)
    texts = dict(leaks.pdf_texts(pdf.data))
    body = "\n".join(texts.values())
    assert "Kim Myong Chol" in body and "리순희" in body  # extractable, both scripts
    check = leaks.registry_checker([("W-7Q4K", redaction.build_registry(case))])

    with pytest.raises(ExportRefused, match=r"W-7Q4K: .* in submission.pdf page 2"):
        leaks.scan_packet({"submission.pdf": pdf.data}, check)


def test_confidential_pages_are_the_only_place_identity_may_be() -> None:
    case = samples.case(
        interviews=[{**samples.CASE["interviews"][0], "narrative": "Clean.", "translation": None}]
    )
    case["indicators"] = []
    _, pdf = _rendered(case)
    assert pdf.confidential_pages == frozenset({pdf.pages})
    check = leaks.registry_checker([("W-7Q4K", redaction.build_registry(case))])

    leaks.scan_packet({"submission.pdf": pdf.data}, check, pdf.confidential_pages)
    with pytest.raises(ExportRefused, match="page 3"):
        leaks.scan_packet({"submission.pdf": pdf.data}, check)


def test_pdf_metadata_is_bare_and_scanned() -> None:
    _, pdf = _rendered(samples.case(), "sr_slavery")
    meta = dict(leaks.pdf_texts(pdf.data))["submission.pdf metadata"]
    assert "/Author" not in meta and "/Creator" not in meta
    assert "/Producer nkcase" in meta


def test_patterns_statistics() -> None:
    entries = []
    for i, (country, hours, rest, received) in enumerate(
        [("RUS", 18, 0, 6), ("RUS", 12, 2, 60), ("CHN", 15, 1, 12)]
    ):
        case = samples.case(pseudonym=f"W-000{i}")
        dep = case["deployments"][0]
        dep.update(country=country, hours_per_day=hours, rest_days_per_month=rest)
        dep["wage_received"]["amount"] = received
        entries.append(submission.case_entry(case, {}, gates.check_gates(case, "sr_slavery")))
    stats = patterns.compute(entries)
    assert stats["by_country"][0] == {"code": "RUS", "label": "Russia", "cases": 2}
    assert stats["share_of_wages_withheld"]["median"] == 0.9
    assert stats["hours_per_day"]["median"] == 15
    hours_bins = {r["label"]: r["count"] for r in stats["hours_per_day"]["distribution"]}
    assert hours_bins["18-19"] == 1 and hours_bins["12-13"] == 1 and hours_bins["14-15"] == 1
    rest_bins = {r["label"]: r["count"] for r in stats["rest_days_per_month"]["distribution"]}
    assert rest_bins == {"none": 1, "under 1": 0, "1-2": 2, "3-4": 0, "5 or more": 0}
