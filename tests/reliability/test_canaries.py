"""Canary strings in every sensitive field and an attachment; after a full session (import,
edit, search, review, export, backup, restore) none may appear in any file outside the vault's
encrypted files -- temp folders, logs, settings, the backup -- nor in the export, except the
narrative text that consent allows into it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import cli_env, run_cli

DATA = Path(__file__).resolve().parents[1] / "data" / "one_case.json"

# Never outside the vault: identity, relatives, registered terms, the attachment and its name.
FORBIDDEN = [
    "Pak Canaryone",
    "카나리명",
    "Canaryville Hometown",
    "9911-7733",
    "Ri Canarytwo",
    "카나리순",
    "Canarytown Relative",
    "CANARY-REL-DETAILS",
    "Canary Brigade Seventyseven",
    "CANARY-ATTACHMENT-BYTES",
    "Canaryfile",
]
# Narrative and translation text: allowed in the export (redacted), nowhere else.
NARRATIVE = ["CANARY-NARRATIVE-OK", "CANARY-TRANSLATION-OK", "CANARY-EDIT-OK"]


def _canary_case_file(path: Path) -> None:
    doc = json.loads(DATA.read_text(encoding="utf-8"))
    case = doc["cases"][0]
    case["interviewee"].update(
        name="Pak Canaryone",
        name_ko="카나리명",
        aliases=[],
        hometown="Canaryville Hometown",
        hometown_ko=None,
        phone="+82 10-9911-7733",
    )
    case["relatives"] = [
        {
            "relation": "wife",
            "name": "Ri Canarytwo",
            "name_ko": "카나리순",
            "location": "Canarytown Relative",
            "details": "CANARY-REL-DETAILS",
        }
    ]
    case["sensitive_terms"] = [
        {"text": "Canary Brigade Seventyseven", "text_ko": None, "category": "work_unit"}
    ]
    iv = case["interviews"][0]
    iv["narrative"] = (
        "CANARY-NARRATIVE-OK 카나리명은 벌목공으로 일했다. 아내 카나리순. "
        "Canary Brigade Seventyseven."
    )
    iv["translation"] = {
        "language": "en",
        "text": "CANARY-TRANSLATION-OK Pak Canaryone worked as a logger; his wife Ri Canarytwo "
        "stayed in Canaryville Hometown. He was in the Canary Brigade Seventyseven.",
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def _variants(s: str) -> list[bytes]:
    return [s.encode("utf-8"), s.encode("utf-16-le"), s.lower().encode("utf-8")]


def _texts_of_export(path: Path) -> dict[str, bytes]:
    """Every member of the packet, PDFs also as extracted text (their streams are compressed)."""
    from pypdf import PdfReader

    out: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            out[name] = data
            if name.endswith(".pdf"):
                reader = PdfReader(io.BytesIO(data))
                text = "\n".join(page.extract_text() or "" for page in reader.pages)
                meta = json.dumps({k: str(v) for k, v in (reader.metadata or {}).items()})
                out[name + "#text"] = (text + meta).encode("utf-8")
    return out


def test_no_canary_escapes_a_full_session(tmp_path):
    home, tmp, cfg, share, cache = (tmp_path / n for n in ("home", "tmp", "cfg", "share", "cache"))
    for d in (home, tmp, cfg, share, cache):
        d.mkdir()
    env = cli_env(
        HOME=str(home),
        TMPDIR=str(tmp),
        XDG_CONFIG_HOME=str(cfg),
        XDG_DATA_HOME=str(share),
        XDG_CACHE_HOME=str(cache),
    )
    inputs = tmp_path / "inputs"  # what the interviewer brought: outside the scan
    inputs.mkdir()
    case_file = inputs / "case.json"
    _canary_case_file(case_file)
    attachment = inputs / "Canaryfile interview.m4a"
    attachment.write_bytes(b"CANARY-ATTACHMENT-BYTES " * 100_000)
    work = tmp_path / "work"
    work.mkdir()
    vault = work / "vault"
    logs: list[str] = []

    def nk(*args: str | Path, check: bool = True) -> str:
        proc = run_cli(*args, env=env)
        logs.append(proc.stderr)
        if check and proc.returncode != 0:
            raise AssertionError(f"{args}: {proc.stderr}")
        return proc.stdout

    nk("init", "--vault", vault, "--organisation", "Canary Test Centre")
    nk("import", "--vault", vault, case_file)
    nk("attach", "--vault", vault, "1", attachment)
    edit = (
        "import sys; from pathlib import Path;"
        "from nkcase.services import vaults, editing, cases;"
        f"v = vaults.open_vault(Path({str(vault)!r}), {env['NKCASE_PASSPHRASE']!r});"
        "s = v.session().__enter__();"
        "c = cases.find_case(s, '1'); iv = c.interviews[0];"
        "key = f'interview/{iv.id}/narrative';"
        "editing.save_texts(s, 1, {key: iv.narrative + ' CANARY-EDIT-OK'});"
        "s.commit(); v.close()"
    )
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", edit], env=env, check=True, capture_output=True)
    assert "W-" in nk("search", "--vault", vault, "Canaryone")
    nk("search", "--vault", vault, "카나리")
    nk("list", "--vault", vault)
    nk("redact", "--vault", vault, "1")
    nk("review", "--vault", vault, "1", "--accept-all")
    packet = work / "packet.zip"
    exported = run_cli(
        "export",
        "--vault",
        vault,
        "--case",
        "1",
        "--target",
        "sr_slavery",
        "--out",
        packet,
        env=env,
    )
    logs.append(exported.stderr)
    nk("backup", "--vault", vault, "--out", work / "vault.nkbak")
    nk("restore", work / "vault.nkbak", "--vault", work / "restored")
    nk("check", "--vault", work / "restored")

    # 1. No file anywhere under the session's folders (the vault's own files included: SQLCipher
    #    encrypts the database and its WAL) holds any canary, in UTF-8 or UTF-16.
    scanned = 0
    for path in tmp_path.rglob("*"):
        if not path.is_file() or inputs in path.parents or path == packet:
            continue
        raw = path.read_bytes()
        scanned += 1
        for canary in FORBIDDEN + NARRATIVE:
            for form in _variants(canary):
                assert form not in raw, f"{canary!r} found in {path.relative_to(tmp_path)}"
    assert scanned >= 5
    # 2. Nor in what the commands printed to stderr (warnings, logs).
    for canary in FORBIDDEN + NARRATIVE:
        assert all(canary not in err for err in logs), canary
    # 3. The export: no forbidden canary in any member (PDF text and metadata included).
    if exported.returncode != 0:
        pytest.fail(f"export refused: {exported.stderr}")
    members = _texts_of_export(packet)
    for name, data in members.items():
        for canary in FORBIDDEN:
            for form in _variants(canary):
                assert form not in data, f"{canary!r} leaked into the export's {name}"
    assert any(
        b"CANARY-NARRATIVE-OK" in d or b"CANARY-TRANSLATION-OK" in d for d in members.values()
    )
