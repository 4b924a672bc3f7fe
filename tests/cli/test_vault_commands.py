"""The command line as other tools and users drive it: a real subprocess each time."""

import json
import re
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, cli_env, run_cli

CASE = Path(__file__).resolve().parent.parent / "data" / "one_case.json"


@pytest.fixture
def vdir(tmp_path):
    folder = tmp_path / "vault"
    proc = run_cli("init", "--vault", folder, "--organisation", "Test NGO")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", proc.stdout)
    return folder


def no_traceback(proc):
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


def test_import_list_show_search(vdir):
    proc = run_cli("import", CASE, "--vault", vdir, check=True)
    [line] = proc.stdout.strip().splitlines()
    case_id, pseudonym = line.split("\t")
    assert case_id == "1" and pseudonym.startswith("W-")

    rows = json.loads(run_cli("list", "--json", "--vault", vdir, check=True).stdout)
    assert [(r["id"], r["pseudonym"]) for r in rows] == [(1, pseudonym)]
    assert "Kim" not in json.dumps(rows)

    shown = json.loads(run_cli("show", pseudonym, "--json", "--vault", vdir, check=True).stdout)
    assert shown["interviewee"]["name"] == "Kim Myong Chol"
    assert shown["relatives"][0]["pseudonym"] == "Relative A (wife)"

    for query in ("김명철은", "러시아에서", "logging", "passports"):
        hits = json.loads(run_cli("search", query, "--json", "--vault", vdir, check=True).stdout)
        assert [h["pseudonym"] for h in hits] == [pseudonym], query
    hits = json.loads(
        run_cli(
            "search", "logging", "--country", "KWT", "--json", "--vault", vdir, check=True
        ).stdout
    )
    assert hits == []
    listed = json.loads(
        run_cli("list", "--json", "--target", "ohchr_seoul", "--vault", vdir, check=True).stdout
    )
    assert [r["pseudonym"] for r in listed] == [pseudonym]


def test_passphrase_file_and_prompt_free_errors(vdir, tmp_path):
    pf = tmp_path / "pass.txt"
    pf.write_text(PASSPHRASE + "\n")
    env = cli_env()
    del env["NKCASE_PASSPHRASE"]
    assert run_cli("list", "--vault", vdir, "--passphrase-file", pf, env=env).returncode == 0
    proc = run_cli("list", "--vault", vdir, env=env)
    assert proc.returncode != 0 and "NKCASE_PASSPHRASE" in proc.stderr
    no_traceback(proc)


def test_wrong_passphrase_exit_code_and_message(vdir):
    proc = run_cli("list", "--vault", vdir, env=cli_env(NKCASE_PASSPHRASE="wrong-but-long-enough"))
    assert proc.returncode == 3
    assert proc.stderr.strip() == "error: Wrong passphrase: it does not open this vault."


def test_malformed_case_file_imports_nothing(vdir, tmp_path):
    doc = json.loads(CASE.read_text())
    doc["cases"][0]["deployments"][0]["start"] = "2000-3"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    proc = run_cli("import", bad, "--vault", vdir)
    assert proc.returncode != 0
    assert "cases[0].deployments[0].start: expected YYYY, YYYY-MM or YYYY-MM-DD" in proc.stderr
    no_traceback(proc)
    assert json.loads(run_cli("list", "--json", "--vault", vdir, check=True).stdout) == []


def test_export_cases_warns_and_roundtrips(vdir, tmp_path):
    run_cli("import", CASE, "--vault", vdir, check=True)
    out = tmp_path / "out.json"
    proc = run_cli("export-cases", "--out", out, "--vault", vdir, check=True)
    assert "REAL NAMES" in proc.stderr
    assert json.loads(out.read_text()) == json.loads(CASE.read_text())
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert run_cli("export-cases", "--out", out, "--vault", vdir).returncode == 2


def test_passphrase_change_and_check(vdir, tmp_path):
    run_cli("import", CASE, "--vault", vdir, check=True)
    new = tmp_path / "new.txt"
    new.write_text("violet-kettle-moraine-31-ash\n")
    run_cli("passphrase", "change", "--vault", vdir, "--new-passphrase-file", new, check=True)
    assert run_cli("check", "--vault", vdir).returncode == 3  # old passphrase no longer opens
    proc = run_cli(
        "check",
        "--vault",
        vdir,
        env=cli_env(NKCASE_PASSPHRASE="violet-kettle-moraine-31-ash"),
        check=True,
    )
    assert proc.stdout.startswith("ok: 1 cases")


