"""Fixtures for packet tests: a real seeded vault (module-wide: imports are not free), cases
reviewed the way a reviewer would (through nkcase.redaction.store), exported packets."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nkcase.packets import export
from nkcase.redaction import api as redaction
from nkcase.redaction.review import Verdict
from nkcase.redaction.store import load_decisions, save_decision
from nkcase.services import cases, editing, vaults
from nkcase.vault.keyslots import TEST_KDF
from nkcase.vault.vault import Vault
from tests.conftest import ORGANISATION, PASSPHRASE, seed_files

_FULL_NAME = re.compile(r"(?!In )[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+)?")


def reviewer(span: Any) -> Verdict:
    """What a careful reviewer says: a romanised full name is a name; "In June" is not."""
    if span.category != "name":
        return "accept"
    return "accept" if _FULL_NAME.fullmatch(span.text) else "reject"


def review_all(vault: Vault, ref: str, verdict: Verdict | None = None) -> int:
    """Settle every pending suggestion of a case for all occurrences; returns how many."""
    settled = 0
    for _ in range(5):
        with vault.session() as session:
            case = cases.find_case(session, ref)
            data = cases.case_to_dict(case)
            decisions = load_decisions(session, case.id)
            pending = redaction.redact_case(data, decisions).pending
            if not pending:
                return settled
            seen = set()
            for _key, span in pending:
                if (span.text, span.category) in seen:
                    continue
                seen.add((span.text, span.category))
                save_decision(
                    session,
                    case.id,
                    redaction.Decision(span.text, span.category, verdict or reviewer(span), "all"),
                )
                settled += 1
    raise AssertionError("suggestions keep appearing")


# Identifiers the pattern detectors certainly propose (whatever the name suggester finds).
PLANTED_PHONE, PLANTED_DOB = "010-4417-2093", "14 March 1962"
PLANTED = f" He still calls his sister on {PLANTED_PHONE}; she was born on {PLANTED_DOB}."


def plant_identifiers(vault: Vault, ref: str) -> str:
    """Append a phone number and a date of birth to the case's first narrative; its field key."""
    with vault.session() as session:
        case = cases.find_case(session, ref)
        interview = case.interviews[0]
        key = f"interview/{interview.id}/narrative"
        text = (interview.narrative or "") + PLANTED
        assert editing.save_texts(session, case.id, {key: text}) == [key]
    return key


def case_dicts(vault: Vault) -> list[dict[str, Any]]:
    with vault.session() as session:
        return [
            cases.case_to_dict(cases.find_case(session, str(i)))
            for i in range(1, cases.count_cases(session) + 1)
        ]


def exportable(vault: Vault, target: str) -> list[str]:
    return [
        c["pseudonym"]
        for c in case_dicts(vault)
        if target in (c["consent"]["share_with"] or [])
        and c["consent"]["interview"]
        and c["consent"]["storage"]
        and not c["consent"]["withdrawn_on"]
    ]


@pytest.fixture(scope="module")
def packet_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    folder = tmp_path_factory.mktemp("packets") / "vault"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    for path in seed_files():
        cases.import_case_file(vault, path)
    try:
        yield vault
    finally:
        vault.close()


@pytest.fixture(scope="module")
def reviewed_vault(packet_vault: Vault) -> Vault:
    for c in case_dicts(packet_vault):
        review_all(packet_vault, c["pseudonym"])
    return packet_vault


@pytest.fixture(scope="module")
def one_packet(reviewed_vault: Vault, tmp_path_factory: pytest.TempPathFactory) -> Path:
    ref = exportable(reviewed_vault, "sr_slavery")[0]
    out = tmp_path_factory.mktemp("one") / "packet.zip"
    export.export_packet(reviewed_vault, [ref], "sr_slavery", out)
    return out


def unzip(packet: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(packet) as zf:
        zf.extractall(into)
    return into


def readme_commands(folder: Path) -> list[str]:
    from nkcase.packets.readme import COMMAND_PREFIX

    text = (folder / "README.txt").read_text(encoding="utf-8")
    return [
        line[len(COMMAND_PREFIX) :] for line in text.splitlines() if line.startswith(COMMAND_PREFIX)
    ]


def stock_check(folder: Path) -> list[subprocess.CompletedProcess[str]]:
    """Run every command README.txt gives, in the unzipped folder, with bash."""
    assert shutil.which("ssh-keygen") and shutil.which("sha256sum")
    results = []
    for command in readme_commands(folder):
        results.append(
            subprocess.run(
                ["bash", "-c", command], cwd=folder, capture_output=True, text=True, check=False
            )
        )
    return results
