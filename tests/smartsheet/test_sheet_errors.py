"""The emulator's documented row and cell errors, sent raw (the client would refuse some of
these locally first): 1036, 1037, 1041, 1042, 1062, 1064, 1123, 1130, 1131 and 1006."""

# ruff: noqa: F811  (pytest fixtures imported from sheet_helpers)

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient

from .sheet_helpers import emu, ss, task_sheet  # noqa: F401


async def raw(emu: Emulator, method: str, path: str, body: Any) -> tuple[int, dict[str, Any]]:
    headers = {"Authorization": f"Bearer {emu.smartsheet_token}"}
    async with (
        aiohttp.ClientSession() as session,
        session.request(method, emu.smartsheet_url + path, json=body, headers=headers) as resp,
    ):
        return resp.status, await resp.json()


@pytest.mark.parametrize(
    ("cells", "code"),
    [
        ([{"columnId": 1, "value": "x"}], 1036),
        ([{"columnId": "TASK", "value": "a"}, {"columnId": "TASK", "value": "b"}], 1037),
        ([{"columnId": "TASK", "value": "x" * 4001}], 1041),
        ([{"columnId": "DONE", "value": "maybe"}], 1042),
        (
            [{"columnId": "TAGS", "value": "a", "objectValue": {"objectType": "MULTI_PICKLIST"}}],
            1130,
        ),
        (
            [{"columnId": "TASK", "objectValue": {"objectType": "MULTI_PICKLIST", "values": []}}],
            1131,
        ),
    ],
)
async def test_cell_errors(
    ss: SmartsheetClient, emu: Emulator, cells: list[dict[str, Any]], code: int
) -> None:
    sheet = await task_sheet(ss)
    ids = {
        "TASK": sheet.column("Task").id,
        "DONE": sheet.column("Done").id,
        "TAGS": sheet.column("Tags").id,
    }
    for cell in cells:
        cell["columnId"] = ids.get(cell["columnId"], cell["columnId"])
    status, body = await raw(emu, "POST", f"/sheets/{sheet.id}/rows", [{"cells": cells}])
    assert (status, body["errorCode"]) == (400, code)
    assert body["refId"] and body["message"]


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        ([{"toTop": True, "toBottom": True, "cells": []}], 1062),
        ([{"siblingId": 42, "cells": []}], 1064),
        ([{"toTop": True, "cells": []}, {"cells": []}], 1123),
    ],
)
async def test_location_errors(
    ss: SmartsheetClient, emu: Emulator, rows: list[dict[str, Any]], code: int
) -> None:
    sheet = await task_sheet(ss)
    status, body = await raw(emu, "POST", f"/sheets/{sheet.id}/rows", rows)
    assert (status, body["errorCode"]) == (400, code)


async def test_more_than_500_rows_is_refused(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss)
    status, body = await raw(emu, "POST", f"/sheets/{sheet.id}/rows", [{"cells": []}] * 501)
    assert (status, body["errorCode"]) == (400, 1061)
    status, body = await raw(emu, "GET", "/sheets/1", None)
    assert (status, body["errorCode"]) == (404, 1006)
