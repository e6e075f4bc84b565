"""ss.folders and ss.home over HTTP: nested folders, copies, moves and the Home tab."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import BadRequestError, ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Column, SmartsheetClient
from smartsuite.smartsheet.models.containers import Folder, Home

from .account_helpers import check, emu, last, make_sheet, ss  # noqa: F401 (fixtures)


async def test_home_and_nested_folders(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    loose = await make_sheet(ss, "Loose sheet")
    top = await ss.home.create_folder("Projects")
    check(last(emu), "POST", "/home/folders", body={"name": "Projects"})
    assert isinstance(top, Folder) and top.id is not None and top.permalink

    child = await ss.folders.create_folder(top.id, "Alpha")
    check(last(emu), "POST", f"/folders/{top.id}/folders", body={"name": "Alpha"})
    assert child.id is not None
    inside = await ss.sheets.create_in_folder(
        child.id, "Alpha plan", [Column(title="Step", primary=True)]
    )

    with pytest.warns(DeprecationWarning, match="GET /folders/personal is deprecated"):
        home = await ss.home.contents(include=["source"])
    check(last(emu), "GET", "/folders/personal", {"include": "source"})
    assert isinstance(home, Home)
    assert [s.id for s in home.sheets or []] == [loose]
    assert [f.name for f in home.folders or []] == ["Projects"]
    assert [s.name for f in home.folders or [] for s in f.walk_sheets()] == ["Alpha plan"]

    with pytest.warns(DeprecationWarning):
        assert [f.id for f in await ss.home.list_folders().to_list()] == [top.id]
    check(last(emu), "GET", "/home/folders", {"page": "1", "pageSize": "1000"})
    # GET /folders/{id}/folders was removed: the shim lists children of type folders.
    with pytest.warns(DeprecationWarning, match="removed from the Smartsheet API"):
        subs = await ss.folders.list_folders(top.id, page_size=50).to_list()
    check(
        last(emu),
        "GET",
        f"/folders/{top.id}/children",
        {"childrenResourceTypes": "folders", "maxItems": "50"},
    )
    assert [f.id for f in subs] == [child.id]

    with pytest.warns(DeprecationWarning, match="GET /folders/"):
        fetched = await ss.folders.get(child.id, include=["ownerInfo"])
    assert [e.path for e in emu.smartsheet.log[-2:]] == [
        f"/folders/{child.id}/metadata",
        f"/folders/{child.id}/children",
    ]
    assert [s.id for s in fetched.sheets or []] == [inside.id]
    meta = await ss.folders.metadata(child.id, include=["source"])
    check(last(emu), "GET", f"/folders/{child.id}/metadata", {"include": "source"})
    assert meta.id == child.id and meta.sheets is None

    renamed = await ss.folders.update(child.id, "Alpha (active)")
    check(last(emu), "PUT", f"/folders/{child.id}", body={"name": "Alpha (active)"})
    assert renamed.name == "Alpha (active)"


async def test_copy_move_delete(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    source = await ss.home.create_folder("Source")
    sid = source.id or 0
    nested = await ss.folders.create_folder(sid, "Nested")
    sheet_id = await make_sheet(ss, "Tasks", ["one", "two"])
    state = emu.smartsheet.state
    state.account.containers.file_sheet(state.sheets[sheet_id], ("folder", nested.id or 0))
    workspace = await ss.workspaces.create("Archive")

    copy = await ss.folders.copy(
        sid, "workspace", workspace.id, new_name="Source copy", include=["data"]
    )
    check(
        last(emu),
        "POST",
        f"/folders/{sid}/copy",
        {"include": "data"},
        {"destinationType": "workspace", "destinationId": workspace.id, "newName": "Source copy"},
    )
    assert copy.name == "Source copy" and copy.id != sid
    copied = [
        e.child
        async for e in ss.workspaces.walk(workspace.id or 0)
        if e.child.resource_type == "sheet"
    ]
    assert [s.name for s in copied] == ["Tasks"] and copied[0].id != sheet_id
    records = (await ss.sheets.get(copied[0].id or 0)).to_records()
    assert [r["Task"] for r in records] == ["one", "two"]

    bare = await ss.folders.copy(sid, "home", None)  # no include: structure only
    assert bare.name == "Source"
    bare_sheet = [e.child async for e in ss.folders.walk(bare.id or 0)][-1]
    assert (await ss.sheets.get(bare_sheet.id or 0)).rows == []

    moved = await ss.folders.move(nested.id or 0, "workspace", workspace.id)
    check(
        last(emu),
        "POST",
        f"/folders/{nested.id}/move",
        body={"destinationType": "workspace", "destinationId": workspace.id},
    )
    assert moved.id == nested.id
    kids = ss.workspaces.children(workspace.id or 0, resource_types=["folders"])
    assert nested.id in {f.id async for f in kids}
    with pytest.raises(BadRequestError) as info:
        await ss.folders.move(sid, "folder", sid)
    assert info.value.code == 1258

    deleted = await ss.folders.delete(nested.id or 0)
    check(last(emu), "DELETE", f"/folders/{nested.id}")
    assert deleted.result_code == 0 and sheet_id not in state.sheets
    with pytest.raises(NotFoundError):
        await ss.folders.metadata(nested.id or 0)


async def test_destination_checks(ss: SmartsheetClient) -> None:  # noqa: F811
    with pytest.raises(ConfigurationError, match="destination_type"):
        await ss.folders.copy(1, "desk", 2)
    with pytest.raises(ConfigurationError, match="takes no destination_id"):
        await ss.folders.move(1, "home", 2)
    with pytest.raises(ConfigurationError, match="destination_id"):
        await ss.folders.move(1, "folder", None)
    with pytest.raises(ConfigurationError, match="folder_id"):
        await ss.folders.metadata(-1)
