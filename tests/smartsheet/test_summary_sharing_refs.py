"""ss.summary, ss.sharing (sheet shares) and ss.cross_sheet_references over HTTP."""

# ruff: noqa: F811  (pytest fixtures imported from sheet_helpers)

from __future__ import annotations

import pytest

from smartsuite import BadRequestError, ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Share, SmartsheetClient, SummaryField

from .sheet_helpers import emu, last, ss, task_sheet  # noqa: F401

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + (3).to_bytes(4, "big") + (4).to_bytes(4, "big")


async def test_summary_fields(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss)
    added = await ss.summary.add(
        sheet.id,
        [
            SummaryField(title="Owner", object_value="Ops"),
            {"title": "Budget", "type": "TEXT_NUMBER"},
        ],
    )
    post = last(emu, "POST")
    assert post.path == f"/sheets/{sheet.id}/summary/fields"
    assert post.json() == [
        {"title": "Owner", "objectValue": "Ops"},
        {"title": "Budget", "type": "TEXT_NUMBER"},
    ]
    owner, budget = added
    assert owner.id and owner.display_value == "Ops" and budget.type == "TEXT_NUMBER"

    dup = await ss.summary.add(sheet.id, SummaryField(title="Owner"), rename_if_conflict=True)
    assert last(emu, "POST").query == {"renameIfConflict": "true"} and dup[0].title == "Owner1"
    with pytest.raises(BadRequestError):
        await ss.summary.add(sheet.id, SummaryField(title="Owner"))

    changed = await ss.summary.update(sheet.id, [SummaryField(id=budget.id, object_value=1200)])
    assert last(emu, "PUT").json() == [{"id": budget.id, "objectValue": 1200}]
    assert changed[0].display_value == "1200"

    summary = await ss.summary.get(sheet.id, exclude=["displayValue"])
    assert last(emu).query == {"exclude": "displayValue"}
    assert [f.title for f in summary.fields or []] == ["Owner", "Budget", "Owner1"]
    assert summary.field("Budget").display_value is None
    assert [f.title async for f in ss.summary.list(sheet.id, page_size=2)] == [
        "Owner",
        "Budget",
        "Owner1",
    ]
    assert (await ss.sheets.get(sheet.id)).has_summary_fields is True

    result = await ss.summary.add_image(sheet.id, owner.id, PNG, filename="o.png", alt_text="O")
    assert last(emu, "POST").path == f"/sheets/{sheet.id}/summary/fields/{owner.id}/images"
    assert result.result["image"]["width"] == 3

    deleted = await ss.summary.delete(
        sheet.id, [dup[0].id, 777], ignore_summary_fields_not_found=True
    )
    assert last(emu, "DELETE").query == {
        "ids": f"{dup[0].id},777",
        "ignoreSummaryFieldsNotFound": "true",
    }
    assert deleted == [dup[0].id]
    with pytest.raises(ConfigurationError):
        await ss.summary.update(sheet.id, SummaryField(title="no id"))


async def test_sheet_shares(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss)
    created = await ss.sharing.share_sheet(
        sheet.id,
        [
            Share(email="a@example.com", access_level="EDITOR"),
            {"groupId": 5, "accessLevel": "VIEWER"},
        ],
        send_email=True,
    )
    post = last(emu, "POST")
    assert post.path == f"/sheets/{sheet.id}/shares" and post.query == {"sendEmail": "true"}
    assert post.json() == [
        {"email": "a@example.com", "accessLevel": "EDITOR"},
        {"groupId": 5, "accessLevel": "VIEWER"},
    ]
    user, group = created
    assert (user.type, group.type, user.scope) == ("USER", "GROUP", "ITEM")

    listed = {
        s.email or s.group_id: s.access_level async for s in ss.sharing.list_sheet_shares(sheet.id)
    }
    assert listed == {"owner@emulator.example": "OWNER", "a@example.com": "EDITOR", 5: "VIEWER"}
    got = await ss.sharing.get_sheet_share(sheet.id, user.id or "", access_api_level=1)
    assert last(emu).query == {"accessApiLevel": "1"} and got.email == "a@example.com"

    updated = await ss.sharing.update_sheet_share(
        sheet.id, user.id or "", "COMMENTER", access_api_level=1
    )
    assert (
        last(emu, "PUT").json() == {"accessLevel": "COMMENTER"}
        and updated.access_level == "COMMENTER"
    )
    assert (await ss.sharing.get_sheet_share(sheet.id, user.id or "")).access_level == "VIEWER"

    with pytest.raises(BadRequestError) as err:
        await ss.sharing.share_sheet(sheet.id, {"email": "a@example.com", "accessLevel": "VIEWER"})
    assert err.value.code == 1025
    await ss.sharing.delete_sheet_share(sheet.id, user.id or "")
    with pytest.raises(NotFoundError) as missing:
        await ss.sharing.get_sheet_share(sheet.id, user.id or "")
    assert missing.value.code == 1027
    with pytest.raises(ConfigurationError, match="needs an email"):
        await ss.sharing.share_sheet(sheet.id, {"accessLevel": "VIEWER"})


async def test_cross_sheet_references(ss: SmartsheetClient, emu: Emulator) -> None:
    source = await task_sheet(ss, [{"Task": "a"}, {"Task": "b"}])
    target = await task_sheet(ss)
    task, status = source.column("Task").id, source.column("Status").id
    ref = await ss.cross_sheet_references.create(
        target.id, "Tasks", source.id, start_column_id=task, end_column_id=status
    )
    post = last(emu, "POST")
    assert post.path == f"/sheets/{target.id}/crosssheetreferences"
    assert post.json() == {
        "name": "Tasks",
        "sourceSheetId": source.id,
        "startColumnId": task,
        "endColumnId": status,
    }
    assert ref.id and ref.status == "OK"
    assert (await ss.cross_sheet_references.get(target.id, ref.id)).name == "Tasks"
    assert [r.id async for r in ss.cross_sheet_references.list(target.id)] == [ref.id]
    with_refs = await ss.sheets.get(target.id, include=["crossSheetReferences"])
    assert (
        with_refs.cross_sheet_references and with_refs.cross_sheet_references[0]["name"] == "Tasks"
    )
    with pytest.raises(BadRequestError) as err:
        await ss.cross_sheet_references.create(
            target.id, "Bad", source.id, start_row_id=1, end_row_id=2
        )
    assert err.value.code == 1034
    with pytest.raises(ConfigurationError):
        await ss.cross_sheet_references.create(target.id, "Half", source.id, start_row_id=1)
