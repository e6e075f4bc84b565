"""Benchmark 1: decode a large ``GET /sheets/{id}`` body.

One 20,000 x 25 body (500,000 cells) is built once and written to a file. Every measurement is
one call in a fresh process (rounds interleaved), so its resident growth (``ru_maxrss`` after
the call less before it) is its own; the tracemalloc peak of a second call is printed beside it.

From the body in memory: ``json.loads`` (the floor), ``orjson.loads``, msgspec decoding into
typed structs (``benchmarks/msgspec_sheet.py``: what Python can do), smartsuite's typed decode
plus a read of every cell's value (what the transport and ``ss.sheets.get`` do once the body
has arrived: check it is JSON, decode it into :class:`~smartsuite.smartsheet.Sheet`, straight
from bytes when msgspec is installed), the path without msgspec (``json`` then the converter;
also with orjson forced as the parser), and the decode with ``to_records()``.

Over HTTP, from a server in its own process answering with the same body: a bare aiohttp
GET + ``json.loads`` (the floor), ``ss.sheets.get`` plus a read of every cell's value, and the
official SDK through its client object (``client.Sheets.get_sheet``).

Run: ``python -m benchmarks.decode_sheet`` (``--help`` for sizes and repetitions).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from smartsuite._core import bytes_decode, sansio
from smartsuite._core.bytes_decode import decode_response
from smartsuite._core.response import Response
from smartsuite._core.serde import structure
from smartsuite.smartsheet import Sheet
from smartsuite.smartsheet._converter import CONVERTER

from ._harness import (
    Samples,
    emit,
    fmt_bytes,
    fmt_ratio,
    fmt_seconds,
    fresh,
    load,
    machine,
    paired_ratios,
    peak_bytes,
    rss_growth,
    table,
)
from ._server import BodyServer
from .sheet_body import SHEET_ID, sheet_body, sheet_dict

FLOOR = "json.loads (floor)"
TYPED = "smartsuite typed Sheet + read every cell"
STDLIB = "smartsuite typed Sheet + read every cell (no msgspec: json + converter)"
ORJSON_PARSE = "smartsuite typed Sheet + read every cell (no msgspec, orjson parse)"
RECORDS = "smartsuite typed Sheet + to_records()"
MSGSPEC = "msgspec typed structs"
HTTP_FLOOR = "HTTP: aiohttp GET + json.loads (floor)"
HTTP_OURS = "HTTP: ss.sheets.get + read every cell"
SDK = "HTTP: official SDK client.Sheets.get_sheet"


@contextlib.contextmanager
def orjson_for_every_size() -> Iterator[None]:
    """Make smartsuite parse with orjson whatever the body size (normally only small ones)."""
    saved = sansio.LARGE_BODY_BYTES, bytes_decode.CHECK_ONLY_BYTES
    sansio.LARGE_BODY_BYTES = bytes_decode.CHECK_ONLY_BYTES = sys.maxsize
    try:
        yield
    finally:
        sansio.LARGE_BODY_BYTES, bytes_decode.CHECK_ONLY_BYTES = saved


def typed_decode(body: bytes) -> Sheet:
    """Exactly what the transport and ``ss.sheets.get`` do with the body they received: check
    it is JSON, then decode it (straight from bytes when msgspec is installed)."""
    response = Response(200, {}, body, "GET", "/sheets/1")
    response.check_json()
    return decode_response(CONVERTER, response, Sheet)


def typed_decode_stdlib(body: bytes) -> Sheet:
    """The path without msgspec: ``json`` parses, the converter structures the dicts."""
    response = Response(200, {}, body, "GET", "/sheets/1")
    return structure(CONVERTER, response.json(), Sheet)


def typed_decode_orjson(body: bytes) -> Sheet:
    with orjson_for_every_size():
        return typed_decode_stdlib(body)


def typed_and_read(body: bytes) -> Sheet:
    """:func:`typed_decode` and a read of every cell's value (lazy decoding may not skip work)."""
    sheet = typed_decode(body)
    read_every_cell(sheet)
    return sheet


def stdlib_and_read(body: bytes) -> Sheet:
    sheet = typed_decode_stdlib(body)
    read_every_cell(sheet)
    return sheet


def read_every_cell(sheet: Sheet) -> int:
    """Touch every cell's value through the public API (lazy decoding may not skip work)."""
    count = 0
    for row in sheet.rows or ():
        for cell in row.cells or ():
            if cell.value is not None:
                count += 1
    return count


def msgspec_decode(body: bytes) -> Any:
    from . import msgspec_sheet

    return msgspec_sheet.decode(body)


def orjson_loads(body: bytes) -> Any:
    import orjson

    return orjson.loads(body)


