"""Resource Management ``{data, paging}`` pages decoded straight from bytes
(``_core/bytes_pages.decode_page``, used by the RM resources' ``_page``) against the reference
path (``json.loads`` and the converter): on arbitrary pages of every model with a generated
decoder the same items (types, values, ``extra``, ``decode_issues``), paging and link, or the
same error, lenient and strict; and over HTTP through ``rm.time_entries.list()``. Report
answers (``_core/bytes_decode.decode_bytes``, used by the RM resources' ``_one``) likewise, and
over HTTP through ``rm.reports.rows()``."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import AsyncIterator, Iterator
from types import SimpleNamespace
from typing import Any

import pytest
import pytest_asyncio
from hypothesis import given, settings
from hypothesis import strategies as st

from smartsuite._core import bytes_decode, bytes_pages, sansio, serde
from smartsuite._core.config import RateLimitConfig
from smartsuite._core.errors import DecodeError
from smartsuite._core.paging import Page
from smartsuite._core.response import Response
from smartsuite.emulator import Emulator
from smartsuite.resource_management import Report, ReportTotals, ResourceManagementClient, TimeEntry
from smartsuite.resource_management import _resource as rm_resource
from smartsuite.resource_management._converter import CONVERTER
from smartsuite.resource_management._resource import RMResource

from .test_fast_decoders import PROPERTY, json_values, scalars, snapshot
from .test_rm_fast_decoders import FAST, good_entry, objects

pytestmark = pytest.mark.skipif(not bytes_decode.available(), reason="msgspec is not installed")

#: Timestamps and dates where msgspec and the hooks part ways (lowercase ``t``/``z``, digits
#: past the microsecond, a year out of range once at UTC, naive, ISO week dates, milliseconds).
ODD_STAMPS = [
    "2024-05-01t10:00:00z",
    "2024-05-01T10:00:00.9999995Z",
    "2024-05-01T10:00:00.1234567+02:00",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-01:00",
    "2024-05-01T10:00:00",
    "2024-05-01 10:00:00Z",
    "2024-W01-1",
    "2024-05-01",
    "20240501",
    1714557600000,
]
RESOURCE = SimpleNamespace(
    _converter=CONVERTER, _decode=lambda data, cls: serde.structure(CONVERTER, data, cls)
)


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        yield emulator


@pytest_asyncio.fixture
async def rm(emu: Emulator) -> AsyncIterator[ResourceManagementClient]:
    fast = RateLimitConfig(rate=100_000, per=1, burst=1_000, slow_down_remaining=1)
    async with ResourceManagementClient(
        emu.rm_token, base_url=emu.rm_url, rate_limit=fast
    ) as client:
        yield client


def page_of(response: Response, cls: type) -> Page[Any]:
    return RMResource._page(RESOURCE, response, cls)  # type: ignore[arg-type]


@contextlib.contextmanager
def std_json() -> Iterator[None]:
    """Parse with ``json`` whatever the size: the reference path (orjson, which parses small
    bodies, reads an integer below -2**63 as a float, and refuses some others past 64 bits)."""
    saved = sansio._loads
    sansio._loads = sansio._std_loads
    try:
        yield
    finally:
        sansio._loads = saved


def outcome(body: bytes, cls: type, strict: bool, *, reference: bool) -> Any:
    response = Response(200, {}, body, "GET", "/api/v1/things")
    try:
        with serde.strict_decoding(strict), std_json():
            if reference:  # parsed already: the reference path
                response.json()
            page = page_of(response, cls)
        return ("ok", snapshot(page.items), page.next_cursor, page.page_number)
    except DecodeError as exc:
        return ("error", str(exc))


def pages(items: st.SearchStrategy[Any]) -> st.SearchStrategy[bytes]:
    paging = st.fixed_dictionaries(
        {}, optional={"page": st.integers(1, 9) | scalars, "next": st.just("/api/v1/x?page=2")}
    )
    envelope = st.fixed_dictionaries(
        {"data": st.lists(items, max_size=4)},
        optional={"paging": paging | json_values, "other": json_values},
    )
    return (envelope | json_values).map(lambda v: json.dumps(v).encode())


def odd(entry: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    return {**entry, key: value}


odd_entries = st.builds(
    odd,
    good_entry,
    st.sampled_from(["date", "created_at", "updated_at", "hours", "id"]),
    st.sampled_from(ODD_STAMPS) | json_values,
)


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("cls", FAST, ids=lambda c: c.__name__)
@settings(PROPERTY, max_examples=30)
@given(data=st.data())
def test_bytes_pages_agree_with_reference(cls: type, strict: bool, data: Any) -> None:
    body = data.draw(pages(objects(cls) | json_values))
    fast = outcome(body, cls, strict, reference=False)
    assert fast == outcome(body, cls, strict, reference=True)


@pytest.mark.parametrize("strict", [False, True])
@PROPERTY
@given(body=pages(good_entry | odd_entries))
def test_time_entry_pages_agree_with_reference(body: bytes, strict: bool) -> None:
    fast = outcome(body, TimeEntry, strict, reference=False)
    assert fast == outcome(body, TimeEntry, strict, reference=True)


def test_well_formed_pages_take_the_bytes_path() -> None:
    entries = [
        {"id": 1, "date": "2024-05-01", "created_at": "2024-05-01T10:00:00+02:00", "hours": 2}
    ]
    body = json.dumps({"data": entries, "paging": {"page": 1}}).encode()
    found = bytes_pages.decode_page(CONVERTER, Response(200, {}, body, "GET", "/x"), TimeEntry)
    assert found is not None
    items, paging = found
    assert items[0].created_at == dt.datetime(2024, 5, 1, 8, tzinfo=dt.UTC)
    assert items[0].date == dt.date(2024, 5, 1) and paging == {"page": 1}
    # A missing required id, an unknown key: the reference path decides.
    for misfit in ({"date": "2024-05-01"}, {"id": 1, "surprise": True}):
        body = json.dumps({"data": [misfit]}).encode()
        response = Response(200, {}, body, "GET", "/x")
        assert bytes_pages.decode_page(CONVERTER, response, TimeEntry) is None


async def test_time_entries_list_over_http_matches_reference(
    emu: Emulator, rm: ResourceManagementClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await rm.users.create(first_name="Bulk", last_name="Loader")
    project = await rm.projects.create(name="Big")
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=i) for i in range(1500)]
    records = emu.rm.state.add_time_entries(user.id, project.id, days, hours=1.5)
    records[3]["surprise"] = {"kept": True}  # -> extra, on the reference path
    records[1200]["created_at"] = "2024-05-01t10:00:00z"  # -> decode_issues, ditto
    seen: list[tuple[bytes, Any]] = []
    real = rm_resource.decode_page

    def spy(conv: Any, response: Response, cls: Any) -> Any:
        found = real(conv, response, cls)
        seen.append((response.body, found))
        return found

    monkeypatch.setattr(rm_resource, "decode_page", spy)
    entries = [e async for e in rm.time_entries.list()]
    assert len(entries) == 1500 and len(seen) == 2
    assert [found is None for _, found in seen] == [True, True]  # both pages hold a misfit
    del records[3]["surprise"], records[1200]["created_at"]
    seen.clear()
    again = [e async for e in rm.time_entries.list()]
    assert [found is None for _, found in seen] == [False, False]
    assert [e.id for e in again] == [e.id for e in entries]
    got = []
    for body, _ in seen:
        reference = serde.structure(CONVERTER, json.loads(body)["data"], list[TimeEntry])
        got.extend(reference)
    assert snapshot(again) == snapshot(got)
    assert entries[3].extra == {"surprise": {"kept": True}}
    assert [i.field for i in entries[1200].decode_issues] == ["created_at"]


# -- report answers ({params, dates, rows} / {params, dates, totals}) -------------------------

REPORT_COLUMNS = ["project_id", "user_id", "user_name", "date", "incurred_hours", "utilization"]


@contextlib.contextmanager
def any_size() -> Iterator[None]:
    """Let bodies of every size take the bytes path (only those above 64 kB do)."""
    saved = bytes_decode.CHECK_ONLY_BYTES
    bytes_decode.CHECK_ONLY_BYTES = 0
    try:
        yield
    finally:
        bytes_decode.CHECK_ONLY_BYTES = saved


def answer_of(body: bytes, cls: type, strict: bool, *, reference: bool) -> Any:
    response = Response(200, {}, body, "POST", "/api/v1/reports/rows")
    try:
        with serde.strict_decoding(strict), std_json(), any_size():
            if reference:  # parsed already: the reference path
                response.json()
            report = RMResource._one(RESOURCE, response, cls, "POST /api/v1/reports/rows")  # type: ignore[arg-type]
        return ("ok", snapshot(report))
    except DecodeError as exc:
        return ("error", str(exc))


report_values = json_values | st.floats(allow_nan=False) | st.integers(-(2**70), 2**70)
report_rows = st.dictionaries(st.sampled_from(REPORT_COLUMNS) | st.text(max_size=4), report_values)
report_dates = st.fixed_dictionaries(
    {},
    optional={
        "today": st.sampled_from(ODD_STAMPS) | json_values,
        "range": st.fixed_dictionaries(
            {}, optional={"from": st.sampled_from(ODD_STAMPS), "to": st.sampled_from(ODD_STAMPS)}
        )
        | json_values,
        "surprise": json_values,
    },
)


def report_bodies(key: str) -> st.SearchStrategy[bytes]:
    rows = st.lists(report_rows | json_values, max_size=5) | st.lists(report_rows, max_size=5)
    content = rows if key == "rows" else report_rows
    answer = st.fixed_dictionaries(
        {},
        optional={
            "params": st.dictionaries(st.text(max_size=5), json_values) | json_values,
            "dates": report_dates | json_values,
            key: content | json_values,
            "other": json_values,
            "data": st.lists(st.fixed_dictionaries({key: content}), max_size=2) | json_values,
        },
    )
    day = st.sampled_from(["2024-01-01", "2024-02-29"]) | st.sampled_from(ODD_STAMPS)
    dates = st.fixed_dictionaries(
        {}, optional={"today": day, "range": st.fixed_dictionaries({"from": day, "to": day})}
    )
    well_typed = st.fixed_dictionaries(  # mostly decoded straight from the bytes
        {key: content},
        optional={"params": st.dictionaries(st.text(max_size=5), json_values), "dates": dates},
    )
    return st.one_of(well_typed, well_typed, answer, json_values).map(
        lambda v: json.dumps(v).encode()
    )


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(("cls", "key"), [(Report, "rows"), (ReportTotals, "totals")])
@PROPERTY
@given(data=st.data())
def test_report_answers_agree_with_reference(cls: type, key: str, strict: bool, data: Any) -> None:
    body = data.draw(report_bodies(key))
    fast = answer_of(body, cls, strict, reference=False)
    assert fast == answer_of(body, cls, strict, reference=True)


def report_answer(rows: int) -> dict[str, Any]:
    return {
        "params": {"view": "time_fees_hours", "group_by": ["date"], "filters": None},
        "dates": {"today": "2024-07-01", "range": {"from": "2024-01-01", "to": "2024-12-31"}},
        "rows": [
            {"date": f"2024-01-{1 + n % 28:02d}", "incurred_hours": n / 4} for n in range(rows)
        ],
    }


def test_large_report_answers_take_the_bytes_path() -> None:
    body = json.dumps(report_answer(2000)).encode()
    assert len(body) > bytes_decode.CHECK_ONLY_BYTES
    found = bytes_decode.decode_bytes(CONVERTER, Response(200, {}, body, "POST", "/x"), Report)
    assert isinstance(found, Report) and len(found.rows) == 2000
    assert found.dates is not None and found.dates.range is not None
    assert (
        found.dates.range.from_ == dt.date(2024, 1, 1) and found.rows[3]["incurred_hours"] == 0.75
    )
    assert snapshot(found) == snapshot(serde.structure(CONVERTER, json.loads(body), Report))
    # Small bodies, parsed ones, an unknown key or a data envelope: the reference path decides.
    small = json.dumps(report_answer(3)).encode()
    parsed = Response(200, {}, body, "POST", "/x")
    parsed.json()
    misfits = [
        Response(200, {}, small, "POST", "/x"),
        parsed,
        Response(200, {}, json.dumps({**report_answer(2000), "x": 1}).encode(), "POST", "/x"),
        Response(200, {}, json.dumps({"data": [report_answer(2000)]}).encode(), "POST", "/x"),
    ]
    for response in misfits:
        assert bytes_decode.decode_bytes(CONVERTER, response, Report) is None


async def test_report_rows_over_http_match_reference(
    emu: Emulator, rm: ResourceManagementClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await rm.users.create(first_name="Report", last_name="Reader")
    project = await rm.projects.create(name="Long")
    start = dt.date(2020, 1, 1)
    days = [start + dt.timedelta(days=i) for i in range(1200)]
    emu.rm.state.add_time_entries(user.id, project.id, days, hours=2.5)
    seen: list[tuple[bytes, Any]] = []
    real = rm_resource.decode_bytes

    def spy(conv: Any, response: Response, cls: Any) -> Any:
        found = real(conv, response, cls)
        seen.append((response.body, found))
        return found

    monkeypatch.setattr(rm_resource, "decode_bytes", spy)
    report = await rm.reports.rows(
        time_frame=(start, days[-1]),
        group_by=["date", "project_id"],
        view="time_fees_hours_and_amounts",
        today=days[-1],
    )
    assert len(seen) == 1 and seen[0][1] is report  # decoded straight from the bytes
    body = seen[0][0]
    assert len(body) > bytes_decode.CHECK_ONLY_BYTES and len(report.rows) == 1200
    assert report.rows[0]["date"] == "2020-01-01" and report.rows[0]["incurred_hours"] == 2.5
    assert report.rows[0]["project_id"] == project.id and report.extra == {}
    assert snapshot(report) == snapshot(serde.structure(CONVERTER, json.loads(body), Report))
