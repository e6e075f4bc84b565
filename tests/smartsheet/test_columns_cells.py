"""ss.columns and ss.cells over HTTP: column CRUD with its errors; cell history (values,
formulas kept as text); images in cells and their URLs."""

# ruff: noqa: F811  (pytest fixtures imported from sheet_helpers)

from __future__ import annotations

import pytest

from smartsuite import BadRequestError, ConfigurationError, LimitExceededError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Cell, Column, Row, SmartsheetClient

from .sheet_helpers import emu, last, ss, task_sheet  # noqa: F401

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + (7).to_bytes(4, "big") + (5).to_bytes(4, "big")


async def test_column_crud(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss)
    added = await ss.columns.add(
        sheet.id,
        [
            Column(title="Due", type="DATE", index=1),
            {"title": "Cost", "type": "TEXT_NUMBER", "index": 1},
        ],
    )
    post = last(emu, "POST")
    assert post.path == f"/sheets/{sheet.id}/columns"
    assert post.json()[0] == {"title": "Due", "type": "DATE", "index": 1}
    assert [c.title for c in added] == ["Due", "Cost"] and added[0].id

    listed = [c.title async for c in ss.columns.list(sheet.id, level=2)]
    assert listed[:3] == ["Task", "Due", "Cost"] and last(emu).query["level"] == "2"
    one = await ss.columns.get(sheet.id, added[0].id)
    assert (one.title, one.type, one.index) == ("Due", "DATE", 1)

    renamed = await ss.columns.update(sheet.id, added[1].id, Column(title="Price", index=0, id=99))
    assert last(emu, "PUT").json() == {"title": "Price", "index": 0}
    assert renamed.title == "Price" and renamed.index == 0

    await ss.columns.delete(sheet.id, added[0].id)
    assert last(emu, "DELETE").path == f"/sheets/{sheet.id}/columns/{added[0].id}"
    with pytest.raises(NotFoundError):
        await ss.columns.get(sheet.id, added[0].id)
    with pytest.raises(BadRequestError) as err:
        await ss.columns.delete(sheet.id, sheet.column("Task").id)
    assert err.value.code == 1065
    with pytest.raises(BadRequestError) as err:
        await ss.columns.add(sheet.id, Column(title="Status", type="TEXT_NUMBER", index=0))
    assert err.value.code == 1056
    with pytest.raises(ConfigurationError, match="index"):
        await ss.columns.add(sheet.id, Column(title="NoIndex", type="TEXT_NUMBER"))


async def test_cell_history_records_every_change(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss, [{"Task": "v1"}])
    row = (sheet.rows or [])[0]
    task = sheet.column("Task").id
    assert task is not None and row.id is not None
    await ss.rows.update(sheet.id, [{"id": row.id, "Task": "v2"}])
    await ss.rows.update(
        sheet.id, [Row(id=row.id, cells=[Cell(column_id=task, formula='=UPPER("v3")')])]
    )
    await ss.rows.update(
        sheet.id, [{"id": row.id, "Task": "v2", "Status": "Open"}]
    )  # back to a value
    history = await ss.cells.history(sheet.id, row.id, task, include=["columnType"]).to_list()
    get = last(emu, "GET")
    assert get.path == f"/sheets/{sheet.id}/rows/{row.id}/columns/{task}/history"
    assert get.query["include"] == "columnType"
    assert [(h.value, h.formula) for h in history] == [
        ("v2", None),
        (None, '=UPPER("v3")'),
        ("v2", None),
        ("v1", None),
    ]
    assert history[0].column_type == "TEXT_NUMBER" and history[0].modified_by
    stored = await ss.rows.get(sheet.id, row.id)
    assert stored.cell(task) is not None


async def test_images_in_cells(ss: SmartsheetClient, emu: Emulator, tmp_path: object) -> None:
    sheet = await task_sheet(ss, [{"Task": "pic"}])
    row = (sheet.rows or [])[0]
    task = sheet.column("Task").id
    assert task is not None and row.id is not None
    updated = await ss.cells.add_image(
        sheet.id, row.id, task, PNG, filename="logo.png", alt_text="Logo"
    )
    post = last(emu, "POST")
    assert post.path == f"/sheets/{sheet.id}/rows/{row.id}/columns/{task}/cellimages"
    assert post.query == {"altText": "Logo"} and post.body == PNG
    image = (updated.cell(task) or Cell()).image or {}
    assert image["altText"] == "Logo" and (image["width"], image["height"]) == (7, 5)

    urls = await ss.cells.image_urls([image["id"], "missing"], width=50)
    assert last(emu, "POST").json() == [
        {"imageId": image["id"], "width": 50},
        {"imageId": "missing", "width": 50},
    ]
    assert urls.url_expires_in_millis and urls.image_urls
    good, bad = urls.image_urls
    assert good.url and good.width == 50 and bad.error and bad.error["errorCode"] == 1006

    with pytest.raises(LimitExceededError):
        await ss.cells.add_image(sheet.id, row.id, task, PNG, filename="x.png", alt_text="x" * 101)
    with pytest.raises(ConfigurationError, match="filename"):
        await ss.cells.add_image(sheet.id, row.id, task, PNG)
