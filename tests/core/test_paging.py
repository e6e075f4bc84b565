"""AsyncPaginator over real HTTP: Smartsheet IndexResult walks across many pages."""

from __future__ import annotations

from collections.abc import Hashable

import pytest

from smartsuite._core.errors import PagingError
from smartsuite._core.paging import AsyncPaginator, Page
from smartsuite.smartsheet import Column


async def test_index_result_walk_across_many_pages(smartsheet_client, smartsuite_emulator) -> None:
    ss = smartsheet_client
    for i in range(23):
        await ss.sheets.create(f"S{i:02}", [Column(title="A", primary=True)])
    names = [
        s.name
        async for s in ss.sheets._index(
            path="/sheets",
            cast_to=type(await ss.sheets.create("last", [Column(title="A", primary=True)])),
            page_size=5,
        )
    ]
    assert names == [f"S{i:02}" for i in range(23)] + ["last"]
    pages = [
        r for r in smartsuite_emulator.smartsheet.log if r.path == "/sheets" and r.method == "GET"
    ]
    assert [r.query["page"] for r in pages] == ["1", "2", "3", "4", "5"]
    assert all(r.query["pageSize"] == "5" for r in pages)


async def test_await_gives_first_page_and_pages_yields_pages(smartsheet_client) -> None:
    ss = smartsheet_client
    for i in range(3):
        await ss.sheets.create(f"S{i}", [Column(title="A", primary=True)])
    first = await ss.sheets.list(page_size=2)
    assert [s.name for s in first.items] == ["S0", "S1"]
    assert first.total_count == 3 and first.total_pages == 2 and first.next_cursor == 2
    pages = [p async for p in ss.sheets.list(page_size=2).pages()]
    assert [len(p.items) for p in pages] == [2, 1]
    assert pages[-1].next_cursor is None


async def test_repeated_next_cursor_is_cut_off() -> None:
    async def fetch(cursor: Hashable | None) -> Page[int]:
        return Page([1], next_cursor="same")

    with pytest.raises(PagingError, match="same next page twice"):
        await AsyncPaginator(fetch).to_list()


async def test_endless_walk_is_cut_off() -> None:
    async def fetch(cursor: Hashable | None) -> Page[int]:
        n = cursor if isinstance(cursor, int) else 0
        return Page([n], next_cursor=n + 1)

    with pytest.raises(PagingError, match="gave up after 50 pages"):
        await AsyncPaginator(fetch, max_pages=50).to_list()


async def test_breaking_out_cancels_the_prefetched_page() -> None:
    import asyncio

    started: list[int] = []
    release = asyncio.Event()

    async def fetch(cursor: Hashable | None) -> Page[int]:
        n = cursor if isinstance(cursor, int) else 0
        started.append(n)
        if n > 0:
            await release.wait()
        return Page([n], next_cursor=n + 1)

    gen = AsyncPaginator(fetch).pages()
    page = await gen.__anext__()
    assert page.items == [0]
    await asyncio.sleep(0)
    assert started == [0, 1]  # the next page is already on its way
    await gen.aclose()
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    assert not [t for t in others if not t.done()]


async def test_map_transforms_items() -> None:
    async def fetch(cursor: Hashable | None) -> Page[int]:
        return Page([1, 2, 3])

    assert await AsyncPaginator(fetch).map(lambda x: x * 10).to_list() == [10, 20, 30]
