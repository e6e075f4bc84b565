"""ss.summary, ss.sharing (sheet shares) and ss.cross_sheet_references over HTTP."""

# ruff: noqa: F811  (pytest fixtures imported from sheet_helpers)

from __future__ import annotations

import pytest

from smartsuite import BadRequestError, ConfigurationError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient, SummaryField

from .share_helpers import exercise_share_shims
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
    """The sheet share methods are shims over /shares (assetType=sheet)."""
    sheet = await task_sheet(ss)
    group = await ss.groups.create("Editors")
    await exercise_share_shims(ss, emu, "sheet", sheet.id or 0, "sheet", group.id or 0)


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
