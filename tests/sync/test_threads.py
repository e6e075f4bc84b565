"""One sync client shared by a thread pool, and used where an event loop already runs."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from smartsuite.emulator import Emulator
from smartsuite.sync import Portal, SmartsheetClient
from smartsuite.sync._runtime import context

from .conftest import make_sheet


def test_a_thread_pool_shares_one_client(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet_id = make_sheet(ss, rows=20)
    rows = ss.sheets.get(sheet_id).rows or []
    ids = [r.id for r in rows if r.id is not None]
    callers: set[int] = set()

    def work(row_id: int) -> str:
        callers.add(threading.get_ident())
        row = ss.rows.get(sheet_id, row_id)
        ss.rows.update(sheet_id, [{"id": row_id, "Name": f"by-{row_id}"}])
        return str(row.id)

    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(work, ids * 3))
    assert got == [str(i) for i in ids * 3]
    assert len(callers) > 1
    names = {r["Name"] for r in ss.sheets.get(sheet_id).to_records()}
    assert names == {f"by-{i}" for i in ids}
    # Each thread's iteration is its own walk.
    with ThreadPoolExecutor(max_workers=4) as pool:
        walks = list(pool.map(lambda _: len(list(ss.sheets.list(page_size=1))), range(8)))
    assert walks == [1] * 8


def test_inside_a_running_event_loop(emu: Emulator) -> None:
    """A notebook: the main thread runs a loop; the sync client is called from it and from
    worker threads of that loop."""

    async def notebook_cell() -> tuple[str | None, str | None, bool]:
        with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
            sheet_id = make_sheet(ss, rows=2, name="Cell")  # blocking call inside the loop
            in_thread = await asyncio.to_thread(lambda: ss.sheets.get(sheet_id).name)
            loop_thread = ss._portal.thread is not threading.current_thread()
            return ss.sheets.get(sheet_id).name, in_thread, loop_thread

    assert asyncio.run(notebook_cell()) == ("Cell", "Cell", True)


def test_an_async_context_manager_becomes_a_plain_with() -> None:
    events: list[str] = []

    @contextlib.asynccontextmanager
    async def session(name: str) -> AsyncIterator[str]:
        events.append(f"enter on {threading.current_thread().name}")
        try:
            yield name.upper()
        finally:
            events.append("exit")

    portal = Portal("cm-test")
    try:
        with context(portal, session("a")) as value:
            assert value == "A"
        with pytest.raises(KeyError), context(portal, session("b")):
            raise KeyError("b")  # the exception reaches the async __aexit__, and goes on
    finally:
        portal.close()
    assert events == ["enter on cm-test", "exit", "enter on cm-test", "exit"]
