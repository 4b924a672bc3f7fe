"""`nkcase export` refused by the leak check: the advice fits where the term is."""

from __future__ import annotations

from pathlib import Path

from nkcase.services import cases
from nkcase.vault.models import PersonMentioned, SensitiveTerm
from nkcase.vault.vault import Vault
from tests.conftest import SEEDS, run_cli
from tests.packets.conftest import review_all


def _one_case(vault: Vault) -> str:
    seed = sorted(SEEDS.glob("*.json"))[0]
    [(_, pseudonym)] = cases.import_case_file(vault, seed)[:1]
    review_all(vault, pseudonym)
    return pseudonym


def _export(vault: Vault, ref: str, target: str, out: Path):  # type: ignore[no-untyped-def]
    return run_cli(
        "export", "--vault", vault.folder, "--target", target, "--case", ref, "--out", out
    )


def test_a_term_in_a_structured_field_advises_editing_the_field(
    vault: Vault, tmp_path: Path
) -> None:
    ref = _one_case(vault)
    with vault.session() as session:
        case = cases.find_case(session, ref)
        region = next(d.region for d in case.deployments if d.region)
        case.sensitive_terms.append(SensitiveTerm(position=9, text=region, category="place"))
        # A deployment's region is reviewed (and redacted) now; a perpetrator's role is a
        # field review does not act on, so a registered term there is refused.
        minder = PersonMentioned(position=0, role=f"minder at {region}", pseudonym="M1")
        minder.perpetrator = True
        case.persons.append(minder)
        target = case.consent.share_with[0]
    proc = _export(vault, ref, target, tmp_path / "p.zip")
    assert proc.returncode == 5 and not (tmp_path / "p.zip").exists()
    err = proc.stderr
    assert err.startswith("error: "), err  # no stray log line above the error
    assert "WARNING" not in err and "leak check refused an export" not in err
    assert f"found: {region!r} in {ref} perpetrator 1 role" in err
    assert "Deployments tab" in err and "edit" in err
    assert "--accept" not in err  # review decisions would change nothing here
    assert "Traceback" not in err


def test_advice_for_a_text_is_review_with_the_terms_category() -> None:
    from nkcase.cli.packet_cmds import leak_advice
    from nkcase.packets.leaks import FieldPlace, LeakRefused

    narrative = LeakRefused(
        "W-AAAA: the leak check found a registered relative name in narratives/W-AAAA.en.txt; "
        "nothing was written. Review the redactions of this case and export again.",
        found="Kim Song Hui",
        where="narratives/W-AAAA.en.txt",
        category="relative_name",
    )
    advice = leak_advice(narrative)
    assert "in narratives/W-AAAA.en.txt" in advice
    assert "`nkcase review CASE --accept 'Kim Song Hui' --category name`" in advice
    evidence = LeakRefused(
        "...", found="Musan", where="W-AAAA indicator 2 evidence (submission.json)",
        category="hometown", field=FieldPlace("W-AAAA indicator 2 evidence", True, None),
    )  # fmt: skip
    assert "--accept Musan --category place" in leak_advice(evidence)
    region = LeakRefused(
        "...", found="Amur Oblast", where="W-AAAA deployment 1 region (submission.json)",
        category="place", field=FieldPlace("W-AAAA deployment 1 region", False, "Deployments"),
    )  # fmt: skip
    advice = leak_advice(region)
    assert "--accept" not in advice and "Deployments tab" in advice
    assert "edit W-AAAA deployment 1 region" in advice
