"""The three sync clients over HTTP against the emulator: calls, paging, errors, lifecycle."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib

import pytest

import smartsuite
from smartsuite import BulkResult, ConfigurationError, NotFoundError, Page
from smartsuite._core.client import Resource
from smartsuite._core.namespaces import Namespace
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Row, Sheet
from smartsuite.sync import (
    AppSheetClient,
    ClientClosedError,
    Paginator,
    ResourceManagementClient,
    SmartsheetClient,
)
from smartsuite.sync._runtime import Facade

from .conftest import FAST_LIMIT, make_sheet


def test_smartsheet_calls_return_the_async_types(ss: SmartsheetClient) -> None:
    sheet_id = make_sheet(ss, rows=3)
    sheet = ss.sheets.get(sheet_id)
    assert type(sheet) is Sheet  # the async model itself: models are plain data
    assert [r["Key"] for r in sheet.to_records()] == ["K-0", "K-1", "K-2"]
    assert sheet.rows is not None and sheet.rows[0].id is not None
    row = ss.rows.get(sheet_id, sheet.rows[0].id)
    assert isinstance(row, Row) and row.id == sheet.rows[0].id
    updated = ss.rows.update(sheet_id, [{"id": row.id, "Name": "changed"}])
    assert isinstance(updated, BulkResult) and updated.ok
    assert ss.sheets.get(sheet_id).to_records()[0]["Name"] == "changed"
    assert ss.stats.requests >= 5  # a plain property, read from the async client


def test_a_fetched_sheet_is_refreshed_through_its_namespace(ss: SmartsheetClient) -> None:
    sheet_id = make_sheet(ss, rows=2)
    sheet = ss.sheets.get(sheet_id, row_numbers=[1])
    assert sheet.rows is not None and sheet.rows[0].id is not None
    ss.rows.update(sheet_id, [{"id": sheet.rows[0].id, "Name": "later"}])
    assert ss.sheets.refresh(sheet) is sheet  # in place, with the query it was read with
    assert sheet.to_records() == [{"Key": "K-0", "Name": "later", "Hours": None}]
    with pytest.raises(ConfigurationError, match=r"ss\.sheets\.get"):
        ss.sheets.refresh(Sheet(id=sheet_id))  # built here, never fetched


def test_a_paginator_resumes_from_a_saved_cursor(ss: SmartsheetClient) -> None:
    for name in ("A", "B", "C"):
        ss.workspaces.create(name)
    listing = ss.workspaces.list(page_size=2)
    first = listing.first_page()
    assert [w.name for w in first.items] == ["A", "B"] and first.next_cursor is not None
    rest = listing.resume(first.next_cursor)
    assert isinstance(rest, Paginator)
    assert [w.name for w in rest] == ["C"]
    assert [w.name for w in listing.resume(None)] == ["A", "B", "C"]


def test_paginators_walk_every_page(ss: SmartsheetClient) -> None:
    for i in range(5):
        make_sheet(ss, name=f"S{i}")
    sheets = ss.sheets.list(page_size=2)
    assert isinstance(sheets, Paginator)
    assert sorted(str(s.name) for s in sheets) == [f"S{i}" for i in range(5)]  # for ... in
    pages = list(ss.sheets.list(page_size=2).pages())
    assert [len(p.items) for p in pages] == [2, 2, 1]
    first = ss.sheets.list(page_size=2).first_page()
    assert isinstance(first, Page) and first.has_next and len(first.items) == 2
    assert len(ss.sheets.list(page_size=2).to_list()) == 5
    names = ss.sheets.list(page_size=2).map(lambda s: str(s.name).lower()).to_list()
    assert sorted(names) == [f"s{i}" for i in range(5)]


def test_leaving_a_walk_early_stops_fetching(ss: SmartsheetClient, emu: Emulator) -> None:
    for i in range(6):
        make_sheet(ss, name=f"S{i}")
    before = len(emu.smartsheet.log)
    for sheet in ss.sheets.list(page_size=1):
        assert sheet.name == "S0"
        break
    # The first page, and at most the one prefetched page: never the whole walk.
    assert len(emu.smartsheet.log) - before <= 2
    assert len(ss.sheets.list(page_size=1).to_list()) == 6  # the client is still fine


def test_errors_are_the_async_classes(ss: SmartsheetClient) -> None:
    with pytest.raises(NotFoundError) as caught:
        ss.sheets.get(123456789)
    assert type(caught.value) is smartsuite.NotFoundError
    assert caught.value.status == 404
    with pytest.raises(ConfigurationError, match="sheet_id"):
        ss.sheets.get(1.5)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError):
        SmartsheetClient(region="mars", token="x")


def test_async_generators_are_iterators(ss: SmartsheetClient) -> None:
    sheet_id = make_sheet(ss)
    content = bytes(range(256)) * 1000
    attachment = ss.attachments.attach_to_sheet(sheet_id, content, filename="data.bin")
    assert attachment.id is not None
    digest = hashlib.sha256()
    chunks = 0
    for chunk in ss.attachments.stream(sheet_id, attachment.id, chunk_size=64 * 1024):
        digest.update(chunk)
        chunks += 1
    assert digest.digest() == hashlib.sha256(content).digest()
    assert chunks > 1


def test_with_options_view_shares_the_loop(ss: SmartsheetClient) -> None:
    sheet_id = make_sheet(ss)
    view = ss.with_options(headers={"X-Test": "1"})
    assert isinstance(view, SmartsheetClient) and view is not ss
    assert view.sheets.get(sheet_id).id == sheet_id
    assert view._portal is ss._portal


def test_resource_management(rm: ResourceManagementClient) -> None:
    made = [rm.users.create(first_name=f"F{i}", last_name=f"L{i}") for i in range(5)]
    assert all(u.id is not None for u in made)
    walked = list(rm.users.list(page_size=2))
    assert {u.id for u in made} <= {u.id for u in walked}
    assert len(list(rm.users.list(page_size=2).pages())) >= 3
    project = rm.projects.create(name="Sync project")
    assert project.id is not None and rm.projects.get(project.id).name == "Sync project"
    assert made[0].id is not None
    entry = rm.time_entries.create(
        made[0].id, assignable_id=project.id, date=dt.date(2024, 5, 1), hours=2.5
    )
    assert entry.hours == 2.5
    with pytest.raises(NotFoundError):
        rm.users.get(987654321)


def test_every_namespace_is_a_sync_facade(
    ss: SmartsheetClient, rm: ResourceManagementClient
) -> None:
    # Namespaces whose methods all return paginators (RM holidays, Smartsheet templates) were
    # once handed out as the async objects, whose paginators a sync caller cannot iterate.
    for client in (ss, rm):
        target = type(client._target)
        # ``ss.events.list()`` returns an EventStream (a paginator with a stream position)
        # that the facade does not mirror yet: the async namespace is handed out as it is.
        names = [n for n, v in vars(target).items() if isinstance(v, Namespace) and n != "events"]
        assert len(names) > 20
        for name in names:
            namespace = getattr(client, name)
            assert isinstance(namespace, Facade), name
            assert not isinstance(namespace, Resource), name
    assert list(rm.holidays.list()) == []
    assert isinstance(rm.holidays.list(), Paginator)


def test_appsheet_tables(app: AppSheetClient) -> None:
    people = app.table("People", key="ID")
    added = people.add([{"Name": f"P{i}", "Age": 20 + i} for i in range(4)])
    assert added.ok and len(added) == 4
    found = people.list().to_list()
    assert sorted(r["Name"] for r in found) == ["P0", "P1", "P2", "P3"]
    assert sorted(r["Name"] for r in people.list()) == ["P0", "P1", "P2", "P3"]
    with pytest.warns(DeprecationWarning, match=r"Table.find\(\) is deprecated"):
        assert people.find() == found  # the old name, for one release
    key = found[0]["ID"]
    got = people.get(key)
    assert got is not None and got["ID"] == key
    assert people.name == "People" and people.key == "ID"
    with pytest.raises(NotFoundError):
        app.table("NoSuchTable").list().to_list()


def test_closing_stops_the_thread(emu: Emulator) -> None:
    with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        thread = ss._portal.thread
        assert thread.is_alive()
        assert ss.sheets.list().to_list() == []
    assert not thread.is_alive() and ss.closed
    with pytest.raises(ClientClosedError):
        ss.sheets.list().to_list()
    ss.close()  # twice is fine


def test_a_forgotten_client_is_stopped_when_collected(emu: Emulator) -> None:
    rm = ResourceManagementClient(emu.rm_token, base_url=emu.rm_url, rate_limit=FAST_LIMIT)
    users = rm.users  # a namespace keeps its client's loop alive
    thread = rm._portal.thread
    del rm
    gc.collect()
    assert thread.is_alive()
    assert users.list().to_list() == []
    del users
    gc.collect()
    thread.join(5)
    assert not thread.is_alive()


def test_a_bad_client_argument_leaves_no_thread() -> None:
    import threading

    before = {t.ident for t in threading.enumerate()}
    with pytest.raises(ConfigurationError):
        AppSheetClient("app", "key", region="nowhere")
    leftover = [
        t for t in threading.enumerate() if t.ident not in before and t.name.startswith("smart")
    ]
    for t in leftover:
        t.join(5)
    assert not any(t.is_alive() for t in leftover)
