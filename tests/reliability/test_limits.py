"""Documented server limits are refused locally, with an error naming the limit, before any
write is sent: 500,000 cells per sheet, 4,000 characters per cell, 500 rows per request, 30 MB
per file. (The attachment entry points other than versions and imports are covered in
tests/smartsheet/test_attachments.py; the basic cell/batch checks in tests/core/test_bulk.py.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from smartsuite._core.errors import LimitExceededError
from smartsuite.emulator import Emulator
from smartsuite.etl import RecordStatus, SheetTarget
from smartsuite.smartsheet import Column, Row, SmartsheetClient
from smartsuite.testing import EMULATOR_RATE_LIMIT

MB = 1024 * 1024
WRITES = ("POST", "PUT", "DELETE")


@pytest.fixture
async def ss(smartsuite_emulator: Emulator) -> AsyncIterator[SmartsheetClient]:
    emu = smartsuite_emulator
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=EMULATOR_RATE_LIMIT
    ) as client:
        yield client


def writes_since(emu: Emulator, mark: int) -> list[str]:
    return [f"{e.method} {e.path}" for e in emu.smartsheet.log[mark:] if e.method in WRITES]


@pytest.fixture
async def nearly_full(ss: SmartsheetClient) -> int:
    """A sheet of 400 columns x 1,249 rows: 499,600 cells, room for exactly one more row."""
    columns = [Column(title="K", type="TEXT_NUMBER", primary=True)]
    columns += [Column(title=f"C{i}", type="TEXT_NUMBER") for i in range(399)]
    sheet = await ss.sheets.create("Nearly full", columns)
    assert sheet.id is not None
    filled = await ss.rows.add(sheet.id, [Row(to_bottom=True, cells=[]) for _ in range(1249)])
    filled.raise_for_failures()
    return sheet.id


async def test_sheet_over_500000_cells_is_refused_locally(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, nearly_full: int
) -> None:
    emu = smartsuite_emulator
    mark = len(emu.smartsheet.log)
    attempts = [
        ss.rows.add(nearly_full, [{"K": "a"}, {"K": "b"}]),  # records: shape read anyway
        ss.rows.add(nearly_full, [Row(cells=[])] * 2, check_limits=True),
        ss.rows.add(nearly_full, [Row(cells=[])] * 2, batch_size=1),  # several batches
    ]
    for call in attempts:
        with pytest.raises(LimitExceededError) as info:
            await call
        message = str(info.value)
        assert "500000" in message and "1249 rows x 400 columns" in message
    assert writes_since(emu, mark) == []
    # one more row still fits
    assert (await ss.rows.add(nearly_full, [{"K": "last"}])).ok


async def test_upsert_over_500000_cells_is_refused_locally(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, nearly_full: int
) -> None:
    emu = smartsuite_emulator
    mark = len(emu.smartsheet.log)
    result = await ss.rows.upsert(nearly_full, [{"K": "a"}, {"K": "b"}], key="K")
    assert all(isinstance(r.error, LimitExceededError) for r in result)
    assert writes_since(emu, mark) == []


async def test_cell_over_4000_characters_is_refused_locally(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    sheet = await ss.sheets.create(
        "Cells", [Column(title="K", type="TEXT_NUMBER", primary=True), Column(title="Note")]
    )
    assert sheet.id is not None
    added = await ss.rows.add(sheet.id, [{"K": "k1", "Note": "short"}])
    row_id = added[0].value.id if added[0].value is not None else None
    mark = len(emu.smartsheet.log)
    long = "é" * 4001  # characters, not bytes, are counted
    with pytest.raises(LimitExceededError, match="4001 characters"):
        await ss.rows.update(sheet.id, [{"id": row_id, "Note": long}])
    with pytest.raises(LimitExceededError, match="row 1"):
        await ss.rows.add(sheet.id, [{"K": "ok"}, {"K": "k2", "Note": long}])
    assert writes_since(emu, mark) == []
    # through upsert: the record is reported failed and never sent; the others land
    result = await ss.rows.upsert(
        sheet.id, [{"K": "k3", "Note": "fine"}, {"K": "k4", "Note": long}], key="K"
    )
    assert [r.status for r in result] == [RecordStatus.ADDED, RecordStatus.FAILED]
    assert isinstance(result[1].error, LimitExceededError)
    assert "4000 per cell" in str(result[1].error)
    bodies = [e.body for e in emu.smartsheet.log[mark:] if e.method in WRITES]
    assert bodies and all(long.encode() not in b for b in bodies)
    # exactly 4,000 characters is allowed
    assert (await ss.rows.add(sheet.id, [{"K": "k5", "Note": "é" * 4000}])).ok


async def test_more_than_500_rows_per_request_is_refused_locally(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    sheet = await ss.sheets.create("Batch", [Column(title="K", primary=True)])
    assert sheet.id is not None
    mark = len(emu.smartsheet.log)
    for call in (
        ss.rows.add(sheet.id, [Row(cells=[])], batch_size=501),
        ss.rows.update(sheet.id, [Row(id=1, cells=[])], batch_size=501),
        ss.rows.upsert(sheet.id, [{"K": "a"}], key="K", batch_size=501),
    ):
        with pytest.raises(LimitExceededError, match="between 1 and 500"):
            await call
    with pytest.raises(LimitExceededError, match="between 1 and 500"):
        SheetTarget(ss, sheet.id, batch_size=501)
    assert emu.smartsheet.log[mark:] == []
    # 1,001 rows go as 500 + 500 + 1
    result = await ss.rows.add(sheet.id, [Row(to_bottom=True, cells=[])] * 1001)
    posted = [len(e.json()) for e in emu.smartsheet.log[mark:] if e.method == "POST"]
    assert result.ok and posted == [500, 500, 1]


async def test_30_mb_version_and_import_are_refused_locally(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    sheet = await ss.sheets.create("Files", [Column(title="K", primary=True)])
    assert sheet.id is not None
    attachment = await ss.attachments.attach_to_sheet(sheet.id, b"v1", filename="a.txt")
    assert attachment.id is not None
    big = tmp_path / "big.bin"
    with big.open("wb") as handle:  # sparse: nothing is really written
        handle.truncate(30 * MB + 1)
    mark = len(emu.smartsheet.log)
    with pytest.raises(LimitExceededError, match="30"):
        await ss.attachments.upload_version(sheet.id, attachment.id, big)
    with pytest.raises(LimitExceededError, match="30 MB"):
        await ss.imports.sheet(b"a,b\n" + b"x" * (30 * MB), "Too big")
    assert emu.smartsheet.log[mark:] == []
