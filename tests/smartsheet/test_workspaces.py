"""ss.workspaces and workspace shares (ss.sharing) over HTTP."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.containers import Workspace

from .account_helpers import check, emu, last, make_sheet, ss  # noqa: F401 (fixtures)
from .share_helpers import exercise_share_shims


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

    # GET /workspaces/{id} was removed on 2026-06-03: get() warns and is rebuilt from
    # /metadata and /children (top level only: the API has no recursive listing).
    with pytest.warns(DeprecationWarning, match="GET /workspaces/"):
        fetched = await ss.workspaces.get(workspace.id, include=["source"], access_api_level=1)
    paths = [e.path for e in emu.smartsheet.log[-2:]]
    assert paths == [f"/workspaces/{workspace.id}/metadata", f"/workspaces/{workspace.id}/children"]
    assert [s.name for s in fetched.sheets or []] == ["Roster"]
    assert [f.name for f in fetched.folders or []] == ["Q1"]
    walked = {e.child.id async for e in ss.workspaces.walk(workspace.id)}
    assert walked >= {sheet_id, top_sheet, folder.id}

    with pytest.warns(DeprecationWarning, match="folders"):
        folders = await ss.workspaces.list_folders(workspace.id).to_list()
    check(
        last(emu),
        "GET",
        f"/workspaces/{workspace.id}/children",
        {"childrenResourceTypes": "folders", "maxItems": "1000"},
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
    copied_sheets = [e.child async for e in ss.workspaces.walk(copy.id or 0)]
    names = sorted(c.name or "" for c in copied_sheets if c.resource_type == "sheet")
    assert names == ["Budget", "Roster"]
    budget = next(c for c in copied_sheets if c.name == "Budget")
    assert (await ss.sheets.get(budget.id or 0)).to_records()[0]["Task"] == "rent"

    deleted = await ss.workspaces.delete(workspace.id)
    check(last(emu), "DELETE", f"/workspaces/{workspace.id}")
    assert deleted.result_code == 0
    assert sheet_id not in emu.smartsheet.state.sheets  # contents go with the workspace
    with pytest.raises(NotFoundError):
        await ss.workspaces.metadata(workspace.id)
    with pytest.raises(ConfigurationError, match="name"):
        await ss.workspaces.create("")


async def test_workspace_shares(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    """The workspace share methods are shims over /shares (assetType=workspace)."""
    workspace = await ss.workspaces.create("Shared")
    await ss.users.add("ann@example.com")
    group = await ss.groups.create("Auditors")
    await exercise_share_shims(ss, emu, "workspace", workspace.id or 0, "workspace", group.id or 0)
