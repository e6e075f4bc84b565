"""Paging guards over real HTTP against a scripted hostile server: an empty page ends a walk
even when ``totalPages`` keeps growing, a repeated cursor is refused, and the page bound
(``Limits.max_pages``, 1,000 by default: minutes at each client's default rate) ends a walk
that never ends, in all three clients' paginators."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from smartsuite import Limits
from smartsuite._core.config import RetryConfig
from smartsuite._core.errors import PagingError
from smartsuite._core.limits import DEFAULT_MAX_PAGES
from smartsuite.appsheet import AppSheetClient
from smartsuite.appsheet.client import DEFAULT_RATE_LIMIT as APPSHEET_RATE
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.resource_management.client import DEFAULT_RATE_LIMIT as RM_RATE
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.client import DEFAULT_RATE_LIMIT as SS_RATE
from tests.core.support import Answer, ScriptedServer
from tests.core.support import server as server  # the scripted-server fixture

ONCE = RetryConfig(max_attempts=1)
TOKEN = "tok-paging-0123456789"


def index_page(number: int, total_pages: int, ids: list[int]) -> dict[str, Any]:
    return {
        "pageNumber": number,
        "totalPages": total_pages,
        "totalCount": 10**6,
        "data": [{"id": i, "name": f"s{i}"} for i in ids],
    }


def rm_page(next_link: str | None, ids: list[int]) -> dict[str, Any]:
    return {"data": [{"id": i} for i in ids], "paging": {"page": 1, "next": next_link}}


@pytest.fixture
async def ss(server: ScriptedServer) -> AsyncIterator[SmartsheetClient]:
    async with SmartsheetClient(
        TOKEN, base_url=server.url, retry=ONCE, limits=Limits(max_pages=5)
    ) as client:
        yield client


@pytest.fixture
async def rm(server: ScriptedServer) -> AsyncIterator[ResourceManagementClient]:
    async with ResourceManagementClient(
        TOKEN, base_url=server.url + "/api/v1", retry=ONCE, limits=Limits(max_pages=4)
    ) as client:
        yield client


def test_the_default_bound_ends_within_minutes_at_every_default_rate() -> None:
    assert Limits().max_pages == DEFAULT_MAX_PAGES == 1_000
    for rate in (SS_RATE, RM_RATE, APPSHEET_RATE):
        minutes = DEFAULT_MAX_PAGES / rate.rate * rate.per / 60
        assert minutes <= 10  # the old 100,000 pages took 5.5 hours at Smartsheet's rate


async def test_smartsheet_empty_page_ends_the_walk_though_total_pages_grows(
    ss: SmartsheetClient, server: ScriptedServer
) -> None:
    server.script(
        Answer(200, index_page(1, 2, [1, 2])),
        Answer(200, index_page(2, 3, [])),  # "one more page", but nothing on this one
        Answer(200, index_page(3, 4, [3])),  # never asked for
    )
    items = await ss.sheets.list().to_list()
    assert [s.id for s in items] == [1, 2]
    assert [s.query.get("page") for s in server.seen] == ["1", "2"]


async def test_smartsheet_repeated_page_number_is_refused(
    ss: SmartsheetClient, server: ScriptedServer
) -> None:
    # asked for page 2, the server answers page 1 again (and again)
    server.script(*[Answer(200, index_page(1, 5, [1])) for _ in range(4)])
    with pytest.raises(PagingError, match="same next page twice"):
        await ss.sheets.list().to_list()
    assert len(server.seen) <= 3


async def test_smartsheet_endless_walk_stops_at_max_pages(
    ss: SmartsheetClient, server: ScriptedServer
) -> None:
    server.script(*[Answer(200, index_page(n, n + 1, [n])) for n in range(1, 12)])
    seen: list[int] = []
    with pytest.raises(PagingError, match=r"gave up after 5 pages \(Limits.max_pages\)"):
        async for sheet in ss.sheets.list():
            assert sheet.id is not None
            seen.append(sheet.id)
    assert seen == [1, 2, 3, 4, 5]
    assert len(server.seen) == 5  # no prefetch past the bound


async def test_rm_endless_distinct_links_stop_at_max_pages(
    rm: ResourceManagementClient, server: ScriptedServer
) -> None:
    server.script(*[Answer(200, rm_page(f"/api/v1/users?page={n + 1}", [n])) for n in range(1, 10)])
    with pytest.raises(PagingError, match="gave up after 4 pages"):
        await rm.users.list().to_list()
    assert len(server.seen) == 4


async def test_rm_repeated_link_is_refused(
    rm: ResourceManagementClient, server: ScriptedServer
) -> None:
    server.script(
        Answer(200, rm_page("/api/v1/users?page=2", [1])),
        Answer(200, rm_page("/api/v1/users?page=3", [2])),
        Answer(200, rm_page("/api/v1/users?page=2", [3])),  # back to a page already read
        Answer(200, rm_page(None, [4])),
    )
    with pytest.raises(PagingError, match="same next page twice"):
        await rm.users.list().to_list()
    assert len(server.seen) == 3


async def test_rm_empty_page_with_a_next_link_ends_the_walk(
    rm: ResourceManagementClient, server: ScriptedServer
) -> None:
    server.script(
        Answer(200, rm_page("/api/v1/users?page=2", [1])),
        Answer(200, rm_page("/api/v1/users?page=3", [])),
        Answer(200, rm_page(None, [3])),
    )
    assert [u.id for u in await rm.users.list().to_list()] == [1]
    assert len(server.seen) == 2


async def test_appsheet_paginator_carries_the_client_bound(server: ScriptedServer) -> None:
    server.script(Answer(200, {"Rows": [{"ID": "a"}, {"ID": "b"}]}))
    async with AppSheetClient(
        "app", TOKEN, base_url=server.url, retry=ONCE, limits=Limits(max_pages=2)
    ) as app:
        paginator = app.table("People").list()
        assert paginator._max_pages == 2
        assert len(await paginator.to_list()) == 2
    assert len(server.seen) == 1  # Find answers in one page


async def test_default_bound_reaches_every_paginator(server: ScriptedServer) -> None:
    async with (
        SmartsheetClient(TOKEN, base_url=server.url) as ss,
        ResourceManagementClient(TOKEN, base_url=server.url + "/api/v1") as rm,
        AppSheetClient("app", TOKEN, base_url=server.url) as app,
    ):
        paginators = [ss.sheets.list(), rm.users.list(), app.table("People").list()]
        assert [p._max_pages for p in paginators] == [DEFAULT_MAX_PAGES] * 3
    assert server.seen == []  # paginators are lazy
