"""Migrations: the migrated schema equals the models; every revision steps down and up with data."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from nkcase.services import cases
from nkcase.vault import engine as db
from nkcase.vault.engine import include_object
from nkcase.vault.models import Base

CASE = Path(__file__).resolve().parent.parent / "data" / "one_case.json"


def _diff(vault):
    with vault.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
        return compare_metadata(ctx, Base.metadata)


def test_migrated_schema_equals_models(vault):
    assert db.current_revision(vault.engine) == db.head_revision()
    assert _diff(vault) == []
    with vault.engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert "search_index" in tables


def test_every_revision_downgrades_and_upgrades_with_data(vault):
    cases.import_case_file(vault, CASE)
    script = ScriptDirectory.from_config(db._alembic_config(vault.engine))
    revisions = [r.revision for r in script.walk_revisions()]  # head first
    for rev in revisions[1:]:
        db.downgrade(vault.engine, rev)
        assert db.current_revision(vault.engine) == rev
        with vault.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM cases")).scalar() == 1
    db.upgrade(vault.engine)
    assert db.current_revision(vault.engine) == db.head_revision()
    assert _diff(vault) == []
    with vault.session() as s:
        case = cases.find_case(s, "1")
        assert case.identity.name == "Kim Myong Chol"
    # And all the way down to nothing and back up on an empty database.
    db.downgrade(vault.engine, "base")
    db.upgrade(vault.engine)
    assert _diff(vault) == []


def test_0003_adds_the_proposal_cache_and_keep_list_around_existing_data(vault):
    from nkcase.vault.models import KeepListEntry, RedactionProposal

    cases.import_case_file(vault, CASE)
    with vault.session() as s:
        s.add(RedactionProposal(text_sha256="a" * 64, finder_version="1",
                                detections=[[0, 4, "name", "test"]]))  # fmt: skip
        s.add(KeepListEntry(folded="kim jong un", text="Kim Jong Un", category="public",
                            added_by="tester"))  # fmt: skip
    db.downgrade(vault.engine, "0002")
    with vault.engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert conn.execute(text("SELECT count(*) FROM cases")).scalar() == 1
    assert not {"redaction_proposals", "keep_list"} & tables
    db.upgrade(vault.engine)
    assert db.current_revision(vault.engine) == "0003_redaction_proposals"
    assert _diff(vault) == []
    with vault.session() as s:
        assert s.query(KeepListEntry).count() == 0
        s.add(KeepListEntry(folded="amur oblast", text="Amur Oblast", category="place",
                            added_by="tester"))  # fmt: skip
    with vault.session() as s:
        assert [e.text for e in s.query(KeepListEntry)] == ["Amur Oblast"]
        assert cases.find_case(s, "1").identity.name == "Kim Myong Chol"