# The HTTP contenders hand their result out through a list, not as the result of
# ``asyncio.run``: on Python 3.11 the runner's SIGINT bookkeeping formats the main task's repr
# twice at exit, result included, and an attrs repr of 500,000 cells costs seconds.


async def _aiohttp_get(url: str, out: list[Any]) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as session:
        headers = {"Authorization": "Bearer bench", "Accept": "application/json"}
        async with session.get(f"{url}/sheets/{SHEET_ID}", headers=headers) as resp:
            out.append(json.loads(await resp.read()))


def http_floor(url: str) -> Any:
    out: list[Any] = []
    asyncio.run(_aiohttp_get(url, out))
    return out[0]


async def _ours(url: str, out: list[Sheet]) -> None:
    from smartsuite import SmartsheetClient

    async with SmartsheetClient("bench", base_url=url) as ss:
        sheet = await ss.sheets.get(SHEET_ID)
    read_every_cell(sheet)
    out.append(sheet)


def http_ours(url: str) -> Sheet:
    out: list[Sheet] = []
    asyncio.run(_ours(url, out))
    return out[0]


def http_sdk(url: str) -> Any:
    """The official SDK as its docs show it: a client object, ``Sheets.get_sheet``."""
    import smartsheet  # type: ignore[import-untyped]

    client = smartsheet.Smartsheet(access_token="bench", api_base=url, user_agent="bench")
    client.errors_as_exceptions(True)
    return client.Sheets.get_sheet(SHEET_ID)


#: name -> (what the function takes: "body" or "url", the function)
CONTENDERS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    FLOOR: ("body", json.loads),
    "orjson.loads": ("body", orjson_loads),
    MSGSPEC: ("body", msgspec_decode),
    TYPED: ("body", typed_and_read),
    STDLIB: ("body", stdlib_and_read),
    ORJSON_PARSE: ("body", lambda body: read_every_cell(typed_decode_orjson(body))),
    RECORDS: ("body", lambda body: typed_decode(body).to_records()),
    HTTP_FLOOR: ("url", http_floor),
    HTTP_OURS: ("url", http_ours),
    SDK: ("url", http_sdk),
}
OPTIONAL = {"orjson.loads": "orjson", MSGSPEC: "msgspec", SDK: "smartsheet"}
OPTIONAL[ORJSON_PARSE] = "orjson"


def available(name: str) -> bool:
    module = OPTIONAL.get(name)
    if module is None:
        return True
    try:
        __import__(module)
    except ImportError:
        return False
    return True


@attrs.frozen
class Measure:
    wall: float
    rss: int
    peak: int | None


def measure(name: str, body_path: str, url: str, traced: bool) -> Measure:
    """One call of one contender in this (fresh) process: wall, resident growth, and the
    tracemalloc peak of a second call when ``traced``."""
    source, fn = CONTENDERS[name]
    module = OPTIONAL.get(name)
    if module:
        __import__(module)  # import time is not decode time
    arg: Any = Path(body_path).read_bytes() if source == "body" else url
    wall, rss = rss_growth(lambda: fn(arg))
    peak = peak_bytes(lambda: fn(arg)) if traced else None
    return Measure(wall, rss, peak)


def check(body: bytes, rows: int, *, with_sdk: bool) -> None:
    """Every contender must decode the same data; a broken decoder would make fast numbers."""
    raw = sheet_dict(rows, len(json.loads(body)["columns"]))
    titles = {c["id"]: c["title"] for c in raw["columns"]}
    expected = [
        {
            **dict.fromkeys(titles.values()),
            **{titles[c["columnId"]]: c.get("value") for c in r["cells"]},
        }
        for r in raw["rows"]
    ]
    for sheet in (typed_decode(body), typed_decode_stdlib(body), typed_decode_orjson(body)):
        if sheet.to_records() != expected:
            raise RuntimeError("smartsuite decoded different records from the body")
    if available(MSGSPEC):
        from . import msgspec_sheet

        if msgspec_sheet.records(msgspec_sheet.decode(body)) != expected:
            raise RuntimeError("msgspec decoded different records from the body")
    if with_sdk:
        import smartsheet

        sdk_sheet = smartsheet.models.Sheet(json.loads(body))
        if len(sdk_sheet.rows) != rows:
            raise RuntimeError("the official SDK decoded a different number of rows")


@attrs.frozen
class Result:
    name: str
    measures: tuple[Measure, ...]

    @property
    def seconds(self) -> Samples:
        return Samples(tuple(m.wall for m in self.measures))

    @property
    def rss(self) -> Samples:
        return Samples(tuple(float(m.rss) for m in self.measures))

    @property
    def peak(self) -> int:
        return next((m.peak for m in self.measures if m.peak is not None), 0)


