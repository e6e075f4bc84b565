"""The 2026 container API over HTTP: token-paged workspace and dashboard lists (resumable,
refusing a repeated cursor), /metadata, typed /children (unknown kinds kept), the tree walk,
paths, Home's GET /home and the removed paths' 404."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import ConfigurationError, NotFoundError, PagingError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.children import ChildFolder, ChildSheet, UnknownChild
from tests.core.support import Answer, ScriptedServer, server  # noqa: F401 (fixture)

from .emulator_helpers import check, emu, last, ss  # noqa: F401 (fixtures)


async def _tree(ss: SmartsheetClient) -> tuple[int, int, int, int]:  # noqa: F811
    ws = await ss.workspaces.create("Team")
    plans = await ss.workspaces.create_folder(ws.id or 0, "Plans")
    q3 = await ss.folders.create_folder(plans.id or 0, "Q3")
    sheet = await ss.sheets.create_in_folder(
        q3.id or 0, "Tasks", [{"title": "Name", "primary": True, "type": "TEXT_NUMBER"}]
    )
    return ws.id or 0, plans.id or 0, q3.id or 0, sheet.id or 0


async def test_workspaces_are_token_paged_and_resumable(
    ss: SmartsheetClient,  # noqa: F811
    emu: Emulator,  # noqa: F811
) -> None:
    for name in ("A", "B", "C"):
        await ss.workspaces.create(name)
    listing = ss.workspaces.list(page_size=2)
    first = await listing
    check(last(emu), "GET", "/workspaces", {"paginationType": "token", "maxItems": "2"})
    assert [w.name for w in first.items] == ["A", "B"] and first.total_count is None
    cursor = first.next_cursor
    assert isinstance(cursor, str)
    rest = [w.name async for w in listing.resume(cursor)]
    check(
        last(emu),
        "GET",
        "/workspaces",
        {"paginationType": "token", "maxItems": "2", "lastKey": cursor},
    )
    assert rest == ["C"]
    assert [w.name async for w in ss.workspaces.list()] == ["A", "B", "C"]
    with pytest.raises(ConfigurationError, match="page_size"):
        ss.workspaces.list(page_size=0)


async def test_a_repeated_last_key_is_refused(server: ScriptedServer) -> None:  # noqa: F811
    page = {"data": [{"id": 1, "name": "W"}], "lastKey": "same"}
    server.script(Answer(body=page), Answer(body=page), Answer(body=page))
    async with SmartsheetClient("t0k3n", base_url=server.url) as client:
        with pytest.raises(PagingError, match="same next page"):
            [w async for w in client.workspaces.list()]
    assert server.seen[0].query == {"paginationType": "token", "maxItems": "1000"}


async def test_metadata_children_and_walk(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    ws, plans, q3, sheet = await _tree(ss)
    meta = await ss.workspaces.metadata(ws, include=["source"])
    check(last(emu), "GET", f"/workspaces/{ws}/metadata", {"include": "source"})
    assert meta.name == "Team" and meta.folders is None
    kids = [c async for c in ss.folders.children(plans, resource_types=["folders", "sheets"])]
    check(
        last(emu),
        "GET",
        f"/folders/{plans}/children",
        {"childrenResourceTypes": "folders,sheets", "maxItems": "1000"},
    )
    assert kids == [kids[0]] and isinstance(kids[0], ChildFolder) and kids[0].id == q3
    entries = [(e.path, type(e.child).__name__, e.child.id) async for e in ss.workspaces.walk(ws)]
    assert entries == [
        ((), "ChildFolder", plans),
        (("Plans",), "ChildFolder", q3),
        (("Plans", "Q3"), "ChildSheet", sheet),
    ]
    with pytest.raises(ConfigurationError, match="resource type"):
        ss.workspaces.children(ws, resource_types=["dashboards"])
    with pytest.raises(NotFoundError):
        await ss.folders.metadata(12345)


async def test_unknown_children_are_kept(server: ScriptedServer) -> None:  # noqa: F811
    server.script(
        Answer(
            body={
                "data": [
                    {"id": 1, "name": "S", "resourceType": "sheet"},
                    {"id": 2, "name": "Table", "resourceType": "dataTable", "rows": 3},
                ]
            }
        )
    )
    async with SmartsheetClient("t0k3n", base_url=server.url) as client:
        kids = await client.workspaces.children(9).to_list()
    assert isinstance(kids[0], ChildSheet) and kids[0].name == "S"
    assert isinstance(kids[1], UnknownChild) and kids[1].resource_type == "dataTable"
    assert kids[1].data["rows"] == 3


async def test_paths(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    _, _, q3, sheet = await _tree(ss)
    path = await ss.paths.sheet(sheet)
    check(last(emu), "GET", f"/sheets/{sheet}/path")
    assert path.names() == ["Team", "Plans", "Q3", "Tasks"] and path.leaf().id == sheet
    assert (await ss.paths.folder(q3)).names() == ["Team", "Plans", "Q3"]
    board = emu.smartsheet.state.integrations.add_dashboard("Ops")
    assert (await ss.paths.dashboard(board.id)).names() == ["Ops"]
    report = emu.smartsheet.state.integrations.add_report("R", [sheet])
    assert (await ss.paths.report(report.id)).leaf().name == "R"


async def test_dashboards_token_paged(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    for name in ("A", "B", "C"):
        emu.smartsheet.state.integrations.add_dashboard(name)
    assert [d.name async for d in ss.dashboards.list(page_size=2)] == ["A", "B", "C"]
    assert "paginationType" not in last(emu).query and "lastKey" in last(emu).query


async def test_home_is_deprecated_but_answers(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    await ss.workspaces.create("W")
    with pytest.warns(DeprecationWarning, match="GET /home is deprecated"):
        home = await ss.home.list_all_contents(include=["source"], exclude=["permalinks"])
    check(last(emu), "GET", "/home", {"include": "source", "exclude": "permalinks"})
    assert [w.name for w in home.workspaces or []] == ["W"]


async def test_destination_type_is_sent_as_given(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    ws, plans, _, _ = await _tree(ss)
    other = await ss.workspaces.create("Other")
    await ss.folders.move(plans, "Workspace", other.id)
    check(
        last(emu),
        "POST",
        f"/folders/{plans}/move",
        body={"destinationType": "Workspace", "destinationId": other.id},
    )
    with pytest.raises(ConfigurationError, match="destination_type"):
        await ss.folders.move(plans, "Desk", other.id)
    assert ws != other.id
