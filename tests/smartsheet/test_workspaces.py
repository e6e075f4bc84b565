"""ss.workspaces and workspace shares (ss.sharing) over HTTP."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import BadRequestError, ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.containers import Workspace
from smartsuite.smartsheet.models.sharing import Share

from .account_helpers import check, emu, last, make_sheet, ss  # noqa: F401 (fixtures)


async def test_workspace_lifecycle(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    workspace = await ss.workspaces.create("Operations")
    check(last(emu), "POST", "/workspaces", body={"name": "Operations"})
    assert isinstance(workspace, Workspace) and workspace.id is not None
    assert workspace.access_level == "OWNER" and workspace.permalink

    folder = await ss.workspaces.create_folder(workspace.id, "Q1")
    check(last(emu), "POST", f"/workspaces/{workspace.id}/folders", body={"name": "Q1"})
    assert folder.id is not None
    sheet_id = await make_sheet(ss, "Budget", ["rent", "travel"])
    emu.smartsheet.state.account.containers.file_sheet(
        emu.smartsheet.state.sheets[sheet_id], ("folder", folder.id)
    )
    top_sheet = await make_sheet(ss, "Roster")
    emu.smartsheet.state.account.containers.file_sheet(
        emu.smartsheet.state.sheets[top_sheet], ("workspace", workspace.id)
    )

    fetched = await ss.workspaces.get(workspace.id, include=["source"], access_api_level=1)
    check(
        last(emu),
        "GET",
        f"/workspaces/{workspace.id}",
        {"include": "source", "accessApiLevel": "1"},
    )
    assert [s.name for s in fetched.sheets or []] == ["Roster"]
    assert [f.name for f in fetched.folders or []] == ["Q1"]
    assert {s.id for s in fetched.walk_sheets()} == {sheet_id, top_sheet}

    folders = await ss.workspaces.list_folders(workspace.id).to_list()
    check(
        last(emu), "GET", f"/workspaces/{workspace.id}/folders", {"page": "1", "pageSize": "1000"}
    )
    assert [f.id for f in folders] == [folder.id]

    renamed = await ss.workspaces.update(workspace.id, "Ops")
    check(last(emu), "PUT", f"/workspaces/{workspace.id}", body={"name": "Ops"})
    assert renamed.name == "Ops"
    assert [w.name for w in await ss.workspaces.list().to_list()] == ["Ops"]

    copy = await ss.workspaces.copy(workspace.id, "Ops copy", include=["data"])
    check(
        last(emu),
        "POST",
        f"/workspaces/{workspace.id}/copy",
        {"include": "data"},
        {"newName": "Ops copy"},
    )
    assert copy.id not in (None, workspace.id) and copy.name == "Ops copy"
    copied = await ss.workspaces.get(copy.id or 0)
    copied_sheets = copied.walk_sheets()
    assert sorted(s.name or "" for s in copied_sheets) == ["Budget", "Roster"]
    budget = next(s for s in copied_sheets if s.name == "Budget")
    assert (await ss.sheets.get(budget.id or 0)).to_records()[0]["Task"] == "rent"

    deleted = await ss.workspaces.delete(workspace.id)
    check(last(emu), "DELETE", f"/workspaces/{workspace.id}")
    assert deleted.result_code == 0
    assert sheet_id not in emu.smartsheet.state.sheets  # contents go with the workspace
    with pytest.raises(NotFoundError):
        await ss.workspaces.get(workspace.id)
    with pytest.raises(ConfigurationError, match="name"):
        await ss.workspaces.create("")


async def test_workspace_shares(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    workspace = await ss.workspaces.create("Shared")
    wid = workspace.id or 0
    colleague = await ss.users.add("colleague@example.com")
    group = await ss.groups.create("Auditors")

    shares = await ss.sharing.share_workspace(
        wid,
        [
            Share(email="colleague@example.com", access_level="EDITOR"),
            {"groupId": group.id, "accessLevel": "VIEWER"},
        ],
        send_email=False,
    )
    check(
        last(emu),
        "POST",
        f"/workspaces/{wid}/shares",
        {"sendEmail": "false"},
        [
            {"email": "colleague@example.com", "accessLevel": "EDITOR"},
            {"groupId": group.id, "accessLevel": "VIEWER"},
        ],
    )
    user_share, group_share = shares
    assert user_share.type == "USER" and user_share.user_id == colleague.id
    assert group_share.type == "GROUP" and group_share.name == "Auditors"

    listed = await ss.sharing.list_workspace_shares(wid).to_list()
    assert [s.access_level for s in listed] == ["OWNER", "EDITOR", "VIEWER"]
    got = await ss.sharing.get_workspace_share(wid, user_share.id or "", access_api_level=1)
    check(last(emu), "GET", f"/workspaces/{wid}/shares/{user_share.id}", {"accessApiLevel": "1"})
    assert got.email == "colleague@example.com"

    updated = await ss.sharing.update_workspace_share(wid, user_share.id or "", "ADMIN")
    check(
        last(emu), "PUT", f"/workspaces/{wid}/shares/{user_share.id}", body={"accessLevel": "ADMIN"}
    )
    assert updated.access_level == "ADMIN"

    owner = listed[0]
    with pytest.raises(BadRequestError) as info:
        await ss.sharing.update_workspace_share(wid, owner.id or "", "VIEWER")
    assert info.value.code == 1028
    with pytest.raises(BadRequestError) as info:
        await ss.sharing.share_workspace(
            wid, {"email": "colleague@example.com", "accessLevel": "VIEWER"}
        )
    assert info.value.code == 1025

    removed = await ss.sharing.delete_workspace_share(wid, group_share.id or "")
    check(last(emu), "DELETE", f"/workspaces/{wid}/shares/{group_share.id}")
    assert removed.result_code == 0
    with pytest.raises(NotFoundError) as info:
        await ss.sharing.get_workspace_share(wid, group_share.id or "")
    assert info.value.code == 1027