def run(
    rows: int,
    columns: int,
    *,
    repeat: int,
    sdk_repeat: int,
    with_sdk: bool,
    check_first: bool = True,
    names: list[str] | None = None,
) -> list[Result]:
    """Measure every contender on one body of ``rows`` x ``columns``, ``repeat`` interleaved
    rounds of fresh processes (the official SDK only in the first ``sdk_repeat``)."""
    body = sheet_body(rows, columns)
    if check_first:
        check(body, rows, with_sdk=with_sdk)
    chosen = [n for n in names or CONTENDERS if available(n) and (with_sdk or n != SDK)]
    measures: dict[str, list[Measure]] = {n: [] for n in chosen}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sheet.json"
        path.write_bytes(body)
        del body
        with BodyServer(path) as server:
            for round_no in range(repeat):
                for name in chosen:
                    if name == SDK and round_no >= sdk_repeat:
                        continue
                    measures[name].append(
                        fresh(measure, name, str(path), server.url, round_no == 0)
                    )
    return [Result(n, tuple(m)) for n, m in measures.items()]


def render(results: list[Result], rows: int, columns: int, body_bytes: int) -> str:
    by_name = {r.name: r for r in results}
    lines = []
    for r in results:
        floor = by_name[HTTP_FLOOR if r.name.startswith("HTTP") else FLOOR]
        ratio = paired_ratios(r.seconds.values, floor.seconds.values)
        lines.append(
            (
                r.name,
                fmt_seconds(r.seconds.median),
                f"{fmt_seconds(r.seconds.min)} - {fmt_seconds(r.seconds.max)}",
                f"{fmt_ratio(ratio.median)} ({fmt_ratio(ratio.min)} - {fmt_ratio(ratio.max)})",
                fmt_bytes(r.rss.median),
                fmt_ratio(r.rss.median / floor.rss.median) if floor.rss.median else "-",
                fmt_bytes(r.peak),
                fmt_ratio(r.peak / floor.peak) if floor.peak else "-",
            )
        )
    rounds = len(by_name[FLOOR].measures) if FLOOR in by_name else 0
    title = (
        f"Decode a GET-sheet body: {rows:,} rows x {columns} columns ({rows * columns:,} cells, "
        f"{body_bytes / 1e6:.1f} MB); {rounds} fresh-process rounds"
    )
    headers = (
        "decoder",
        "median",
        "min - max",
        "time vs floor, per round (min - max)",
        "resident growth",
        "vs floor",
        "tracemalloc peak",
        "vs floor",
    )
    text = table(title, headers, lines)
    notes = ["- floors: json.loads for the in-memory rows, the aiohttp GET for the HTTP rows"]
    typed, floor = by_name.get(TYPED), by_name.get(FLOOR)
    if typed and floor:
        notes.append(
            f"- typed decode: {fmt_ratio(typed.seconds.median / floor.seconds.median)} json.loads"
            f" time, {fmt_ratio(typed.rss.median / max(floor.rss.median, 1))} its resident growth"
            " (target <= 1.0x time, <= 1.2x memory)"
        )
    records = by_name.get(RECORDS)
    if typed and floor and records:
        extra = (records.seconds.median - typed.seconds.median) / floor.seconds.median
        notes.append(f"- to_records() after the decode: {extra:.2f}x json.loads (target <= 0.3x)")
    sdk, ours = by_name.get(SDK), by_name.get(HTTP_OURS)
    if sdk and ours:
        notes.append(
            f"- official SDK / ss.sheets.get: {sdk.seconds.median / ours.seconds.median:.1f}x"
        )
    return text + "\n" + "\n".join(notes) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.decode_sheet", description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000, help="rows in the sheet (20000)")
    parser.add_argument("--columns", type=int, default=25, help="columns in the sheet (25)")
    parser.add_argument("--repeat", type=int, default=5, help="fresh-process rounds (5)")
    parser.add_argument("--sdk-repeat", type=int, default=5, help="rounds with the SDK (5)")
    parser.add_argument("--no-sdk", action="store_true", help="leave out the official SDK")
    parser.add_argument(
        "--only", default="", help="comma-separated parts of the names of the decoders to run"
    )
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    names = [n for n in CONTENDERS if any(p in n for p in parts)] if parts else None
    with_sdk = not args.no_sdk and available(SDK)
    if not args.no_sdk and not with_sdk:
        emit("smartsheet-python-sdk is not installed (pip install 'smartsuite[bench]'); skipped")
    emit(f"machine: {machine()}; {load()} at the start")
    results = run(
        args.rows,
        args.columns,
        repeat=args.repeat,
        sdk_repeat=args.sdk_repeat,
        with_sdk=with_sdk,
        names=names,
    )
    emit(render(results, args.rows, args.columns, len(sheet_body(args.rows, args.columns))))
    emit(f"{load()} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
