"""Streaming export keeps memory flat: a 20,000-row sheet streamed to a file never holds more
than a few pages at once (client and the in-process emulator together).

Measured with tracemalloc as a ratio against the size of the same records held in a list, in
the same test, so the bound does not depend on the machine.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from smartsuite.etl import stream_sheet, write_records
from smartsuite.smartsheet import SmartsheetClient

from .conftest import make_sheet, people

ROWS = 20_000
PAGE = 250


async def test_streaming_a_large_sheet_to_a_file_keeps_memory_flat(
    ss: SmartsheetClient, tmp_path: Path
) -> None:
    sheet_id = await make_sheet(ss, "Large")
    records = people(ROWS)
    assert (await ss.rows.upsert(sheet_id, records, key="Employee ID")).ok
    del records
    path = tmp_path / "large.csv"

    tracemalloc.start()
    try:
        # One page first, so neither side is charged for its first-use caches.
        await stream_sheet(ss, sheet_id, page_size=PAGE)
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        count = await write_records(stream_sheet(ss, sheet_id, page_size=PAGE), path)
        streamed_peak = tracemalloc.get_traced_memory()[1] - base

        before = tracemalloc.get_traced_memory()[0]
        held = [r async for r in stream_sheet(ss, sheet_id, page_size=PAGE)]
        held_size = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()

    assert count == ROWS and len(held) == ROWS
    assert path.read_text().count("\n") == ROWS + 1
    # The streamed peak is bound by the page size (this page, the prefetched one, the
    # server's answer and the decoded models of each), not by the sheet: 80 pages held must
    # weigh well over twice that.
    ratio = streamed_peak / held_size
    assert ratio < 0.4, f"streamed peak {streamed_peak:,} B vs held {held_size:,} B"
