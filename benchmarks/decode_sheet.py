"""Benchmark 1: decode a large ``GET /sheets/{id}`` body.

Compares, on the same 20,000 x 25 body (500,000 cells): ``json.loads`` alone (the floor),
smartsuite's typed decode (what ``ss.sheets.get`` does after the body arrives: parse, then
structure into :class:`~smartsuite.smartsheet.Sheet`), the same with orjson forced as the parser,
and the official ``smartsheet-python-sdk`` building its models from the parsed body (its
``Sheet(props)`` constructor, which is what its client calls after ``resp.json()``).

Run: ``python -m benchmarks.decode_sheet`` (``--help`` for sizes and repetitions).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from smartsuite._core import sansio
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
    machine,
    peak_bytes,
    table,
    time_calls,
)
from .sheet_body import sheet_body, sheet_dict

FLOOR = "json.loads (floor)"
TYPED = "smartsuite typed Sheet"
SDK = "official SDK models.Sheet"


@attrs.frozen
class Result:
    name: str
    seconds: Samples
    peak: int


@contextlib.contextmanager
def orjson_for_every_size() -> Iterator[None]:
    """Make smartsuite parse with orjson whatever the body size (normally only small ones)."""
    saved = sansio.LARGE_BODY_BYTES
    sansio.LARGE_BODY_BYTES = sys.maxsize
    try:
        yield
    finally:
        sansio.LARGE_BODY_BYTES = saved


def typed_decode(body: bytes) -> Sheet:
    """Exactly what ``ss.sheets.get`` does with the body it received."""
    response = Response(200, {}, body, "GET", "/sheets/1")
    return structure(CONVERTER, response.json(), Sheet)


def typed_decode_orjson(body: bytes) -> Sheet:
    with orjson_for_every_size():
        return typed_decode(body)


def sdk_decode(body: bytes) -> Any:
    """The official SDK: ``resp.json()`` (the stdlib parser, via requests), then its models."""
    import smartsheet  # type: ignore[import-untyped]

    return smartsheet.models.Sheet(json.loads(body))


def decoders(*, with_sdk: bool) -> list[tuple[str, Callable[[bytes], Any]]]:
    """(name, function of the body) for each contender, the floor first."""
    out: list[tuple[str, Callable[[bytes], Any]]] = [(FLOOR, json.loads)]
    try:
        import orjson
    except ImportError:  # the speed extra is not installed
        pass
    else:
        out.append(("orjson.loads", orjson.loads))
        out.append((TYPED + " (orjson parse)", typed_decode_orjson))
    out.append((TYPED, typed_decode))
    out.append((TYPED + " + to_records()", lambda body: typed_decode(body).to_records()))
    if with_sdk:
        out.append((SDK, sdk_decode))
    return out


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
    for sheet in (typed_decode(body), typed_decode_orjson(body)):
        if sheet.to_records() != expected:
            raise RuntimeError("smartsuite decoded different records from the body")
    if with_sdk:
        sdk_sheet = sdk_decode(body)
        if len(sdk_sheet.rows) != rows:
            raise RuntimeError("the official SDK decoded a different number of rows")


def run(
    rows: int,
    columns: int,
    *,
    repeat: int,
    sdk_repeat: int,
    with_sdk: bool,
    check_first: bool = True,
) -> list[Result]:
    """Time and measure every decoder on one body of ``rows`` x ``columns``.

    Rounds are interleaved (each round times every decoder once), so a change in machine load
    during the run affects all of them alike. The official SDK runs only in the first
    ``sdk_repeat`` rounds.
    """
    body = sheet_body(rows, columns)
    if check_first:
        check(body, rows, with_sdk=with_sdk)
    contenders = decoders(with_sdk=with_sdk)
    times: dict[str, list[float]] = {name: [] for name, _ in contenders}
    for round_no in range(repeat):
        for name, fn in contenders:
            if name == SDK and round_no >= sdk_repeat:
                continue
            times[name].extend(time_calls(lambda fn=fn: fn(body), 1).values)  # type: ignore[misc]
    return [
        Result(name, Samples(tuple(times[name])), peak_bytes(lambda fn=fn: fn(body)))  # type: ignore[misc]
        for name, fn in contenders
    ]


def render(results: list[Result], rows: int, columns: int, body_bytes: int) -> str:
    floor = next(r for r in results if r.name == FLOOR)
    lines = [
        (
            r.name,
            fmt_seconds(r.seconds.median),
            fmt_seconds(r.seconds.min),
            fmt_seconds(r.seconds.max),
            fmt_ratio(r.seconds.median / floor.seconds.median),
            fmt_bytes(r.peak),
            fmt_ratio(r.peak / floor.peak),
        )
        for r in results
    ]
    title = (
        f"Decode a GET-sheet body: {rows:,} rows x {columns} columns "
        f"({rows * columns:,} cells, {body_bytes / 1e6:.1f} MB); {len(floor.seconds.values)} runs"
    )
    headers = ("decoder", "median", "min", "max", "time vs floor", "peak memory", "memory vs floor")
    text = table(title, headers, lines)
    typed = next(r for r in results if r.name == TYPED)
    notes = [
        f"- typed decode time: {fmt_ratio(typed.seconds.median / floor.seconds.median)} "
        "json.loads (target <= 2x)",
        f"- typed decode peak memory: {fmt_ratio(typed.peak / floor.peak)} json.loads "
        "(target <= 1.5x)",
    ]
    sdk = next((r for r in results if r.name == SDK), None)
    if sdk is not None:
        notes.append(
            f"- official SDK / typed decode: {sdk.seconds.median / typed.seconds.median:.1f}x "
            "slower (target >= 20x)"
        )
    return text + "\n" + "\n".join(notes) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.decode_sheet", description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000, help="rows in the sheet (20000)")
    parser.add_argument("--columns", type=int, default=25, help="columns in the sheet (25)")
    parser.add_argument("--repeat", type=int, default=7, help="runs per decoder (7)")
    parser.add_argument("--sdk-repeat", type=int, default=3, help="runs of the official SDK (3)")
    parser.add_argument("--no-sdk", action="store_true", help="leave out the official SDK")
    args = parser.parse_args(argv)
    with_sdk = not args.no_sdk
    if with_sdk:
        try:
            import smartsheet  # noqa: F401
        except ImportError:
            emit(
                "smartsheet-python-sdk is not installed (pip install 'smartsuite[bench]'); skipped"
            )
            with_sdk = False
    emit(f"machine: {machine()}")
    results = run(
        args.rows, args.columns, repeat=args.repeat, sdk_repeat=args.sdk_repeat, with_sdk=with_sdk
    )
    emit(render(results, args.rows, args.columns, len(sheet_body(args.rows, args.columns))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
