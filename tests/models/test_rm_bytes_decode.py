"""Resource Management ``{data, paging}`` pages decoded straight from bytes
(``_core/bytes_decode.decode_page``, used by the RM resources' ``_page``) against the reference
path (``json.loads`` and the converter): on arbitrary pages of every model with a generated
decoder the same items (types, values, ``extra``, ``decode_issues``), paging and link, or the
same error, lenient and strict; and over HTTP through ``rm.time_entries.list()``."""

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

from smartsuite._core import bytes_decode, sansio, serde
from smartsuite._core.config import RateLimitConfig
from smartsuite._core.errors import DecodeError
from smartsuite._core.paging import Page
from smartsuite._core.response import Response
from smartsuite.emulator import Emulator
from smartsuite.resource_management import ResourceManagementClient, TimeEntry
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
    found = bytes_decode.decode_page(CONVERTER, Response(200, {}, body, "GET", "/x"), TimeEntry)
    assert found is not None
    items, paging = found
    assert items[0].created_at == dt.datetime(2024, 5, 1, 8, tzinfo=dt.UTC)
    assert items[0].date == dt.date(2024, 5, 1) and paging == {"page": 1}
    # A missing required id, an unknown key: the reference path decides.
    for misfit in ({"date": "2024-05-01"}, {"id": 1, "surprise": True}):
        body = json.dumps({"data": [misfit]}).encode()
        response = Response(200, {}, body, "GET", "/x")
        assert bytes_decode.decode_page(CONVERTER, response, TimeEntry) is None


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
