"""Benchmark 1b: decode one Resource Management list page (``GET /api/v1/time_entries``) and
one report answer (``POST /api/v1/reports/rows``).

A page of ``per_page`` time entries shaped as the API documents them
(https://10kft.github.io/10kft-api/#time-entries: ids, ``date``, ``hours``, ``task``,
``notes``, ``bill_rate``, timestamps) with its ``paging`` block. Each contender decodes it many
times in a fresh process (rounds interleaved); the per-process median is one sample.

Contenders: ``json.loads`` (the floor), ``orjson.loads``, smartsuite's typed decode (what the
transport and a paginator do with a page once it has arrived: check it is JSON, then the RM
resources' ``_page``, which reads ``data`` into
:class:`~smartsuite.resource_management.TimeEntry` objects straight from the bytes when msgspec
is installed), and the path without the bytes decoder (parse, then the converter).

The report answer is ``{params, dates, rows}`` as the reports API returns it (seed 002,
"Reports API"; the emulator's ``smartsuite/emulator/resource_management/reports.py`` builds the
same shape): ``rows`` rows grouped by project and person, each with both ids, both names and the
ten columns of the ``time_fees_hours_and_amounts`` view. Its contenders are ``json.loads`` of the
same bytes, smartsuite's typed answer (the transport's check, then what ``rm.reports.rows``
does with the answer: the RM resources' ``_one``, which reads a
:class:`~smartsuite.resource_management.Report` straight from the bytes when msgspec is
installed) and the same path without the bytes decoder (the check, the parse, the converter:
what the client did before report answers had one).

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
from smartsuite.emulator.resource_management.reports import VIEWS
from smartsuite.resource_management._converter import CONVERTER
from smartsuite.resource_management._resource import RMResource
from smartsuite.resource_management.models.common import Paging
from smartsuite.resource_management.models.reports import Report
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
REPORT_FLOOR = "report: json.loads (floor)"
REPORT_TYPED = "report: smartsuite typed answer (check + `_one`: a Report)"
REPORT_REFERENCE = "report: without the bytes decoder (check + parse + converter)"
REPORT_VIEW = "time_fees_hours_and_amounts"


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


def report_body(rows: int = 1000, *, seed: int = 5) -> bytes:
    """A ``POST /reports/rows`` answer of ``rows`` rows, grouped by project then person."""
    rng = random.Random(seed)
    people = max(1, rows // 40)
    out = []
    for n in range(rows):
        project, user = 4_000 + n // people, 200 + n % people
        row: dict[str, Any] = {
            "project_id": project,
            "user_id": user,
            "user_name": f"Person {user}",
            "project_name": f"Project {project}: {rng.choice(['build', 'audit', 'rollout'])}",
        }
        for column in VIEWS[REPORT_VIEW]:
            row[column] = round(rng.uniform(-40, 400), 4) if rng.random() > 0.2 else 0.0
        out.append(row)
    params = {
        "view": REPORT_VIEW,
        "time_frame": {"from": "2024-01-01", "to": "2024-12-31"},
        "group_by": ["project_id", "user_id"],
        "filters": None,
        "today": "2024-07-01",
        "calc_incurred_using": "confirmed-unconfirmed",
    }
    dates = {"today": "2024-07-01", "range": {"from": "2024-01-01", "to": "2024-12-31"}}
    answer = {"params": params, "dates": dates, "rows": out}
    return json.dumps(answer, separators=(",", ":")).encode()


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


def typed_report(body: bytes) -> Report:
    """What the transport and ``rm.reports.rows`` do with an arrived answer: check it is
    JSON, then the RM resources' ``_one`` (straight from the bytes when msgspec is installed,
    else the parse and the converter)."""
    response = Response(200, {}, body, "POST", "/api/v1/reports/rows")
    response.check_json()
    return RMResource._one(_RESOURCE, response, Report, "POST /api/v1/reports/rows")  # type: ignore[arg-type]


def reference_report(body: bytes) -> Report:
    """The client's path without the bytes decoder (as before reports had one): the check,
    then ``_one`` on the parsed body (parse and the converter)."""
    response = Response(200, {}, body, "POST", "/api/v1/reports/rows")
    response.check_json()
    response.json()
    return RMResource._one(_RESOURCE, response, Report, "POST /api/v1/reports/rows")  # type: ignore[arg-type]


#: Only what ``_page`` and ``_one`` read of their resource.
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
REPORT_CONTENDERS: dict[str, Callable[[bytes], Any]] = {
    REPORT_FLOOR: json.loads,
    REPORT_TYPED: typed_report,
    REPORT_REFERENCE: reference_report,
}
if importlib.util.find_spec("orjson") is None:  # the speed extra is not installed
    del CONTENDERS["orjson.loads"]


def measure(name: str, size: int, calls: int) -> float:
    """The median of ``calls`` decodes of one body by ``name``, in this (fresh) process: a
    page of ``size`` entries, or a report of ``size`` rows."""
    if name in REPORT_CONTENDERS:
        body, fn = report_body(size), REPORT_CONTENDERS[name]
    else:
        body, fn = page_body(size), CONTENDERS[name]
    fn(body)  # imports and hook compilation are not decode time
    return time_calls(lambda: fn(body), calls).median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.decode_rm", description=__doc__)
    parser.add_argument("--per-page", type=int, default=1000, help="entries per page (1000)")
    parser.add_argument("--rows", type=int, default=1000, help="report rows (1000)")
    parser.add_argument("--calls", type=int, default=30, help="decodes per process (30)")
    parser.add_argument("--repeat", type=int, default=5, help="fresh-process rounds (5)")
    args = parser.parse_args(argv)
    emit(f"machine: {machine()}; {load()} at the start")
    sizes = {
        **dict.fromkeys(CONTENDERS, args.per_page),
        **dict.fromkeys(REPORT_CONTENDERS, args.rows),
    }
    samples: dict[str, list[float]] = {n: [] for n in sizes}
    for _ in range(args.repeat):
        for name, size in sizes.items():
            samples[name].append(fresh(measure, name, size, args.calls))
    headers = ("decoder", "median", "min - max", "time vs floor, per round (min - max)")
    page_size = len(page_body(args.per_page)) / 1e3
    title = (
        f"Decode one RM time-entries page: {args.per_page} entries ({page_size:.0f} kB); "
        f"{args.repeat} fresh-process rounds of {args.calls} decodes"
    )
    lines = _lines({n: samples[n] for n in CONTENDERS}, samples[FLOOR])
    emit(table(title, headers, lines) + "\n- target: typed page <= 1.2x json.loads\n")
    report_size = len(report_body(args.rows)) / 1e3
    title = (
        f"Decode one RM report answer: {args.rows} rows ({report_size:.0f} kB); "
        f"{args.repeat} fresh-process rounds of {args.calls} decodes"
    )
    lines = _lines({n: samples[n] for n in REPORT_CONTENDERS}, samples[REPORT_FLOOR])
    emit(table(title, headers, lines) + "\n- target: typed report <= 1.2x json.loads\n")
    emit(f"{load()} at the end")
    return 0


def _lines(samples: dict[str, list[float]], floor: list[float]) -> list[tuple[str, ...]]:
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
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
