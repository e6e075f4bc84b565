"""Benchmark 1b: decode one Resource Management list page (``GET /api/v1/time_entries``).

A page of ``per_page`` time entries shaped as the API documents them
(https://10kft.github.io/10kft-api/#time-entries: ids, ``date``, ``hours``, ``task``,
``notes``, ``bill_rate``, timestamps) with its ``paging`` block. Each contender decodes it many
times in a fresh process (rounds interleaved); the per-process median is one sample.

Contenders: ``json.loads`` (the floor), ``orjson.loads``, smartsuite's typed decode (what the
transport and a paginator do with a page once it has arrived: check it is JSON, then the RM
resources' ``_page``, which reads ``data`` into
:class:`~smartsuite.resource_management.TimeEntry` objects straight from the bytes when msgspec
is installed), and the path without the bytes decoder (parse, then the converter).

Run: ``python -m benchmarks.decode_rm`` (``--help`` for sizes).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from smartsuite._core.paging import Page
from smartsuite._core.response import Response
from smartsuite._core.serde import structure
from smartsuite.resource_management._converter import CONVERTER
from smartsuite.resource_management._resource import RMResource
from smartsuite.resource_management.models.common import Paging
from smartsuite.resource_management.models.time import TimeEntry

from ._harness import (
    Samples,
    emit,
    fmt_ratio,
    fmt_seconds,
    fresh,
    load,
    machine,
    paired_ratios,
    table,
    time_calls,
)

FLOOR = "json.loads (floor)"
TYPED = "smartsuite typed page (parse + TimeEntry objects)"
REFERENCE = "reference path (parse + converter)"


def page_body(per_page: int = 1000, *, seed: int = 3) -> bytes:
    rng = random.Random(seed)
    entries = []
    for n in range(per_page):
        day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
        stamp = f"{day}T{n % 24:02d}:{n % 60:02d}:00Z"
        entries.append(
            {
                "id": 90_000_000 + n,
                "assignable_id": 1_000 + rng.randrange(500),
                "assignable_type": "Project",
                "user_id": 200 + rng.randrange(80),
                "date": day,
                "hours": round(rng.uniform(0.25, 9), 2),
                "is_suggestion": False,
                "scheduled_hours": None,
                "task": rng.choice([None, "Design", "Build", "Review"]),
                "notes": rng.choice(["", "client call", "sprint work on the importer"]),
                "bill_rate": round(rng.uniform(50, 200), 2),
                "bill_rate_id": 7_000 + rng.randrange(30),
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    paging = {
        "per_page": per_page,
        "page": 1,
        "previous": None,
        "self": f"/api/v1/time_entries?page=1&per_page={per_page}",
        "next": f"/api/v1/time_entries?page=2&per_page={per_page}",
    }
    return json.dumps({"data": entries, "paging": paging}, separators=(",", ":")).encode()


def typed_page(body: bytes) -> Page[TimeEntry]:
    """What the transport and the paginator do with an arrived page: check it is JSON, then
    the RM resources' ``_page`` (straight from the bytes when msgspec is installed, else the
    parse the check kept and the converter)."""
    response = Response(200, {}, body, "GET", "/api/v1/time_entries")
    response.check_json()
    return RMResource._page(_RESOURCE, response, TimeEntry)  # type: ignore[arg-type]


def reference_page(body: bytes) -> tuple[list[TimeEntry], Paging]:
    """The path without the bytes decoder: parse and the converter."""
    data = Response(200, {}, body, "GET", "/api/v1/time_entries").json()
    items = structure(CONVERTER, data["data"], list[TimeEntry])
    return items, structure(CONVERTER, data["paging"], Paging)


#: Only what ``_page`` reads of its resource.
_RESOURCE = SimpleNamespace(
    _converter=CONVERTER, _decode=lambda data, cls: structure(CONVERTER, data, cls)
)


def orjson_loads(body: bytes) -> Any:
    import orjson

    return orjson.loads(body)


CONTENDERS: dict[str, Callable[[bytes], Any]] = {
    FLOOR: json.loads,
    "orjson.loads": orjson_loads,
    TYPED: typed_page,
    REFERENCE: reference_page,
}
if importlib.util.find_spec("orjson") is None:  # the speed extra is not installed
    del CONTENDERS["orjson.loads"]


def measure(name: str, per_page: int, calls: int) -> float:
    """The median of ``calls`` decodes of one page by ``name``, in this (fresh) process."""
    body = page_body(per_page)
    fn = CONTENDERS[name]
    fn(body)  # imports and hook compilation are not decode time
    return time_calls(lambda: fn(body), calls).median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.decode_rm", description=__doc__)
    parser.add_argument("--per-page", type=int, default=1000, help="entries per page (1000)")
    parser.add_argument("--calls", type=int, default=30, help="decodes per process (30)")
    parser.add_argument("--repeat", type=int, default=5, help="fresh-process rounds (5)")
    args = parser.parse_args(argv)
    emit(f"machine: {machine()}; {load()} at the start")
    samples: dict[str, list[float]] = {n: [] for n in CONTENDERS}
    for _ in range(args.repeat):
        for name in CONTENDERS:
            samples[name].append(fresh(measure, name, args.per_page, args.calls))
    floor = samples[FLOOR]
    lines = []
    for name, values in samples.items():
        s, ratio = Samples(tuple(values)), paired_ratios(values, floor)
        lines.append(
            (
                name,
                fmt_seconds(s.median),
                f"{fmt_seconds(s.min)} - {fmt_seconds(s.max)}",
                f"{fmt_ratio(ratio.median)} ({fmt_ratio(ratio.min)} - {fmt_ratio(ratio.max)})",
            )
        )
    size = len(page_body(args.per_page))
    title = (
        f"Decode one RM time-entries page: {args.per_page} entries ({size / 1e3:.0f} kB); "
        f"{args.repeat} fresh-process rounds of {args.calls} decodes"
    )
    headers = ("decoder", "median", "min - max", "time vs floor, per round (min - max)")
    emit(table(title, headers, lines) + "\n- target: typed page <= 1.2x json.loads\n")
    emit(f"{load()} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
