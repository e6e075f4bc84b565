"""ss.dashboards (the API's sights) and dashboard shares over HTTP."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Dashboard, SmartsheetClient

from .reports_helpers import check, emu, last, ss  # noqa: F401 (fixtures)
from .share_helpers import exercise_share_shims


def board(emu: Emulator, name: str = "Ops") -> int:  # noqa: F811
    widgets = [{"type": "TITLE", "title": "Welcome"}, {"type": "METRIC", "title": "Open"}]
    return emu.smartsheet.state.integrations.add_dashboard(name, widgets).id


async def test_list_and_get(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    first, second = board(emu, "Ops"), board(emu, "Sales")
    # Token-paged since 2026-06-03; no paginationType for sights (Python SDK 4.4.0).
    listed = [d async for d in ss.dashboards.list(page_size=1)]
    assert [e.query.get("lastKey") is None for e in emu.smartsheet.log[-2:]] == [True, False]
    check(last(emu), "GET", "/sights", {"maxItems": "1", "lastKey": last(emu).query["lastKey"]})
    assert [(d.id, d.name) for d in listed] == [(first, "Ops"), (second, "Sales")]

    got = await ss.dashboards.get(first, include=["source"], level=2)
    check(last(emu), "GET", f"/sights/{first}", {"include": "source", "level": "2"})
    assert isinstance(got, Dashboard) and got.column_count == 6
    assert [(w.type, w.title) for w in got.widgets or []] == [
        ("TITLE", "Welcome"),
        ("METRIC", "Open"),
    ]
    assert all(w.id for w in got.widgets or [])
    with pytest.raises(NotFoundError):
        await ss.dashboards.get(1)


async def test_rename_copy_move_delete(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    ident = board(emu)
    renamed = await ss.dashboards.rename(ident, "Operations")
    check(last(emu), "PUT", f"/sights/{ident}", body={"name": "Operations"})
    assert renamed.name == "Operations"
    with pytest.raises(ConfigurationError, match="name"):
        await ss.dashboards.rename(ident, " ")

    workspace = await ss.workspaces.create("WS")
    assert workspace.id is not None
    copied = await ss.dashboards.copy(
        ident, destination_type="workspace", destination_id=workspace.id, new_name="Twin"
    )
    check(
        last(emu),
        "POST",
        f"/sights/{ident}/copy",
        body={"destinationType": "workspace", "destinationId": workspace.id, "newName": "Twin"},
    )
    assert copied.id not in (None, ident) and copied.name == "Twin"
    twin = await ss.dashboards.get(copied.id)  # type: ignore[arg-type]
    assert twin.workspace == {"id": workspace.id} and len(twin.widgets or []) == 2

    moved = await ss.dashboards.move(ident, destination_type="home")
    check(last(emu), "POST", f"/sights/{ident}/move", body={"destinationType": "home"})
    assert moved.id == ident
    with pytest.raises(ConfigurationError, match="destination_id"):
        await ss.dashboards.move(ident, destination_type="folder")
    with pytest.raises(NotFoundError):
        await ss.dashboards.move(ident, destination_type="folder", destination_id=99)

    deleted = await ss.dashboards.delete(ident)
    check(last(emu), "DELETE", f"/sights/{ident}")
    assert deleted.result_code == 0
    assert [d.id async for d in ss.dashboards.list()] == [copied.id]


async def test_publish(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    ident = board(emu)
    assert (await ss.dashboards.get_publish(ident)).read_only_full_enabled is False
    check(last(emu), "GET", f"/sights/{ident}/publish")
    on = await ss.dashboards.set_publish(ident, enabled=True, accessible_by="ORG")
    check(
        last(emu),
        "PUT",
        f"/sights/{ident}/publish",
        body={"readOnlyFullEnabled": True, "readOnlyFullAccessibleBy": "ORG"},
    )
    assert on.read_only_full_enabled and on.read_only_full_accessible_by == "ORG"
    assert on.read_only_full_url
    off = await ss.dashboards.set_publish(ident, enabled=False)
    assert off.read_only_full_enabled is False and off.read_only_full_url is None
    with pytest.raises(ConfigurationError, match="ALL or ORG"):
        await ss.dashboards.set_publish(ident, enabled=True, accessible_by="SHARED")


async def test_dashboard_shares(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    """The dashboard share methods are shims over /shares (assetType=sight)."""
    group = await ss.groups.create("Viewers")
    await exercise_share_shims(ss, emu, "sight", board(emu), "dashboard", group.id or 0)
