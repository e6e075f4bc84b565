"""ss.dashboards (the API's sights) and dashboard shares over HTTP."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import BadRequestError, ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Dashboard, SmartsheetClient

from .reports_helpers import check, emu, last, ss  # noqa: F401 (fixtures)


def board(emu: Emulator, name: str = "Ops") -> int:  # noqa: F811
    widgets = [{"type": "TITLE", "title": "Welcome"}, {"type": "METRIC", "title": "Open"}]
    return emu.smartsheet.state.integrations.add_dashboard(name, widgets).id


async def test_list_and_get(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    first, second = board(emu, "Ops"), board(emu, "Sales")
    listed = [d async for d in ss.dashboards.list(access_api_level=1, numeric_dates=False)]
    check(
        last(emu),
        "GET",
        "/sights",
        {"accessApiLevel": "1", "numericDates": "false", "page": "1", "pageSize": "1000"},
    )
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
    ident = board(emu)
    (share,) = await ss.sharing.share_dashboard(
        ident, {"email": "bo@example.com", "accessLevel": "COMMENTER"}, access_api_level=1
    )
    check(
        last(emu),
        "POST",
        f"/sights/{ident}/shares",
        {"accessApiLevel": "1"},
        [{"email": "bo@example.com", "accessLevel": "COMMENTER"}],
    )
    assert share.access_level == "COMMENTER" and share.id is not None
    # Without accessApiLevel=1, COMMENTER is shown as VIEWER to older clients.
    legacy = await ss.sharing.get_dashboard_share(ident, share.id)
    check(last(emu), "GET", f"/sights/{ident}/shares/{share.id}")
    assert legacy.access_level == "VIEWER"
    levels = [
        s.access_level async for s in ss.sharing.list_dashboard_shares(ident, access_api_level=1)
    ]
    check(
        last(emu),
        "GET",
        f"/sights/{ident}/shares",
        {"accessApiLevel": "1", "page": "1", "pageSize": "1000"},
    )
    assert levels == ["OWNER", "COMMENTER"]
    updated = await ss.sharing.update_dashboard_share(ident, share.id, "EDITOR_SHARE")
    check(
        last(emu), "PUT", f"/sights/{ident}/shares/{share.id}", body={"accessLevel": "EDITOR_SHARE"}
    )
    assert updated.access_level == "EDITOR_SHARE"
    with pytest.raises(BadRequestError) as bad_level:
        await ss.sharing.update_dashboard_share(ident, share.id, "SUPREME")
    assert bad_level.value.code == 1031
    await ss.sharing.delete_dashboard_share(ident, share.id)
    check(last(emu), "DELETE", f"/sights/{ident}/shares/{share.id}")
    assert [s.access_level async for s in ss.sharing.list_dashboard_shares(ident)] == ["OWNER"]
    with pytest.raises(ConfigurationError, match="accessLevel"):
        await ss.sharing.share_dashboard(ident, {"email": "x@example.com"})
