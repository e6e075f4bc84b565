"""Emulated automation rule routes: list, get, update and delete the rules a sheet is seeded
with (the API cannot create rules; multistep workflows answer 1266)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Handler, body_json, handler, index_result, int_id, result
from .attachments import ok
from .collab_state import EMULATOR_USER, public
from .state import ApiFailure, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService

_EDITABLE = ("name", "enabled")


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state
    collab = state.collab

    async def list_rules(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        rules = [public(r) for r in collab.rules_of(sheet.id).values() if not r.get("_multistep")]
        return index_result(request, rules)

    async def get_rule(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        return json_response(public(collab.rule(sheet.id, int_id(request, "rule_id"))))

    async def update_rule(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        rule = collab.rule(sheet.id, int_id(request, "rule_id"))
        body = await body_json(request)
        action: Any = body.get("action") if isinstance(body, dict) else None
        if not isinstance(action, dict) or not isinstance(action.get("type"), str):
            raise ApiFailure(400, 1012, "A required object attribute is missing: action.type")
        if action["type"] != rule["action"]["type"]:
            raise ApiFailure(400, 1220, "Automation action type cannot be changed.")
        for key in _EDITABLE:
            if key in body:
                rule[key] = body[key]
        rule["action"] = {**rule["action"], **action}
        if rule.get("enabled"):
            rule.pop("disabledReason", None)
            rule.pop("disabledReasonText", None)
        rule["modifiedAt"] = now_iso()
        rule["modifiedBy"] = dict(EMULATOR_USER)
        return result(public(rule))

    async def delete_rule(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        rule = collab.rule(sheet.id, int_id(request, "rule_id"))
        del collab.rules_of(sheet.id)[rule["id"]]
        return ok()

    def wrap(fn: Handler) -> Handler:
        return handler(service, fn)

    path = "/sheets/{sheet_id}/automationrules"
    app.router.add_get(path, wrap(list_rules))
    app.router.add_get(path + "/{rule_id}", wrap(get_rule))
    app.router.add_put(path + "/{rule_id}", wrap(update_rule))
    app.router.add_delete(path + "/{rule_id}", wrap(delete_rule))
