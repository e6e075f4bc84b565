"""Benchmark 5: how cost grows with size.

Runs benchmark 1 (decode a sheet body) and benchmark 2 (upsert against the 10 requests/s limit)
at 1x, 4x and 16x their base size, and exports the written rows back to a JSON Lines file with
``stream_sheet`` (page by page) to show that export memory stays flat.

* decode: 20,000 x 25 cells per 1x (16x is 320,000 rows: past Smartsheet's 500,000-cell
  limit, so only a measure of how the decoder scales);
* bulk write: 100,000 rows in 5 sheets per 1x; larger runs use more sheets of 20,000 rows
  each (a sheet holds at most 500,000 cells);
* export: every row written, streamed to a file, in a fresh client process: its resident
  growth and tracemalloc peak.

The emulator runs in its own process, every client in a fresh one.

Run: ``python -m benchmarks.scale`` (``--scales 1,4`` for a shorter run).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

import attrs

from smartsuite import RateLimitConfig, SmartsheetClient
from smartsuite.etl import stream_sheet, write_records

from . import bulk_write, decode_sheet
from ._harness import (
    emit,
    fmt_bytes,
    fmt_ratio,
    fmt_seconds,
    fresh,
    load,
    machine,
    rss_growth,
    table,
)
from ._server import EmulatorProcess

UNLIMITED = RateLimitConfig(rate=100_000, per=1, burst=100_000)


@attrs.frozen
class WriteScale:
    scale: int
    rows: int
    sheets: int
    wall: float
    minimum: float
    limited: int
    export_seconds: float
    export_peak: int


async def export_all(url: str, token: str, sheet_ids: list[int], path: Path) -> int:
    """Every row of every sheet, streamed page by page into one JSON Lines file per sheet."""
    total = 0
    async with SmartsheetClient(token, base_url=url, rate_limit=UNLIMITED) as ss:
        for sheet_id in sheet_ids:
            total += await write_records(stream_sheet(ss, sheet_id), path, "jsonl")
    return total


def export_in_process(
    url: str, token: str, sheet_ids: list[int], path: str
) -> tuple[int, float, int]:
    """(rows exported, wall, resident growth) of the export, in this fresh process."""
    exported: list[int] = []
    wall, growth = rss_growth(
        lambda: exported.append(asyncio.run(export_all(url, token, sheet_ids, Path(path))))
    )
    return exported[0], wall, growth


def write_scale(scale: int, base_rows: int, base_sheets: int) -> WriteScale:
    rows, sheets = base_rows * scale, base_sheets * scale
    config = RateLimitConfig(rate=bulk_write.LIMIT, per=1, burst=bulk_write.BURST)
    with EmulatorProcess() as emu:
        sheet_ids = asyncio.run(bulk_write._make_sheets(emu, sheets, f"scale {scale}"))
        emu.call(bulk_write.server_limits, bulk_write.LIMIT)
        emu.call(bulk_write.tally_start)
        job = bulk_write.Job(
            "upsert",
            emu.smartsheet_url,
            emu.smartsheet_token,
            tuple(sheet_ids),
            rows // sheets,
            config,
            "adaptive",
        )
        result = fresh(bulk_write.client_run, job)
        tally = emu.call(bulk_write.tally_stop)
        emu.call(bulk_write.server_limits, None)
        if emu.call(bulk_write.rows_in, sheet_ids) != rows:
            raise RuntimeError("not every row landed")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "export.jsonl"
            exported, export_seconds, growth = fresh(
                export_in_process, emu.smartsheet_url, emu.smartsheet_token, sheet_ids, str(path)
            )
        if exported != rows:
            raise RuntimeError(f"exported {exported} of {rows} rows")
    minimum = max(0, tally.accepted - bulk_write.BURST) / bulk_write.LIMIT
    return WriteScale(
        scale, rows, sheets, result.wall, minimum, tally.limited, export_seconds, growth
    )


def render_decode(rows_by_scale: dict[int, list[decode_sheet.Result]], base_rows: int) -> str:
    lines = []
    first = rows_by_scale[min(rows_by_scale)]
    for scale, results in rows_by_scale.items():
        for r in results:
            base = next(b for b in first if b.name == r.name)
            lines.append(
                (
                    f"{scale}x",
                    f"{base_rows * scale:,}",
                    r.name,
                    fmt_seconds(r.seconds.median),
                    fmt_ratio(r.seconds.median / base.seconds.median),
                    fmt_bytes(r.rss.median),
                    fmt_ratio(r.rss.median / base.rss.median) if base.rss.median else "-",
                    fmt_bytes(r.peak),
                )
            )
    headers = (
        "size",
        "rows",
        "decoder",
        "median",
        "time vs 1x",
        "resident growth",
        "vs 1x",
        "tracemalloc peak",
    )
    return table("Scale: decode a GET-sheet body (25 columns)", headers, lines)


def render_writes(results: list[WriteScale]) -> str:
    base = results[0]
    lines = [
        (
            f"{r.scale}x",
            f"{r.rows:,}",
            str(r.sheets),
            fmt_seconds(r.wall),
            fmt_ratio(r.wall / base.wall),
            fmt_ratio(r.wall / r.minimum) if r.minimum else "-",
            str(r.limited),
            fmt_seconds(r.export_seconds),
            fmt_bytes(r.export_peak),
            fmt_ratio(r.export_peak / base.export_peak) if base.export_peak else "-",
        )
        for r in results
    ]
    headers = (
        "size",
        "rows",
        "sheets",
        "upsert wall",
        "vs 1x",
        "wall / minimum",
        "429s",
        "export wall",
        "export resident growth",
        "memory vs 1x",
    )
    return table("Scale: upsert at 10 requests/s, then stream every row out", headers, lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__)
    parser.add_argument("--scales", default="1,4,16", help="size multipliers (1,4,16)")
    parser.add_argument("--decode-rows", type=int, default=20_000, help="decode rows at 1x")
    parser.add_argument("--write-rows", type=int, default=100_000, help="upsert rows at 1x")
    parser.add_argument("--write-sheets", type=int, default=5, help="sheets at 1x (5)")
    parser.add_argument("--repeat", type=int, default=3, help="decode runs per size (3)")
    parser.add_argument("--skip-writes", action="store_true", help="only the decode part")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    emit(f"machine: {machine()}; {load()} at the start")
    decoded = {
        scale: decode_sheet.run(
            args.decode_rows * scale,
            25,
            repeat=args.repeat,
            sdk_repeat=0,
            with_sdk=False,
            check_first=False,
            names=[decode_sheet.FLOOR, decode_sheet.TYPED],
        )
        for scale in scales
    }
    emit(render_decode(decoded, args.decode_rows))
    if not args.skip_writes:
        writes = [write_scale(s, args.write_rows, args.write_sheets) for s in scales]
        emit(render_writes(writes))
    emit(f"{load()} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
