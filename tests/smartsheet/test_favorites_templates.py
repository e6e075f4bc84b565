"""ss.favorites, ss.templates and ss.contacts over HTTP."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.containers import Favorite, FavoriteType

from .account_helpers import check, emu, last, make_sheet, ss  # noqa: F401 (fixtures)


async def test_favorites(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet_a = await make_sheet(ss, "A")
    sheet_b = await make_sheet(ss, "B")
    folder = await ss.home.create_folder("Starred folder")

    added = await ss.favorites.add(
        [("sheet", sheet_a), Favorite(type=FavoriteType.SHEET, object_id=sheet_b)]
    )
    check(
        last(emu),
        "POST",
        "/favorites",
        body=[{"type": "sheet", "objectId": sheet_a}, {"type": "sheet", "objectId": sheet_b}],
    )
    assert [f.object_id for f in added] == [sheet_a, sheet_b]
    one = await ss.favorites.add(("folder", folder.id or 0))
    assert one == [Favorite(object_id=folder.id, type="folder")]

    listed = await ss.favorites.list(include=["name"]).to_list()
    check(last(emu), "GET", "/favorites", {"include": "name", "page": "1", "pageSize": "1000"})
    assert [(f.type, f.name) for f in listed] == [
        ("sheet", "A"),
        ("sheet", "B"),
        ("folder", "Starred folder"),
    ]
    assert (await ss.home.contents()).folders[0].favorite is True  # type: ignore[index]

    assert await ss.favorites.is_favorite("sheet", sheet_a) is True
    check(last(emu), "GET", f"/favorites/sheet/{sheet_a}")
    await ss.favorites.remove_one("sheet", sheet_a)
    check(last(emu), "DELETE", f"/favorites/sheet/{sheet_a}")
    assert await ss.favorites.is_favorite("sheet", sheet_a) is False
    with pytest.raises(NotFoundError):
        await ss.favorites.remove_one("sheet", sheet_a)

    await ss.favorites.remove("sheet", [sheet_b, sheet_a])
    check(last(emu), "DELETE", "/favorites/sheet", {"objectIds": f"{sheet_b},{sheet_a}"})
    assert [f.type for f in await ss.favorites.list().to_list()] == ["folder"]

    with pytest.raises(NotFoundError):
        await ss.favorites.add(("sheet", 42))
    with pytest.raises(ConfigurationError, match="favorite type"):
        await ss.favorites.add(("spreadsheet", 1))
    with pytest.raises(ConfigurationError, match="at least one"):
        await ss.favorites.remove("sheet", [])


async def test_templates(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    # GET /templates was removed on 2026-06-03: templates are children of their container,
    # listed only together with sheets (Python SDK 4.0.0 changelog).
    workspace = await ss.workspaces.create("Templates")
    template = emu.smartsheet.state.account.containers.templates[0]
    template["place"] = ("workspace", workspace.id)
    with pytest.warns(DeprecationWarning, match="GET /templates was removed"):
        mine = await ss.templates.list(workspace_id=workspace.id).to_list()
    check(
        last(emu),
        "GET",
        f"/workspaces/{workspace.id}/children",
        {"childrenResourceTypes": "sheets,templates", "maxItems": "1000"},
    )
    assert [(t.id, t.name, t.type) for t in mine] == [(template["id"], template["name"], "sheet")]
    with pytest.raises(ConfigurationError, match="workspace_id= or folder_id="):
        ss.templates.list()
    assert not any(e.path.startswith("/templates") for e in emu.smartsheet.log)


async def test_contacts(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    contacts = await ss.contacts.list(modified_since="2020-01-01T00:00:00Z").to_list()
    assert last(emu).query["modifiedSince"] == "2020-01-01T00:00:00Z"
    assert len(contacts) == 3 and all(c.id and c.email for c in contacts)
    first = contacts[0]
    fetched = await ss.contacts.get(first.id or "", include=["profileImage"])
    check(last(emu), "GET", f"/contacts/{first.id}", {"include": "profileImage"})
    assert fetched.email == first.email and fetched.profile_image is not None
    with pytest.raises(NotFoundError):
        await ss.contacts.get("nobody")
    with pytest.raises(ConfigurationError, match="contact id"):
        await ss.contacts.get("a/b")