def test_recovery_key_opens(tmp_path):
    folder = tmp_path / "v"
    proc = run_cli("init", "--vault", folder, "--organisation", "Test NGO", check=True)
    recovery = re.search(r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", proc.stdout).group(0)
    env = cli_env(NKCASE_RECOVERY_KEY=recovery)
    del env["NKCASE_PASSPHRASE"]
    assert run_cli("list", "--vault", folder, "--use-recovery-key", env=env).returncode == 0
    env["NKCASE_RECOVERY_KEY"] = "0000-0000-0000-0000-0000-0000-0000-0000"
    proc = run_cli("list", "--vault", folder, "--use-recovery-key", env=env)
    assert proc.returncode == 3 and "Wrong recovery key" in proc.stderr


def test_damage_gives_clear_errors(vdir):
    run_cli("import", CASE, "--vault", vdir, check=True)
    keys = vdir / "keys.json"
    original = keys.read_bytes()
    keys.write_bytes(original.replace(b'"iterations"', b'"iterationz"'))
    proc = run_cli("list", "--vault", vdir)
    assert proc.returncode == 4 and "key file" in proc.stderr
    no_traceback(proc)
    keys.write_bytes(original)
    db = vdir / "vault.db"
    raw = bytearray(db.read_bytes())
    raw[50] ^= 0xFF
    db.write_bytes(bytes(raw))
    proc = run_cli("check", "--vault", vdir)
    assert proc.returncode != 0 and "damaged" in proc.stderr
    no_traceback(proc)


def test_no_vault_is_explained(tmp_path):
    proc = run_cli("list", "--vault", tmp_path / "none")
    assert proc.returncode != 0 and "nkcase init" in proc.stderr


def test_init_refuses_weak_passphrase_without_terminal(tmp_path):
    proc = run_cli(
        "init",
        "--vault",
        tmp_path / "v",
        "--organisation",
        "X",
        env=cli_env(NKCASE_PASSPHRASE="password1"),
    )
    assert proc.returncode != 0 and "too short" in proc.stderr
    assert not (tmp_path / "v").exists()


def _flip_search_index_page(seeded_vault, table: str = "search_index_config") -> Path:
    """Close the vault (WAL checkpointed) and flip one byte in a page of the FTS5 index."""
    from sqlalchemy import text

    with seeded_vault.engine.connect() as conn:
        root = conn.execute(
            text("SELECT rootpage FROM sqlite_master WHERE name = :t"), {"t": table}
        ).scalar_one()
        page_size = int(conn.execute(text("PRAGMA page_size")).scalar_one())
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = seeded_vault.folder
    seeded_vault.close()
    for extra in ("vault.db-wal", "vault.db-shm"):
        (folder / extra).unlink(missing_ok=True)
    db = folder / "vault.db"
    raw = bytearray(db.read_bytes())
    raw[(root - 1) * page_size + 100] ^= 0x01  # inside the page's encrypted content
    db.write_bytes(bytes(raw))
    return folder


def test_damaged_search_index_page_is_a_clear_error(seeded_vault):
    folder = _flip_search_index_page(seeded_vault)
    for args in (("search", "logging"), ("import", CASE)):
        proc = run_cli(*args, "--vault", folder)
        assert proc.returncode != 70 and "internal error" not in proc.stderr, proc.stderr
        assert "is damaged" in proc.stderr and str(folder) in proc.stderr, proc.stderr
        no_traceback(proc)
    assert run_cli("check", "--vault", folder).returncode != 0


def test_damage_report_is_short_and_sqlcipher_stays_quiet(seeded_vault):
    folder = _flip_search_index_page(seeded_vault, "search_index_data")
    for args in (("search", "logging"), ("check",)):
        proc = run_cli(*args, "--vault", folder)
        assert proc.returncode not in (0, 70), proc.stderr
        assert "ERROR CORE" not in proc.stderr and "hmac check failed" not in proc.stderr
    problems = [line for line in proc.stderr.splitlines() if line.startswith("problem: ")]
    assert 1 <= len(problems) <= 6, proc.stderr
    assert any(line.startswith("... and ") and "more" in line for line in proc.stderr.splitlines())
    assert len(proc.stderr.splitlines()) <= 10, proc.stderr
    assert "HMAC verification failed for page" in proc.stderr


def test_passphrase_change_new_passphrase_file_problems_are_usage_errors(vdir, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    blank = tmp_path / "blank.txt"
    blank.write_text("\n")
    for path in (empty, blank):
        proc = run_cli("passphrase", "change", "--vault", vdir, "--new-passphrase-file", path)
        assert proc.returncode == 2, proc.stderr
        assert str(path) in proc.stderr and "empty" in proc.stderr, proc.stderr
        no_traceback(proc)
    missing = tmp_path / "no-such-file.txt"
    proc = run_cli("passphrase", "change", "--vault", vdir, "--new-passphrase-file", missing)
    assert proc.returncode == 2 and str(missing) in proc.stderr, proc.stderr
    # Nothing changed: the old passphrase still opens.
    assert run_cli("check", "--vault", vdir).returncode == 0


def _interactive(*args: str | Path, answers: list[str]) -> tuple[int, str]:
    """Run nkcase on a real terminal (a pty), answering each passphrase prompt in turn."""
    import os
    import pty
    import sys
    import time

    env = cli_env()
    del env["NKCASE_PASSPHRASE"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: nkcase with the pty as its terminal
        os.execve(sys.executable, [sys.executable, "-m", "nkcase", *map(str, args)], env)
    seen, prompts, deadline = b"", 0, time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child has exited
            break
        if not chunk:
            break
        seen += chunk
        while seen.lower().count(b"passphrase:") + seen.count(b"Repeat:") > prompts:
            os.write(fd, (answers[min(prompts, len(answers) - 1)] + "\n").encode())
            prompts += 1
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode(errors="replace")


def test_passphrase_change_asks_the_current_passphrase_once(vdir):
    new = "violet-kettle-moraine-31-ash"
    code, out = _interactive(
        "passphrase", "change", "--vault", vdir, answers=[PASSPHRASE, new, new]
    )
    assert code == 0, out
    assert out.lower().count("current passphrase:") + out.count("\nPassphrase:") == 1, out
    assert out.count("New passphrase:") == 1 and out.count("Repeat:") == 1, out
    proc = run_cli("check", "--vault", vdir, env=cli_env(NKCASE_PASSPHRASE=new))
    assert proc.returncode == 0, proc.stderr
