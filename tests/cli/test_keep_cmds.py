"""`nkcase keep` against a real vault: list, add, remove, bad input leaves the vault as it was."""

from __future__ import annotations

import json

import pytest

from nkcase.cli import main
from nkcase.services import keeplist
from nkcase.vault.vault import Vault
from tests.conftest import PASSPHRASE


def run(vault: Vault, *argv: str) -> int:
    return main(["keep", "--vault", str(vault.folder), *argv])


def test_keep_add_list_remove(
    vault: Vault, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NKCASE_PASSPHRASE", PASSPHRASE)
    vault.close()
    assert run(vault, "--add", "Kim Jong Un") == 0
    assert "Kept in every case: Kim Jong Un (public)" in capsys.readouterr().out
    assert run(vault, "--add", "Hwasong  Trading Company", "--category", "org") == 0
    assert run(vault, "--add", "KIM JONG UN") == 0
    assert "Already on the keep list" in capsys.readouterr().out
    assert run(vault, "--list") == 0
    out = capsys.readouterr().out
    assert "Keep list: 2 entries" in out and "org      Hwasong Trading Company" in out
    assert run(vault, "--list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(e["text"], e["category"]) for e in listed] == [
        ("Hwasong Trading Company", "org"),
        ("Kim Jong Un", "public"),
    ]
    assert run(vault, "--remove", "kim jong un") == 0
    assert "Removed from the keep list: Kim Jong Un" in capsys.readouterr().out
    assert run(vault, "--remove", "Kim Jong Un") == 1
    err = capsys.readouterr().err
    assert "not on the keep list" in err and "Traceback" not in err
    with _open(vault) as v, v.session() as s:
        assert [e.text for e in keeplist.list_entries(s)] == ["Hwasong Trading Company"]


def _open(vault: Vault) -> Vault:
    from nkcase.services.vaults import open_vault

    return open_vault(vault.folder, passphrase=PASSPHRASE)


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (("--add", "   "), 1, "keep_list.text: must not be empty"),
        (("--add", "x", "--category", "relative"), 2, "invalid choice"),
        (("--list", "--add", "x"), 2, "not allowed with"),
    ],
)
def test_bad_input_is_one_message_and_changes_nothing(
    vault: Vault,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
    code: int,
    message: str,
) -> None:
    monkeypatch.setenv("NKCASE_PASSPHRASE", PASSPHRASE)
    vault.close()
    try:
        assert run(vault, *argv) == code
    except SystemExit as exc:  # argparse's own usage errors
        assert exc.code == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    with _open(vault) as v, v.session() as s:
        assert keeplist.list_entries(s) == []
