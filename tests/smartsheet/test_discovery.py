"""ss.search, ss.events and ss.server_info over HTTP."""

from __future__ import annotations

import datetime as dt

import pytest

from smartsuite._core.errors import BadRequestError, ConfigurationError, NotFoundError, PagingError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.discovery import Event, SearchResult

from .account_helpers import check, emu, last, make_sheet, ss  # noqa: F401 (fixtures)

HOUR_AGO = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)


async def test_search_cell_text_and_names(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    plan = await make_sheet(ss, "Launch plan", ["Order banners", "Book the venue"])
    await make_sheet(ss, "Venue shortlist", ["Town hall"])
    await ss.home.create_folder("Venue contracts")
    await ss.favorites.add(("sheet", plan))

    found = await ss.search.everything("venue", include=["favoriteFlag"])
    check(last(emu), "GET", "/search", {"query": "venue", "include": "favoriteFlag"})
    assert isinstance(found, SearchResult)
    kinds = sorted((r.object_type or "", r.text or "") for r in found.results or [])
    assert kinds == [
        ("folder", "Venue contracts"),
        ("row", "Book the venue"),
        ("sheet", "Venue shortlist"),
    ]
    row_hit = next(r for r in found.results or [] if r.object_type == "row")
    assert row_hit.parent_object_id == plan and row_hit.parent_object_name == "Launch plan"
    assert row_hit.parent_object_type == "sheet" and row_hit.context_data == ["Book the venue"]
    assert row_hit.parent_object_favorite is True
    assert found.total_count == 3

    cells_only = await ss.search.everything("venue", scopes=["cellData"])
    assert last(emu).query == {"query": "venue", "scopes": "cellData"}
    assert [r.object_type for r in cells_only.results or []] == ["row"]

    exact = await ss.search.everything('"the venue"')
    assert [r.text for r in exact.results or []] == ["Book the venue"]
    both_words = await ss.search.everything("banners order")  # every word, any order
    assert [r.text for r in both_words.results or []] == ["Order banners"]
    nowhere_together = await ss.search.everything("banners venue")
    assert nowhere_together.results == [] and nowhere_together.total_count == 0

    in_sheet = await ss.search.sheet(plan, "about")  # the Notes column holds "about ..."
    check(last(emu), "GET", f"/search/sheets/{plan}", {"query": "about"})
    assert {r.context_data[0] for r in in_sheet.results or [] if r.context_data} == {
        "Order banners",
        "Book the venue",
    }
    with pytest.raises(NotFoundError):
        await ss.search.sheet(999, "x")
    with pytest.raises(ConfigurationError, match="query"):
        await ss.search.everything("  ")


async def test_search_caps_results_at_100(ss: SmartsheetClient) -> None:  # noqa: F811
    await make_sheet(ss, "Many", [f"widget {i}" for i in range(130)])
    found = await ss.search.sheet((await ss.sheets.list().to_list())[0].id or 0, "widget")
    assert len(found.results or []) == 100 and found.total_count == 130


async def test_events_follow_the_stream(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    workspace = await ss.workspaces.create("Events")
    sheet_id = await make_sheet(ss, "Evented", ["a"])
    group = await ss.groups.create("Watchers")
    await ss.workspaces.update(workspace.id or 0, "Events 2")

    stream = ss.events.list(since=HOUR_AGO, max_count=2)
    events = await stream.to_list()
    calls = [e for e in emu.smartsheet.log if e.path == "/events"]
    assert len(calls) == 3  # 5 events, 2 per call
    assert "since" in calls[0].query and calls[1].query["streamPosition"]
    assert all(isinstance(e, Event) for e in events)
    summary = [(e.object_type, e.action, e.object_id) for e in events]
    assert summary == [
        ("WORKSPACE", "CREATE", str(workspace.id)),
        ("SHEET", "CREATE", str(sheet_id)),
        ("SHEET", "UPDATE", str(sheet_id)),  # rows added
        ("GROUP", "CREATE", str(group.id)),
        ("WORKSPACE", "UPDATE", str(workspace.id)),
    ]
    assert events[0].additional_details == {"name": "Events"}
    assert events[0].event_time_stamp is not None and events[0].user_id is not None
    assert stream.position is not None

    await ss.favorites.add(("sheet", sheet_id))  # favorites are not events
    await ss.groups.delete(group.id or 0)
    newer = await ss.events.list(stream_position=stream.position).to_list()
    assert last(emu).query == {"streamPosition": stream.position}
    assert [(e.object_type, e.action) for e in newer] == [("GROUP", "DELETE")]

    numeric = await ss.events.list(since=HOUR_AGO, numeric_dates=True, max_count=10).to_list()
    assert last(emu).query["since"].isdigit()
    assert [e.event_time_stamp for e in numeric] == [e.event_time_stamp for e in events + newer]


async def test_event_arguments(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    with pytest.raises(ConfigurationError, match="exactly one"):
        ss.events.list()
    with pytest.raises(ConfigurationError, match="exactly one"):
        ss.events.list(since=HOUR_AGO, stream_position="x")
    with pytest.raises(ConfigurationError, match="max_count"):
        ss.events.list(since=HOUR_AGO, max_count=10_001)
    with pytest.raises(BadRequestError) as info:
        await ss.events.list(stream_position="garbage!").to_list()
    assert info.value.code == 1018
    for i in range(4):
        await ss.home.create_folder(f"F{i}")
    with pytest.raises(PagingError):  # bounded: stops after max_pages calls
        await ss.events.list(since=HOUR_AGO, max_count=1, max_pages=2).to_list()
    page = await ss.events.list(since=HOUR_AGO, max_count=3)
    assert len(page.items) == 3 and page.has_next


async def test_server_info(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    info = await ss.server_info.get()
    check(last(emu), "GET", "/serverinfo")
    assert info.formats is not None and "en_US" in (info.supported_locales or [])
    assert info.formats.bold == ["none", "on"]
    assert info.formats.currency and info.formats.currency[0].code == "none"
    assert "USD" in {c.code for c in info.formats.currency}
    assert info.formats.font_family and info.formats.font_family[0].traits == ["sans-serif"]
    assert info.formats.defaults and info.formats.defaults.count(",") == 16


async def test_old_events_age_out_but_positions_hold(
    ss: SmartsheetClient,  # noqa: F811
    emu: Emulator,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smartsuite.emulator.smartsheet import account_state

    monkeypatch.setattr(account_state, "MAX_EVENTS_KEPT", 10)
    for i in range(10):
        await ss.home.create_folder(f"F{i}")
    stream = ss.events.list(since=HOUR_AGO)
    assert len(await stream.to_list()) == 10
    for i in range(3):  # each event past the cap drops the oldest tenth (here, one)
        await ss.home.create_folder(f"G{i}")
    assert emu.smartsheet.state.account.events_dropped == 3
    assert len(emu.smartsheet.state.account.events) == 10
    newer = await ss.events.list(stream_position=stream.position).to_list()
    assert [e.additional_details for e in newer] == [{"name": f"G{i}"} for i in range(3)]
