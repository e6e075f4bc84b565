"""ss.sheets over HTTP: create (three places, from a template), get, list, update, delete, copy,
move, email, publish, version; the documented column errors; regions and the token variable."""

# ruff: noqa: F811  (pytest fixtures imported from sheet_helpers)

from __future__ import annotations

import pytest

from smartsuite import BadRequestError, ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import REGIONS, Column, SheetPublish, SmartsheetClient

from .sheet_helpers import TASK_COLUMNS, emu, last, ss, task_sheet  # noqa: F401


async def test_create_get_list_update_delete(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await ss.sheets.create("Plan", TASK_COLUMNS)
    sent = last(emu, "POST")
    assert (sent.path, sent.json()["name"]) == ("/sheets", "Plan")
    assert sent.json()["columns"][0] == {"title": "Task", "type": "TEXT_NUMBER", "primary": True}
    assert sheet.id and [c.title for c in sheet.columns or []][:2] == ["Task", "Status"]

    names = [s.name async for s in ss.sheets.list(page_size=5)]
    assert names == ["Plan"] and last(emu).query["pageSize"] == "5"

    renamed = await ss.sheets.update(
        sheet.id, name="Plan B", user_settings={"criticalPathEnabled": True}
    )
    put = last(emu, "PUT")
    assert (put.path, put.json()) == (
        f"/sheets/{sheet.id}",
        {"name": "Plan B", "userSettings": {"criticalPathEnabled": True}},
    )
    assert renamed.name == "Plan B" and renamed.user_settings == {"criticalPathEnabled": True}
    version = await ss.sheets.version(sheet.id)
    assert version == renamed.version and last(emu).path == f"/sheets/{sheet.id}/version"

    result = await ss.sheets.delete(sheet.id)
    assert result.result_code == 0 and last(emu).method == "DELETE"
    with pytest.raises(NotFoundError) as err:
        await ss.sheets.get(sheet.id)
    assert err.value.code == 1006


async def test_get_options_reach_the_query(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss, [{"Task": f"T{i}"} for i in range(5)])
    ids = [r.id for r in sheet.rows or []]
    got = await ss.sheets.get(
        sheet.id,
        row_ids=ids[1:3],
        column_ids=[sheet.column("Task").id],
        level=2,
        include=["objectValue"],
        exclude=["nonexistentCells"],
    )
    query = last(emu).query
    assert query["rowIds"] == f"{ids[1]},{ids[2]}" and query["level"] == "2"
    assert query["include"] == "objectValue" and query["exclude"] == "nonexistentCells"
    assert [r["Task"] for r in got.rows or []] == ["T1", "T2"]
    assert [c.title for c in got.columns or []] == ["Task"]
    page = await ss.sheets.get(sheet.id, page_size=2, page=2)
    assert [r["Task"] for r in page.rows or []] == ["T2", "T3"] and page.total_row_count == 5
    same = await ss.sheets.get(sheet.id, if_version_after=sheet.version)
    assert same.rows == [] and same.columns == [] and same.version == sheet.version


async def test_multi_value_columns_need_level_2(ss: SmartsheetClient) -> None:
    sheet = await task_sheet(ss)
    plain = await ss.sheets.get(sheet.id)
    assert plain.column("Tags").type == "TEXT_NUMBER"
    assert sheet.column("Tags").type == "MULTI_PICKLIST"


@pytest.mark.parametrize(
    ("columns", "code"),
    [
        ([Column(title="A"), Column(title="B")], 1055),
        ([Column(title="A", primary=True), Column(title="A")], 1056),
        ([Column(title="A", primary=True, type="DATE")], 1057),
    ],
)
async def test_documented_column_errors(
    ss: SmartsheetClient, columns: list[Column], code: int
) -> None:
    with pytest.raises(BadRequestError) as err:
        await ss.sheets.create("Bad", columns)
    assert err.value.code == code


async def test_create_needs_columns_or_template(ss: SmartsheetClient) -> None:
    with pytest.raises(ConfigurationError):
        await ss.sheets.create("X")
    with pytest.raises(ConfigurationError):
        await ss.sheets.create("X", TASK_COLUMNS, from_id=1)


async def test_create_from_template_and_in_containers(ss: SmartsheetClient, emu: Emulator) -> None:
    source = await ss.sheets.create("Source", TASK_COLUMNS)
    clone = await ss.sheets.create("Clone", from_id=source.id, include=["data"])
    body = last(emu, "POST")
    assert body.json() == {"name": "Clone", "fromId": source.id}
    assert body.query["include"] == "data"
    assert [c.title for c in clone.columns or []] == [c.title for c in TASK_COLUMNS]

    workspace = await ss.workspaces.create("WS")
    in_ws = await ss.sheets.create_in_workspace(workspace.id, "InWS", TASK_COLUMNS)
    assert last(emu, "POST").path == f"/workspaces/{workspace.id}/sheets" and in_ws.id
    folder = await ss.workspaces.create_folder(workspace.id, "F")
    in_folder = await ss.sheets.create_in_folder(folder.id, "InF", TASK_COLUMNS)
    assert last(emu, "POST").path == f"/folders/{folder.id}/sheets" and in_folder.id
    with pytest.raises(NotFoundError):
        await ss.sheets.create_in_folder(12345, "Nowhere", TASK_COLUMNS)


async def test_copy_move_and_send(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss, [{"Task": "A"}, {"Task": "B"}])
    copy = await ss.sheets.copy(sheet.id, "Copy", include=["data"])
    sent = last(emu, "POST")
    assert sent.path == f"/sheets/{sheet.id}/copy" and sent.query["include"] == "data"
    assert sent.json() == {"destinationType": "home", "newName": "Copy"}
    assert (await ss.sheets.get(copy.id)).to_records()[1]["Task"] == "B"

    workspace = await ss.workspaces.create("Archive")
    moved = await ss.sheets.move(copy.id, destination_type="workspace", destination_id=workspace.id)
    assert last(emu, "POST").json() == {
        "destinationType": "workspace",
        "destinationId": workspace.id,
    }
    assert moved.id == copy.id
    assert emu.smartsheet.state.sheets[copy.id].container == ("workspace", workspace.id)
    with pytest.raises(ConfigurationError):
        await ss.sheets.move(copy.id, destination_type="folder")

    result = await ss.sheets.send(sheet.id, ["a@example.com", 42], subject="Hi", paper_size="A4")
    assert result.result_code == 0
    assert last(emu, "POST").json() == {
        "sendTo": [{"email": "a@example.com"}, {"groupId": 42}],
        "format": "PDF",
        "formatDetails": {"paperSize": "A4"},
        "subject": "Hi",
    }
    assert emu.smartsheet.state.sent_emails[-1]["sheetId"] == sheet.id


async def test_publish_and_org_sheets(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss)
    before = await ss.sheets.get_publish(sheet.id)
    assert before.read_only_lite_enabled is False and before.read_only_lite_url is None
    after = await ss.sheets.set_publish(
        sheet.id, SheetPublish(read_only_lite_enabled=True, read_only_lite_url="ignored")
    )
    put = last(emu, "PUT")
    assert (put.path, put.json()) == (f"/sheets/{sheet.id}/publish", {"readOnlyLiteEnabled": True})
    assert after.read_only_lite_enabled and (after.read_only_lite_url or "").startswith("https://")
    org = [s.name async for s in ss.sheets.list_org()]
    assert org == ["Tasks"] and last(emu).path == "/users/sheets"


def test_regions_and_token_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMARTSHEET_ACCESS_TOKEN", "env-token-123")
    for region, url in REGIONS.items():
        assert SmartsheetClient(region=region).base_url == url
    assert SmartsheetClient().base_url == "https://api.smartsheet.com/2.0"
    assert SmartsheetClient(region="eu").base_url == "https://api.smartsheet.eu/2.0"
    assert SmartsheetClient(region="gov").base_url == "https://api.smartsheetgov.com/2.0"
    custom = SmartsheetClient(base_url="https://proxy.example.com/2.0")
    assert custom.base_url == "https://proxy.example.com/2.0"
    assert "env-token-123" not in repr(custom)
    with pytest.raises(ConfigurationError, match="region"):
        SmartsheetClient(region="mars")
    monkeypatch.delenv("SMARTSHEET_ACCESS_TOKEN")
    with pytest.raises(ConfigurationError, match="SMARTSHEET_ACCESS_TOKEN"):
        SmartsheetClient()


async def test_token_from_environment_reaches_the_server(
    emu: Emulator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SMARTSHEET_ACCESS_TOKEN", emu.smartsheet_token)
    async with SmartsheetClient(base_url=emu.smartsheet_url) as client:
        assert [s async for s in client.sheets.list()] == []
    assert last(emu).status == 200


async def test_create_in_sheets_warns_at_the_callers_line(ss: SmartsheetClient) -> None:
    # pyproject's filterwarnings hides this warning in fixtures; pytest.warns still sees it.
    with pytest.warns(
        DeprecationWarning, match=r"POST /sheets is deprecated.*create_in_workspace"
    ) as rec:
        sheet = await ss.sheets.create("Old way", TASK_COLUMNS)
    assert sheet.id and rec[0].filename == __file__
