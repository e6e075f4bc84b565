"""Benchmark 6: build one 500-row write body (``POST /sheets/{id}/rows``).

The rows are those of :mod:`benchmarks.sheet_body` (25 typed columns: text, numbers, dates,
contacts, picklists, checkboxes, some empty cells), given as dicts keyed by column title and as
:class:`~smartsuite.smartsheet.Row` objects built from them.

* **floor**: a hand-built list of ``{"cells": [{"columnId": ..., "value": ...}]}`` dicts from
  the dicts and a column-id map, then ``json.dumps`` as the client sends it (compact UTF-8).
* **smartsuite from dicts / from Row objects**: what ``rows.add`` does for the batch: the
  up-front check of every row (``RowBodies.check``) and the batch's body (``RowBodies.body``).
* **before**: the same bodies through the path ``rows.add`` took before (each dict becomes a
  ``Row`` through ``RecordEncoder``, each ``Row`` goes through the reference encoder loop
  ``make_model_unstructure_fn``, then ``json.dumps``).

Every body is checked to be byte for byte the floor's before anything is timed. Each contender
runs in a fresh process per round, rounds interleaved; a round's figure is the fastest of
``--calls`` builds in that process (the build least disturbed by other work on a shared machine;
``--median`` takes the median instead).

Run: ``python -m benchmarks.write_body`` (``--help`` for sizes).
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections.abc import Callable
from typing import Any

from smartsuite._core.serde import make_converter
from smartsuite.smartsheet.models.sheets import Column, Row
from smartsuite.smartsheet.records import RecordEncoder
from smartsuite.smartsheet.resources._row_writes import check_cells
from smartsuite.smartsheet.row_encode import RowBodies

from ._harness import emit, fresh, interleave, load, machine, ratio_table, time_calls
from .sheet_body import columns, iter_rows

FLOOR = "hand-built dicts + json.dumps (floor)"
DICTS = "smartsuite from dicts"
ROWS = "smartsuite from Row objects"
OLD_DICTS = "before: dicts -> Row -> reference encoder"
OLD_ROWS = "before: Row objects -> reference encoder"
CONTENDERS = (FLOOR, DICTS, ROWS, OLD_DICTS, OLD_ROWS)


def dumps(value: Any) -> bytes:
    """What the client sends (``smartsuite._core.sansio.dumps``)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def inputs(rows: int, column_count: int) -> tuple[list[Column], list[dict[str, Any]]]:
    """The sheet's columns and ``rows`` dicts keyed by column title (empty cells left out)."""
    from smartsuite.smartsheet._converter import CONVERTER

    raw = columns(column_count)
    titles = {c["id"]: c["title"] for c in raw}
    records = [
        {titles[c["columnId"]]: c["value"] for c in row["cells"] if "value" in c}
        for row in iter_rows(rows, column_count)
    ]
    return [CONVERTER.structure(c, Column) for c in raw], records


def builders(rows: int, column_count: int) -> dict[str, Callable[[], bytes]]:
    from smartsuite.smartsheet._converter import CONVERTER

    cols, records = inputs(rows, column_count)
    ids = {c.title: c.id for c in cols}
    row_objects = [RecordEncoder(cols).row(r) for r in records]
    reference = make_converter(camel_case=True, reference_encoders=True)

    def floor() -> bytes:
        body = [
            {"cells": [{"columnId": ids[k], "value": v} for k, v in r.items()]} for r in records
        ]
        return dumps(body)

    def from_dicts() -> bytes:
        bodies = RowBodies(cols, CONVERTER)
        bodies.check(records)
        return bodies.body(records).data

    def from_rows() -> bytes:
        bodies = RowBodies((), CONVERTER)
        bodies.check(row_objects)
        return bodies.body(row_objects).data

    def old(items: list[Any]) -> bytes:
        encoder = RecordEncoder(cols)
        out = []
        for index, item in enumerate(items):
            row = item if isinstance(item, Row) else encoder.row(item)
            wire = reference.unstructure(row)
            check_cells(index, wire)
            out.append(wire)
        return dumps(out)

    return {
        FLOOR: floor,
        DICTS: from_dicts,
        ROWS: from_rows,
        OLD_DICTS: lambda: old(records),
        OLD_ROWS: lambda: old(row_objects),
    }


def check(rows: int, column_count: int) -> None:
    """Every contender builds the floor's bytes exactly."""
    made = {name: build() for name, build in builders(rows, column_count).items()}
    floor = made[FLOOR]
    for name, body in made.items():
        if body != floor:
            raise RuntimeError(f"{name} built a different body than the floor")


def measure(name: str, rows: int, column_count: int, calls: int, median: bool) -> float:
    """The fastest (or median) of ``calls`` builds of one body (run in a fresh process)."""
    build = builders(rows, column_count)[name]
    build()  # warm: generated encoders and caches, as in a client that has sent one batch
    times = time_calls(build, calls).values
    return statistics.median(times) if median else min(times)


def run(
    rows: int, column_count: int, *, rounds: int, calls: int, median: bool = False
) -> dict[str, list[float]]:
    def contender(name: str) -> Callable[[int], float]:
        return lambda _round: fresh(measure, name, rows, column_count, calls, median)

    return interleave([(n, contender(n)) for n in CONTENDERS], rounds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.write_body", description=__doc__)
    parser.add_argument("--rows", type=int, default=500, help="rows in the body (500)")
    parser.add_argument("--columns", type=int, default=25, help="columns (25)")
    parser.add_argument("--repeat", type=int, default=5, help="fresh-process rounds (5)")
    parser.add_argument("--calls", type=int, default=30, help="builds per process (30)")
    parser.add_argument("--median", action="store_true", help="median of the builds, not min")
    args = parser.parse_args(argv)
    emit(f"machine: {machine()}; {load()} at the start")
    check(args.rows, args.columns)
    results = run(args.rows, args.columns, rounds=args.repeat, calls=args.calls, median=args.median)
    title = (
        f"One {args.rows}-row write body, {args.columns} columns; {args.repeat} fresh-process "
        f"rounds, {'median' if args.median else 'fastest'} of {args.calls} builds each"
    )
    emit(ratio_table(title, FLOOR, results))
    emit(f"{load()} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
