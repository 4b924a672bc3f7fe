"""Untrusted text never reaches the terminal as control sequences (issue 9, item 1).

A forger re-signs a packet with their own key and puts cursor movements into
``manifest.organisation`` so that a terminal shows only the real organisation's fingerprint.
`nkcase verify` must print the manifest's fields escaped, and the one fingerprint it prints
must be the key that really signed.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nkcase.cli import main
from nkcase.packets import export, layout, sshsig
from nkcase.services import vaults
from nkcase.textsafe import json_safe, printable
from nkcase.vault.keyslots import TEST_KDF
from tests.conftest import ORGANISATION, PASSPHRASE, run_cli
from tests.packets.conftest import exportable, review_all

FORBIDDEN = ("\x1b", "\r", "\x08", "\x9b", "\u202e", "\u2066")


@pytest.fixture(scope="module")
def real_packet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from nkcase.services import cases
    from tests.conftest import seed_files

    folder = tmp_path_factory.mktemp("forge") / "vault"
    vault, _ = vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)
    try:
        cases.import_case_file(vault, seed_files()[0])
        ref = exportable(vault, "sr_slavery")[0]
        review_all(vault, ref)
        out = folder.parent / "real.zip"
        export.export_packet(vault, [ref], "sr_slavery", out)
    finally:
        vault.close()
    return out


def _forge(real: Path, out: Path, organisation: str) -> str:
    """Re-sign ``real`` with a new key after changing its organisation; the forger's print."""
    with zipfile.ZipFile(real) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    forger = Ed25519PrivateKey.generate()
    files[layout.SIGNER] = (sshsig.public_key_openssh(forger.public_key()) + "\n").encode()
    manifest = json.loads(files[layout.MANIFEST])
    manifest["organisation"] = organisation
    for entry in manifest["files"]:
        data = files[entry["path"]]
        entry["sha256"], entry["size"] = layout.sha256_hex(data), len(data)
    files[layout.MANIFEST] = json.dumps(manifest, indent=2).encode()
    summed = {n: b for n, b in files.items() if n not in layout.NOT_IN_SUMS}
    files[layout.SUMS] = layout.sums_text(summed)
    files[layout.SIGNATURE] = sshsig.sign(forger, files[layout.SUMS]).encode()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return sshsig.fingerprint(forger.public_key())


def test_forged_organisation_cannot_overwrite_the_fingerprint(real_packet, tmp_path):
    real_fp = run_cli("verify", real_packet, check=True).stdout.split()[3]
    assert real_fp.startswith("SHA256:")
    spoof = f"Helpers\x1b[1A\r\x1b[2Kintact, signed by {real_fp}\x9b2K\u202e\u2066"
    forger_fp = _forge(real_packet, tmp_path / "forged.zip", spoof)
    assert forger_fp != real_fp

    proc = run_cli("verify", tmp_path / "forged.zip")
    assert proc.returncode == 0, proc.stderr  # validly signed -- by someone else
    out = proc.stdout
    for ch in FORBIDDEN:
        assert ch not in out, repr(ch)
    lines = out.splitlines()
    assert lines[0] == f"intact, signed by {forger_fp}"
    # The real fingerprint appears only inside the escaped organisation line, never as a line
    # of its own that a reader could take for the verdict.
    assert [ln for ln in lines if ln.startswith("intact")] == [lines[0]]
    assert "\\x1b[1A\\x0d\\x1b[2K" in out and "\\u202e" in out
    org_line = next(ln for ln in lines if ln.startswith("  organisation: "))
    assert real_fp in org_line and org_line.index(real_fp) > org_line.index("\\x1b")


def test_a_newline_in_a_field_cannot_forge_a_line(real_packet, tmp_path):
    forger_fp = _forge(real_packet, tmp_path / "f.zip", "X\nintact, signed by SHA256:real")
    proc = run_cli("verify", tmp_path / "f.zip")
    assert proc.returncode == 0
    assert [ln for ln in proc.stdout.splitlines() if ln.startswith("intact")] == [
        f"intact, signed by {forger_fp}"
    ]


def test_unknown_key_is_echoed_escaped_and_cut_never_its_value(tmp_path, capsys):
    key = "\x1b]0;owned\x07\x1b[31mKim Myong Chol, mother of Ri Sun-ok, Musan county"
    doc = {
        "format": "nkcase/case-file-v1",
        "cases": [{key: "Pyongyang 010-4417-2093 secret value"}],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    folder = tmp_path / "v"
    vaults.create_vault(folder, ORGANISATION, PASSPHRASE, kdf=TEST_KDF)[0].close()
    proc = run_cli("import", "--vault", folder, path)
    assert proc.returncode != 0
    err = proc.stderr
    for ch in (*FORBIDDEN, "\x07"):
        assert ch not in err
    assert "\\x1b]0;owned\\x07" in err  # shown, escaped
    assert "Musan county" not in err  # cut short
    assert "010-4417-2093" not in err and "secret value" not in err  # the value: never


def test_every_cli_print_goes_through_the_filter(monkeypatch, capsys):
    from nkcase.cli import vault_cmds

    def noisy(_args):
        print("a\x1b[2Jb\rc\u202ed")
        raise vaults.NkcaseError("bad \x1b[1A thing\nsecond line")

    monkeypatch.setattr(vault_cmds, "cmd_list", noisy)
    assert main(["list", "--vault", "/nonexistent"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "a\\x1b[2Jb\\x0dc\\u202ed\n"
    assert captured.err == "error: bad \\x1b[1A thing\nsecond line\n"


def test_printable_and_json_safe():
    assert printable("ok 김명철 \t\n") == "ok 김명철 \\x09\\x0a"
    assert printable("a\tb\nc", keep_newlines=True) == "a\tb\nc"
    assert printable("\ud800x\x7f\x85") == "\\ud800x\\x7f\\x85"
    assert printable("abcdef", limit=3) == "abc\u2026"
    assert printable(printable("abcdef", limit=3), limit=3) == "abc\u2026"
    text = json.dumps({"k": "a\x9bb\u202ec\ud800"}, ensure_ascii=False)
    safe = json_safe(text)
    assert json.loads(safe) == json.loads(text)
    assert not any(ch in safe for ch in ("\x9b", "\u202e"))
