"""The case list over the seeded vault: sorting, paging, picking rows by id."""

from __future__ import annotations

from nkcase.services import caselist, cases
from nkcase.vault.vault import Vault


def test_sorting_and_paging_walk_every_case_once(seeded_vault: Vault) -> None:
    with seeded_vault.session() as s:
        total = caselist.count_cases(s)
        assert total >= 5
        by_id = caselist.list_cases(s)
        assert [r.id for r in by_id] == sorted(r.id for r in by_id)
        assert len(by_id) == total

        pages = [caselist.list_cases(s, offset, 2, sort="pseudonym") for offset in (0, 2, 4)]
        walked = [r.pseudonym for page in pages for r in page]
        assert walked == sorted(r.pseudonym for r in by_id)[: len(walked)]
        assert all(len(page) <= 2 for page in pages)

        newest = caselist.list_cases(s, sort="updated_at", descending=True)
        stamps = [r.updated_at for r in newest]
        assert stamps == sorted(stamps, reverse=True)


def test_rows_by_id(seeded_vault: Vault) -> None:
    with seeded_vault.session() as s:
        every = caselist.list_cases(s)
        wanted = [every[-1].id, every[0].id]
        rows = caselist.get_rows(s, wanted)
        assert set(rows) == set(wanted)
        assert rows[every[0].id] == every[0]
        assert caselist.get_rows(s, []) == {}


def test_every_sort_column_runs(seeded_vault: Vault) -> None:
    with seeded_vault.session() as s:
        total = caselist.count_cases(s)
        for column in caselist.SORT_COLUMNS:
            assert len(caselist.list_cases(s, sort=column)) == total


def test_old_import_place_still_works() -> None:
    """The case list moved out of services.cases; callers importing it from there still work."""
    assert cases.list_cases is caselist.list_cases
    assert cases.get_rows is caselist.get_rows
    assert cases.count_cases is caselist.count_cases
    assert cases.CaseRow is caselist.CaseRow
    assert cases.SORT_COLUMNS is caselist.SORT_COLUMNS
