"""Start-up: a command imports what it uses, and the command list stays complete.

`nkcase --help` must not load SQLAlchemy, Alembic or the redaction engine; opening a vault at
the current schema must not load Alembic; every command module is registered from a static
list (a frozen build holds them all), and a missing one is an error, not a missing command.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from nkcase.cli import keep_cmds
from nkcase.services import keeplist, vaults
from nkcase.vault import engine as db
from nkcase.vault.vault import Vault
from tests.conftest import PASSPHRASE, cli_env

CLI = Path(__file__).resolve().parents[2] / "nkcase" / "cli"
HEAVY = ("sqlalchemy", "alembic", "nkcase.redaction.engine", "nkcase.vault.models")


def loaded_after(*args: str) -> set[str]:
    """The modules loaded by a real `nkcase ARGS` run in a fresh interpreter."""
    code = (
        "import sys\nfrom nkcase.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=120,
    )
    return set(proc.stderr.split())


def test_help_loads_no_database_or_redaction_code() -> None:
    loaded = loaded_after("--help")
    assert "nkcase.cli.vault_cmds" in loaded  # the commands are there...
    assert loaded.isdisjoint(HEAVY)  # ...without what they need to run


def test_list_on_a_current_vault_does_not_load_alembic(seeded_vault: Vault) -> None:
    folder = seeded_vault.folder
    seeded_vault.close()
    loaded = loaded_after("list", "--vault", str(folder))
    assert "sqlalchemy" in loaded and "nkcase.services.caselist" in loaded  # it did list
    assert not any(m == "alembic" or m.startswith("alembic.") for m in loaded)


def test_every_command_module_is_registered_statically() -> None:
    modules = {p.stem for p in CLI.glob("*_cmds.py")}
    tree = ast.parse((CLI / "__init__.py").read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module == "nkcase.cli"
        for alias in node.names
    }
    [listed] = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "_MODULES" for t in node.targets)
    ]
    assert isinstance(listed, ast.Tuple)
    assert {n.id for n in listed.elts if isinstance(n, ast.Name)} == modules
    assert imported >= modules


def test_a_missing_command_module_is_an_error_not_a_missing_command() -> None:
    code = (
        "import importlib.abc, sys\n"
        "class Gone(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'nkcase.cli.keep_cmds':\n"
        "            raise ModuleNotFoundError(name=name)\n"
        "sys.meta_path.insert(0, Gone())\n"
        "from nkcase.cli import main\n"
        "main(['--help'])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli_env(), timeout=120
    )
    assert proc.returncode != 0
    assert "keep_cmds" in proc.stderr
    assert "ImportError" in proc.stderr or "ModuleNotFoundError" in proc.stderr


def test_keep_categories_spelled_out_for_help_are_the_keep_lists() -> None:
    assert keep_cmds.CATEGORIES == keeplist.CATEGORIES


def test_schema_revision_is_read_as_alembic_reads_it(vault: Vault) -> None:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db._alembic_config(vault.engine))
    assert db.head_revision() == script.get_current_head()
    with vault.engine.connect() as conn:
        assert (
            db.current_revision(vault.engine)
            == MigrationContext.configure(conn).get_current_revision()
        )


@pytest.mark.parametrize("older", ["0002", "base"])
def test_an_older_vault_is_still_migrated_on_open(vault: Vault, older: str) -> None:
    folder = vault.folder
    db.downgrade(vault.engine, older)
    assert db.current_revision(vault.engine) == (None if older == "base" else older)
    vault.close()
    if older == "base":
        return  # a vault with no schema at all is not one nkcase wrote; 0002 is the case
    with vaults.open_vault(folder, passphrase=PASSPHRASE) as reopened:
        assert db.current_revision(reopened.engine) == db.head_revision()
