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
    mine = await ss.templates.list(access_api_level=1).to_list()
    check(last(emu), "GET", "/templates", {"accessApiLevel": "1", "page": "1", "pageSize": "1000"})
    assert mine and all(t.type == "sheet" and t.access_level == "OWNER" for t in mine)
    public = await ss.templates.list_public(page_size=2).to_list()
    assert len([e for e in emu.smartsheet.log if e.path == "/templates/public"]) == 2  # 2 pages
    assert {t.global_template for t in public} >= {"BLANK_SHEET", "PROJECT_SHEET", "TASK_LIST"}
    blank = next(t for t in public if t.global_template == "BLANK_SHEET")
    assert blank.blank is True and blank.locale == "en_US" and blank.categories


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
