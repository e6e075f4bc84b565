"""The bulk chunker: 1,234 rows become 500/500/234 with an outcome for every row."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from smartsuite._core.bulk import BulkResult, BulkWriteError, Outcome, chunk, run_in_batches
from smartsuite._core.errors import (
    AuthenticationError,
    ConfigurationError,
    LimitExceededError,
    OutcomeUnknownError,
    ServerError,
)
from smartsuite.emulator import Fault
from smartsuite.smartsheet import Cell, Column, Row


def test_chunk_ranges() -> None:
    assert [len(r) for r in chunk(1234, 500)] == [500, 500, 234]
    assert chunk(0, 500) == []
    with pytest.raises(ConfigurationError):
        chunk(10, 0)


async def _sheet(ss) -> int:
    sheet = await ss.sheets.create(
        "Bulk", [Column(title="K", primary=True), Column(title="V", type="TEXT_NUMBER")]
    )
    return sheet.id


async def test_1234_rows_in_500_500_234_with_per_row_ids(
    smartsheet_client, smartsuite_emulator
) -> None:
    ss = smartsheet_client
    sheet_id = await _sheet(ss)
    result = await ss.rows.add(sheet_id, [{"K": f"k{i}", "V": i} for i in range(1234)])
    posts = [
        r
        for r in smartsuite_emulator.smartsheet.log
        if r.method == "POST" and r.path.endswith("/rows")
    ]
    assert [len(r.json()) for r in posts] == [500, 500, 234]
    assert result.requests == 3 and len(result) == 1234 and result.ok
    stored = smartsuite_emulator.smartsheet.state.sheets[sheet_id].rows
    assert [r.value.id for r in result] == [r["id"] for r in stored]
    assert [r.index for r in result] == list(range(1234))


async def test_failed_batch_marks_exactly_its_rows(smartsheet_client, smartsuite_emulator) -> None:
    ss = smartsheet_client
    sheet_id = await _sheet(ss)
    # A plain 500 on an add says nothing about whether it was applied: the batch is UNKNOWN
    # (it used to be pinned as FAILED, which claims the rows did not land), never re-sent.
    smartsuite_emulator.smartsheet.faults.script(
        Fault.SERVER_ERROR, method="POST", path_contains="/rows"
    )
    first = await ss.rows.add(sheet_id, [{"K": "a"}])
    assert first.unknown and isinstance(first.unknown[0].error, OutcomeUnknownError)
    assert isinstance(first.unknown[0].error.__cause__, ServerError)
    result = await ss.rows.add(sheet_id, [{"K": f"k{i}"} for i in range(1234)])
    assert result.ok
    with pytest.raises(BulkWriteError) as info:
        first.raise_for_failures()
    assert "1 unknown" in str(info.value)


async def test_unknown_outcome_marks_batch_unknown_and_continues(
    smartsheet_client, smartsuite_emulator
) -> None:
    ss = smartsheet_client
    sheet_id = await _sheet(ss)
    smartsuite_emulator.smartsheet.faults.script(
        Fault.DROP_AFTER, method="POST", path_contains="/rows", after=1
    )
    result = await ss.rows.add(sheet_id, [{"K": f"k{i}"} for i in range(1234)])
    assert [r.outcome for r in result.items[:500]] == [Outcome.LANDED] * 500
    assert [r.outcome for r in result.items[500:1000]] == [Outcome.UNKNOWN] * 500
    assert all(isinstance(r.error, OutcomeUnknownError) for r in result.unknown)
    assert [r.outcome for r in result.items[1000:]] == [Outcome.LANDED] * 234
    # the server did apply the dropped batch: reconciling is the caller's (or upsert's) job
    assert len(smartsuite_emulator.smartsheet.state.sheets[sheet_id].rows) == 1234


async def test_partial_success_maps_failed_items_to_input_index(smartsheet_client) -> None:
    ss = smartsheet_client
    sheet_id = await _sheet(ss)
    rows = [Row(cells=[Cell(column_id=1, value="bad")]) if i in (3, 7) else None for i in range(10)]
    cols = await ss.rows.columns_by_title(sheet_id)
    good = [Row(cells=[Cell(column_id=cols["K"].id, value=f"v{i}")]) for i in range(10)]
    for i in (3, 7):
        good[i] = Row(cells=[Cell(column_id=999, value="bad")])
    del rows
    result = await ss.rows.add(sheet_id, good, allow_partial_success=True)
    assert [r.index for r in result.failed] == [3, 7]
    assert all(r.error is not None and r.error.code == 1036 for r in result.failed)
    assert len(result.landed) == 8


async def test_fatal_error_stops_later_batches_as_not_sent() -> None:
    sent: list[int] = []

    async def send(batch: Sequence[int]):
        sent.append(len(batch))
        raise AuthenticationError("bad token", status=401, method="POST", path="/x")

    result: BulkResult[int] = await run_in_batches(list(range(1200)), send, batch_size=500)
    assert sent == [500]
    assert len(result.failed) == 500 and len(result.not_sent) == 700
    assert all(isinstance(r.error, AuthenticationError) for r in result.not_sent)


async def test_cancellation_leaves_a_correct_partial_result() -> None:
    import asyncio

    gate = asyncio.Event()

    async def send(batch: Sequence[int]):
        if batch[0] >= 500:
            await gate.wait()
        return [(Outcome.LANDED, i, None) for i in batch]

    holder: BulkResult[int] = BulkResult.pending(1200)
    task = asyncio.create_task(
        run_in_batches(list(range(1200)), send, batch_size=500, result=holder)
    )
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(holder.landed) == 500
    assert len(holder.unknown) == 500 and len(holder.not_sent) == 200


async def test_limits_refused_before_any_request(smartsheet_client, smartsuite_emulator) -> None:
    ss = smartsheet_client
    sheet_id = await _sheet(ss)
    before = len(smartsuite_emulator.smartsheet.log)
    with pytest.raises(LimitExceededError, match="4000 per cell"):
        await ss.rows.add(sheet_id, [{"K": "x" * 4001}])
    with pytest.raises(LimitExceededError, match="between 1 and 500"):
        await ss.rows.add(sheet_id, [{"K": "x"}], batch_size=501)
    # only the column lookup went out, no write
    assert all(r.method == "GET" for r in smartsuite_emulator.smartsheet.log[before:])
