"""Prefetch over real HTTP: the next page is started by the walk itself when a page is handed
out, and cancelled the moment the caller stops, so nothing is sent after that (counted at the
server). The pages come from a scripted Resource Management server (``paging.next`` links)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Hashable
from typing import Any

import pytest

from smartsuite import RateLimitConfig, RetryConfig
from smartsuite._core.paging import AsyncPaginator, Page
from smartsuite.resource_management import ResourceManagementClient
from tests.core.support import Answer, ScriptedServer
from tests.core.support import server as server  # the scripted-server fixture

#: The first request goes at once; the next one waits 0.4 s in the client's own limiter.
SLOW_SECOND = RateLimitConfig(rate=1, per=0.4, burst=1)


def rm_page(page: int, last: int) -> dict[str, Any]:
    link = f"/api/v1/users?page={page + 1}&per_page=2" if page < last else None
    return {"data": [{"id": 2 * page}, {"id": 2 * page + 1}], "paging": {"next": link}}


def script_pages(server: ScriptedServer, last: int, delay: float = 0.0) -> None:
    server.script(
        *[Answer(200, rm_page(n, last), delay=delay if n > 1 else 0.0) for n in range(1, last + 1)]
    )


@pytest.fixture
async def slow_rm(server: ScriptedServer) -> AsyncIterator[ResourceManagementClient]:
    async with ResourceManagementClient(
        "tok-prefetch-test-1", base_url=server.url + "/api/v1", rate_limit=SLOW_SECOND
    ) as client:
        yield client


async def test_a_full_walk_prefetches_and_sees_every_page_once(
    server: ScriptedServer,
) -> None:
    script_pages(server, 4, delay=0.05)
    fast = RateLimitConfig(rate=1000, per=1, burst=100)
    async with ResourceManagementClient(
        "tok-prefetch-test-1", base_url=server.url + "/api/v1", rate_limit=fast
    ) as rm:
        walk = rm.users.list(page_size=2).pages()
        first = await walk.__anext__()
        # The walk started page 2 itself: it is on the wire while the caller holds page 1.
        await asyncio.sleep(0.02)
        assert len(server.seen) == 2
        rest = [page async for page in walk]
    assert [u.id for u in first.items] == [2, 3]
    assert [[u.id for u in p.items] for p in rest] == [[4, 5], [6, 7], [8, 9]]
    assert [s.query.get("page") for s in server.seen] == [None, "2", "3", "4"]


async def _stop(how: str, rm: ResourceManagementClient) -> None:
    paginator = rm.users.list(page_size=2)
    if how == "break":
        async for _user in paginator:
            break
    elif how == "exception":
        with pytest.raises(LookupError):
            async for _user in paginator:
                raise LookupError("the caller's own error")
    elif how == "aclose":
        walk = paginator.pages()
        await walk.__anext__()
        await walk.aclose()
        await asyncio.sleep(0)
    elif how == "collected":
        walk = paginator.pages()
        await walk.__anext__()
        del walk
        gc.collect()


@pytest.mark.parametrize("how", ["break", "exception", "aclose", "collected"])
async def test_no_request_leaves_after_the_caller_stops(
    server: ScriptedServer, slow_rm: ResourceManagementClient, how: str
) -> None:
    script_pages(server, 5)
    await _stop(how, slow_rm)
    # The prefetch of page 2 was waiting for the limiter (0.4 s) when the caller stopped.
    await asyncio.sleep(0.6)
    assert len(server.seen) == 1


async def test_a_prefetch_in_flight_is_cancelled_not_read(server: ScriptedServer) -> None:
    script_pages(server, 3, delay=0.5)  # page 2 is on the wire for half a second
    attempts: list[Any] = []
    fast = RateLimitConfig(rate=1000, per=1, burst=100)
    async with ResourceManagementClient(
        "tok-prefetch-test-1",
        base_url=server.url + "/api/v1",
        rate_limit=fast,
        retry=RetryConfig(max_attempts=1),
        hooks=[attempts.append],
    ) as rm:
        async for _user in rm.users.list(page_size=2):
            await asyncio.sleep(0.05)  # the caller works; page 2 goes out meanwhile
            break
        await asyncio.sleep(0.8)
    assert len(server.seen) == 2  # page 1, and the prefetch of page 2 (sent before the break)
    assert len([a for a in attempts if a.status == 200]) == 1  # page 2 was never read


async def test_a_prefetch_that_fails_unread_logs_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def fetch(cursor: Hashable | None) -> Page[int]:
        if cursor is None:
            return Page([1], next_cursor=2)
        raise RuntimeError("page 2 failed")

    walk = AsyncPaginator(fetch).pages()
    assert (await walk.__anext__()).items == [1]
    await asyncio.sleep(0.01)  # page 2 fails in the background
    del walk
    gc.collect()
    await asyncio.sleep(0)
    assert "never retrieved" not in caplog.text


async def test_a_slow_caller_keeps_one_page_ahead_at_most() -> None:
    asked: list[Hashable | None] = []

    async def fetch(cursor: Hashable | None) -> Page[int]:
        asked.append(cursor)
        n = cursor if isinstance(cursor, int) else 0
        return Page([n], next_cursor=n + 1 if n < 5 else None)

    seen = []
    async for item in AsyncPaginator(fetch):
        seen.append(item)
        await asyncio.sleep(0.01)  # long enough for any number of background pages
        assert len(asked) <= item + 2
    assert seen == [0, 1, 2, 3, 4, 5]
    assert asked == [None, 1, 2, 3, 4, 5]


def _unfinished_fetches() -> list[asyncio.Task[Any]]:
    return [
        t
        for t in asyncio.all_tasks()
        if not t.done() and t.get_coro().__qualname__.endswith(("load", "_fetch_page"))
    ]


@pytest.mark.parametrize("how", ["break", "exception"])
async def test_stopping_cancels_the_prefetch_at_once(how: str) -> None:
    release = asyncio.Event()

    async def fetch(cursor: Hashable | None) -> Page[int]:
        if cursor is not None:
            await release.wait()
        n = cursor if isinstance(cursor, int) else 0
        return Page([1, 2], next_cursor=n + 1)

    try:
        async for _item in AsyncPaginator(fetch):
            await asyncio.sleep(0)  # page 2 is in flight
            if how == "exception":
                raise LookupError("the caller's own error")
            break
    except LookupError:
        pass
    # No loop turn has passed since the caller stopped: the prefetch is already cancelled.
    assert [t for t in _unfinished_fetches() if not t.cancelling()] == []


async def test_last_response_is_the_answer_of_the_page_handed_out(server: ScriptedServer) -> None:
    from smartsuite import last_response

    server.script(
        *[Answer(200, rm_page(n, 3), headers={"X-Request-Id": f"req-{n}"}) for n in range(1, 4)]
    )
    fast = RateLimitConfig(rate=1000, per=1, burst=100)
    async with ResourceManagementClient(
        "tok-prefetch-test-1", base_url=server.url + "/api/v1", rate_limit=fast
    ) as rm:
        seen = []
        async for page in rm.users.list(page_size=2).pages():
            info = last_response()
            assert info is not None
            seen.append((page.items[0].id, info.request_id))
    assert seen == [(2, "req-1"), (4, "req-2"), (6, "req-3")]
