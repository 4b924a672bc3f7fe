"""An unexpected error never prints its message (it can quote case text) nor a traceback."""

from nkcase.cli import main, vault_cmds


def test_internal_error_shows_type_not_message(monkeypatch, capsys):
    def buggy(_args):
        raise ValueError("Kim Myong Chol 김명철")

    monkeypatch.setattr(vault_cmds, "cmd_list", buggy)
    monkeypatch.delenv("NKCASE_DEBUG", raising=False)
    assert main(["list", "--vault", "/nonexistent"]) == 70
    err = capsys.readouterr().err
    assert "internal error" in err and "ValueError" in err
    assert "Kim" not in err and "김명철" not in err and "Traceback" not in err


def test_full_disk_is_one_line(monkeypatch, capsys):
    def full(_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vault_cmds, "cmd_list", full)
    assert main(["list"]) == 8
    assert capsys.readouterr().err == (
        "error: The disk is full: free space and try again. Nothing was changed.\n"
    )


def test_ctrl_c_while_the_commands_load_is_a_clean_exit(monkeypatch, capsys) -> None:
    import nkcase.cli as cli_main

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_main, "build_parser", interrupted)
    assert cli_main.main(["list"]) == 130
    err = capsys.readouterr().err
    assert err.strip() == "interrupted; nothing was changed"
