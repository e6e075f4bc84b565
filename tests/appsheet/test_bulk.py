"""Writes in batches: per-row outcomes for large adds, failed batches, short answers, faults."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import web
from aiohttp.test_utils import TestServer

from smartsuite._core.bulk import Outcome
from smartsuite._core.errors import (
    BadRequestError,
    DecodeError,
    OutcomeUnknownError,
    PermissionDeniedError,
)
from smartsuite.appsheet import AppSheetClient
from smartsuite.emulator import Emulator, Fault

from .conftest import sent_bodies


async def test_5000_row_add_in_batches_of_500(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    people = appsheet_client.table("People", key="ID")
    rows = [{"Name": f"person {i}", "Age": i % 90} for i in range(5000)]
    result = await people.add(rows)
    assert result.ok and len(result) == 5000 and result.requests == 10
    assert [len(b["Rows"]) for b in sent_bodies(smartsuite_emulator)] == [500] * 10
    # Each input row's result is its own row, with the key AppSheet generated for it.
    for i, item in enumerate(result):
        assert item.index == i and item.value is not None
        assert item.value["Name"] == f"person {i}" and item.value["ID"]
    keys = {item.value["ID"] for item in result if item.value}
    assert len(keys) == 5000
    assert len(smartsuite_emulator.appsheet.state.table("People").rows) == 5000


async def test_a_failed_batch_fails_only_its_rows(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    people = appsheet_client.table("People", key="ID", batch_size=100)
    rows: list[dict[str, Any]] = [{"ID": f"r{i}", "Age": i} for i in range(300)]
    rows[150]["Age"] = "old"
    result = await people.add(rows)
    assert result.requests == 3
    assert [r.outcome for r in result[:100]] == [Outcome.LANDED] * 100
    assert [r.outcome for r in result[100:200]] == [Outcome.FAILED] * 100
    assert [r.outcome for r in result[200:]] == [Outcome.LANDED] * 100
    error = result[150].error
    assert isinstance(error, BadRequestError) and error.status == 400
    assert error.message == "Value 'old' in field 'Age' cannot be converted to type 'Number'"
    stored = smartsuite_emulator.appsheet.state.table("People").rows
    assert len(stored) == 200 and "r150" not in stored and "r100" not in stored  # atomic
    with pytest.raises(Exception, match="100 failed"):
        result.raise_for_failures()


async def test_a_bad_key_stops_the_run(smartsuite_emulator: Emulator) -> None:
    emu = smartsuite_emulator
    async with AppSheetClient(
        emu.appsheet_app_id, "V2-wrong-key", base_url=emu.appsheet_url
    ) as client:
        result = await client.table("People").add(
            [{"Name": str(i)} for i in range(25)], batch_size=10
        )
    assert result.requests == 1 and len(emu.appsheet.log) == 1
    assert {r.outcome for r in result[:10]} == {Outcome.FAILED}
    assert isinstance(result[0].error, PermissionDeniedError)
    assert {r.outcome for r in result[10:]} == {Outcome.NOT_SENT}


async def test_lost_answer_is_unknown_and_not_repeated(
    fast_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    emu.appsheet.faults.script(Fault.DROP_AFTER, method="POST")
    result = await fast_client.table("People", key="ID").add([{"ID": "a"}, {"ID": "b"}])
    assert [r.outcome for r in result] == [Outcome.UNKNOWN, Outcome.UNKNOWN]
    assert isinstance(result[0].error, OutcomeUnknownError)
    assert len(emu.appsheet.log) == 1  # not repeated ...
    assert set(emu.appsheet.state.table("People").rows) == {"a", "b"}  # ... though it landed


async def test_5xx_on_an_add_is_unknown_and_not_resent(
    fast_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    # Inverted: this test used to pin an Add re-sent after a 500. AppSheet's 500 ("an
    # unexpected error occurred", seed 003) says nothing about whether the rows were added.
    emu = smartsuite_emulator
    emu.appsheet.faults.script(Fault.APPLIED_500)
    result = await fast_client.table("People", key="ID").add([{"ID": "a"}])
    assert [r.outcome for r in result] == [Outcome.UNKNOWN]
    assert isinstance(result[0].error, OutcomeUnknownError)
    assert len(emu.appsheet.log) == 1 and fast_client.stats.total_retries == 0
    assert list(emu.appsheet.state.table("People").rows) == ["a"]  # it had landed: one copy


async def test_5xx_on_a_find_is_retried(
    fast_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    emu.appsheet.faults.script(Fault.SERVER_ERROR, times=2)
    await fast_client.table("People", key="ID").list().to_list()
    assert len(emu.appsheet.log) == 3
    assert fast_client.stats.retries["http_500"] == 2


async def test_html_answer_to_a_write_is_unknown(
    fast_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    smartsuite_emulator.appsheet.faults.script(Fault.HTML)
    result = await fast_client.table("People", key="ID").add([{"ID": "a"}])
    assert result[0].outcome is Outcome.UNKNOWN
    assert "body could not be read" in str(result[0].error)


# -- answers with fewer rows, from a stand-in server -------------------------------------------

#: Turns the request body into the stand-in's JSON answer.
Answer = Callable[[dict[str, Any]], Any]


def echo(reshape: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> Answer:
    """Answer ``{"Rows": ...}`` with the rows sent (plus ``_RowNumber``), reshaped."""

    def answer(body: dict[str, Any]) -> Any:
        rows = [{**r, "_RowNumber": str(i)} for i, r in enumerate(body["Rows"])]
        return {"Rows": reshape(rows)}

    return answer


@pytest_asyncio.fixture
async def stand_in() -> AsyncIterator[tuple[TestServer, list[Answer]]]:
    """A server whose Action answers come from ``answers[0]``, which the test sets."""
    answers: list[Answer] = [echo(lambda rows: rows)]

    async def action(request: web.Request) -> web.Response:
        return web.Response(text=json.dumps(answers[0](await request.json())))

    app = web.Application()
    app.router.add_post("/api/v2/apps/{app_id}/tables/{table}/Action", action)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield server, answers
    await server.close()


def _client(server: TestServer) -> AppSheetClient:
    return AppSheetClient("app", "key", base_url=str(server.make_url("/api/v2")))


async def test_short_answer_matches_by_key(stand_in: tuple[TestServer, list[Answer]]) -> None:
    server, answers = stand_in
    answers[0] = echo(lambda rows: list(reversed(rows[1:])))  # drops "k0", answers out of order
    async with _client(server) as client:
        result = await client.table("T", key="K").edit([{"K": f"k{i}", "V": i} for i in range(4)])
    assert [r.outcome for r in result] == [Outcome.UNKNOWN] + [Outcome.LANDED] * 3
    assert isinstance(result[0].error, OutcomeUnknownError)
    assert [r.value["V"] for r in result[1:] if r.value] == [1, 2, 3]


async def test_short_answer_without_keys_is_unknown(
    stand_in: tuple[TestServer, list[Answer]],
) -> None:
    server, answers = stand_in
    async with _client(server) as client:
        table = client.table("T")
        full = await table.add([{"V": 1}, {"V": 2}])
        answers[0] = echo(lambda rows: rows[:1])
        short = await table.add([{"V": 1}, {"V": 2}])
    assert full.ok and [r.value["V"] for r in full if r.value] == [1, 2]  # paired by position
    assert [r.outcome for r in short] == [Outcome.UNKNOWN, Outcome.UNKNOWN]
    assert "answered 1 rows for 2 sent" in str(short[0].error)


async def test_bare_arrays_and_odd_warnings_from_any_action(
    stand_in: tuple[TestServer, list[Answer]],
) -> None:
    server, answers = stand_in
    async with _client(server) as client:
        answers[0] = lambda body: body["Rows"]  # a bare array from a write
        added = await client.table("W").add([{"A": "1"}])
        answers[0] = lambda body: {"Rows": [], "Warnings": [{"w": 1}]}
        edited = await client.table("W", key="A").edit([{"A": "1"}])
        answers[0] = lambda body: {"rows": []}
        with pytest.raises(DecodeError, match="'Rows'"):
            await client.table("W").list().to_list()
    assert added.ok and added[0].value == {"A": "1"}
    assert edited.warnings == ["{'w': 1}"]
    assert edited[0].outcome is Outcome.UNKNOWN


async def test_batches_to_one_table_never_overlap(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    import asyncio
    import itertools

    people = appsheet_client.table("People", key="ID", batch_size=50)
    smartsuite_emulator.appsheet.faults.latency = 0.005  # widen the window for an overlap
    first, second = await asyncio.gather(
        people.add([{"Name": f"a{i}"} for i in range(200)]),
        people.add([{"Name": f"b{i}"} for i in range(200)]),
    )
    assert first.ok and second.ok and first.requests == second.requests == 4
    log = sorted(smartsuite_emulator.appsheet.log, key=lambda e: e.started)
    assert [e.write_key for e in log] == ["appsheet:People"] * 8
    # The table's write lock holds each batch until the previous one was answered, so no two
    # requests were ever in the emulator at once (the added latency would show it).
    assert all(a.finished <= b.started for a, b in itertools.pairwise(log))
    assert smartsuite_emulator.appsheet.overlapping_writes == 0
