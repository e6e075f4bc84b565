"""Emulated data classification (JavaScript SDK ``lib/governance/types.ts``: settings by
``planId`` or ``assetType``+``assetId``; ``lib/sheets/dataclassification.ts``: PUT a label name on
a sheet). The emulated plan publishes two labels; an unknown label is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, int_id, result
from .plans import PLAN_ID
from .state import ApiFailure

if TYPE_CHECKING:
    from .service import SmartsheetService

SETTINGS: dict[str, Any] = {
    "orgId": 9_000_000_000_000_001,
    "planId": PLAN_ID,
    "isDisabled": False,
    "allowManualChange": True,
    "labels": [
        {
            "id": "lbl-public",
            "name": "Public",
            "color": "#2E7D32",
            "sensitivityOrder": 1,
            "isDefault": True,
        },
        {
            "id": "lbl-confidential",
            "name": "Confidential",
            "color": "#C62828",
            "sensitivityOrder": 2,
            "isDefault": False,
        },
    ],
    "downgradeApprovalSettings": {"mode": "NONE"},
}


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    async def settings(request: web.Request) -> web.Response:
        plan = request.query.get("planId")
        kind, asset = request.query.get("assetType"), request.query.get("assetId")
        if plan is not None:
            if plan != str(PLAN_ID):
                raise ApiFailure(404, 1006, "Not Found: no such plan.")
        elif kind in ("sheet", "report", "sight") and asset and asset.isdigit():
            if kind == "sheet":
                state.sheet(int(asset))
            elif kind == "report":
                state.integrations.report(int(asset))
            else:
                state.integrations.dashboard(int(asset))
        else:
            raise ApiFailure(400, 1012, "Give planId, or assetType and assetId.")
        return json_response(SETTINGS)

    async def set_label(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        body = await body_json(request)
        label = body.get("dataClassification") if isinstance(body, dict) else None
        if label not in {entry["name"] for entry in SETTINGS["labels"]}:
            raise ApiFailure(400, 1031, f"The value {label} was not valid for dataClassification.")
        sheet.extra["dataClassification"] = label
        return result(None)

    app.router.add_get("/governance/data-classification/settings", handler(service, settings))
    app.router.add_put("/sheets/{sheet_id}/dataclassification", handler(service, set_label))
