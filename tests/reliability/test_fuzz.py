"""Property-based tests: the case-file importer and the packet verifier turn every malformed
input into a clear NkcaseError, and a refused import leaves the vault exactly as it was.
(The backup reader's fuzz test is in tests/services/test_backup.py.)"""

from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from nkcase.errors import NkcaseError
from nkcase.packets.verify import verify_members, verify_packet
from nkcase.services import cases, vaults
from nkcase.vault.keyslots import TEST_KDF
from nkcase.vault.vault import Vault
from tests.conftest import ORGANISATION, PASSPHRASE

DATA = Path(__file__).resolve().parents[1] / "data" / "one_case.json"
VALID = json.loads(DATA.read_text(encoding="utf-8"))
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


ALL_PATHS = _paths(VALID)


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    doc = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        if not path:
            return draw(json_values)
        parent = doc
        try:
            for step in path[:-1]:
                parent = parent[step]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue
    return doc


@pytest.fixture(scope="module")
def fuzz_vault(tmp_path_factory) -> Iterator[Vault]:
    vault, _ = vaults.create_vault(
        tmp_path_factory.mktemp("fuzz") / "v", ORGANISATION, PASSPHRASE, kdf=TEST_KDF
    )
    cases.import_case_file(vault, DATA)
    yield vault
    vault.close()


TABLES = ("cases", "identities", "relatives", "interviews", "text_versions", "audit_log")


def _state(vault: Vault) -> tuple:
    with vault.session() as s:
        return tuple(
            s.scalar(text(f"SELECT count(*) FROM {t}"))
            for t in (
                "cases",
                "identities",
                "relatives",
                "interviews",
                "text_versions",
                "audit_log",
            )
        )


@FUZZ
@given(doc=mutated_documents())
def test_importer_refuses_malformed_documents_cleanly(fuzz_vault, tmp_path, doc):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = _state(fuzz_vault)
    try:
        imported = cases.import_case_file(fuzz_vault, path)
    except NkcaseError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        assert _state(fuzz_vault) == before
    else:
        assert _state(fuzz_vault)[0] == before[0] + len(imported)
    assert vaults.check_vault(fuzz_vault).ok


@FUZZ
@given(raw=st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode()))
def test_importer_refuses_arbitrary_bytes(fuzz_vault, tmp_path, raw):
    path = tmp_path / "case.json"
    path.write_bytes(raw)
    before = _state(fuzz_vault)
    with pytest.raises(NkcaseError):
        cases.import_case_file(fuzz_vault, path)
    assert _state(fuzz_vault) == before


@pytest.fixture(scope="module")
def packet_members(tmp_path_factory) -> dict[str, bytes]:
    from nkcase.packets import export
    from tests.packets.conftest import exportable, review_all

    folder = tmp_path_factory.mktemp("packet")
    vault, _ = vaults.create_vault(folder / "v", ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    with vault:
        cases.import_case_file(vault, DATA)
        review_all(vault, "1")
        ref = exportable(vault, "sr_slavery")[0]
        export.export_packet(vault, [ref], "sr_slavery", folder / "p.zip")
    verify_packet(folder / "p.zip")
    with zipfile.ZipFile(folder / "p.zip") as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _armor_lines(raw: bytes) -> list[str] | None:
    """An armored signature as an armor reader sees it: line breaks and the whitespace around
    lines carry no signature bits, so a change to them alone is no damage (None: not ASCII)."""
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        return None
    return [line.strip() for line in text.strip().splitlines()]


def _zip_keeps(name: str) -> bool:
    """A name the zipfile module stores as a file under that very name: it cuts names at NUL
    (a leading NUL leaves no name and writestr fails), and a trailing "/" makes a directory
    entry, which holds no bytes and which a packet reader may skip."""
    return "\x00" not in name and not name.endswith("/")


@FUZZ
@given(data=st.data())
def test_verifier_refuses_mutated_packets_cleanly(packet_members, tmp_path, data):
    files = dict(packet_members)
    name = data.draw(st.sampled_from(sorted(files)))
    how = data.draw(st.sampled_from(["flip", "cut", "drop", "replace", "add"]))
    body = bytearray(files[name])
    if how == "flip" and body:
        pos = data.draw(st.integers(0, len(body) - 1))
        body[pos] ^= data.draw(st.integers(1, 255))
        files[name] = bytes(body)
    elif how == "cut":
        files[name] = bytes(body[: data.draw(st.integers(0, max(0, len(body) - 1)))])
    elif how == "drop":
        del files[name]
    elif how == "replace":
        files[name] = data.draw(st.binary(max_size=200))
    else:
        extra = st.text(min_size=1, max_size=12).filter(lambda n: n not in files and _zip_keeps(n))
        files[data.draw(extra)] = b"x"
    if files == packet_members:
        return
    sig = "SHA256SUMS.sig"
    if files.keys() == packet_members.keys() and all(
        files[n] == packet_members[n] for n in files if n != sig
    ):
        # Only the signature's armor changed: a cut or flip of its final newline, or a line
        # break turned into another one, leaves the signed bytes as they were (about 1 run in
        # 20 drew such a case before this check; a NUL-led name broke 1 in 20 more).
        assume(_armor_lines(files[sig]) != _armor_lines(packet_members[sig]))
    with pytest.raises(NkcaseError):
        verify_members(files)
    out = tmp_path / "mutated.zip"
    with zipfile.ZipFile(out, "w") as zf:
        for n, b in files.items():
            zf.writestr(n, b)
    with pytest.raises(NkcaseError):
        verify_packet(out)


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_verifier_refuses_arbitrary_files(tmp_path, raw):
    out = tmp_path / "junk.zip"
    out.write_bytes(raw)
    with pytest.raises(NkcaseError):
        verify_packet(out)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("manifest.json", raw)
    out.write_bytes(buf.getvalue())
    with pytest.raises(NkcaseError):
        verify_packet(out)
