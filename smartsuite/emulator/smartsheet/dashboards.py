"""Emulated dashboards (``/sights``): list, get, rename, copy, move, delete, publish, shares."""

from __future__ import annotations

import copy
import secrets
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, int_id, result, token_result
from .state import ApiFailure, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService


def register(service: SmartsheetService, app: web.Application) -> None:
    boards = service.state.integrations
    containers = service.state.account.containers

    def destination(body: Any) -> tuple[str, int] | None:
        if not isinstance(body, dict) or not isinstance(body.get("destinationType"), str):
            raise ApiFailure(400, 1012, "A required object attribute is missing: destinationType")
        kind = body["destinationType"].lower()
        if kind == "home":
            return None
        ident = body.get("destinationId")
        if not isinstance(ident, int):
            raise ApiFailure(400, 1012, "A required object attribute is missing: destinationId")
        return containers.check_place((kind, ident))

    async def list_boards(request: web.Request) -> web.Response:
        # Token-paged since 2026-06-03 (Python SDK 4.4.0 sights.py sends maxItems/lastKey).
        return token_result(request, [b.summary() for b in boards.dashboards.values()])

    async def get_board(request: web.Request) -> web.Response:
        board = boards.dashboard(int_id(request, "sight_id"))
        body: dict[str, Any] = {**board.summary(), "columnCount": 6, "widgets": board.widgets}
        workspace = containers.workspace_of(board.container) if board.container else None
        if workspace is not None:
            body["workspace"] = {"id": workspace}
        return json_response(body)

    async def rename(request: web.Request) -> web.Response:
        board = boards.dashboard(int_id(request, "sight_id"))
        body = await body_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("name"), str) or not body["name"]:
            raise ApiFailure(400, 1012, "A required object attribute is missing: name")
        board.name = body["name"]
        board.modified_at = now_iso()
        return result(board.summary())

    async def delete(request: web.Request) -> web.Response:
        board = boards.dashboard(int_id(request, "sight_id"))
        del boards.dashboards[board.id]
        return result(None)

    async def copy_board(request: web.Request) -> web.Response:
        board = boards.dashboard(int_id(request, "sight_id"))
        body = await body_json(request)
        place = destination(body)
        name = body.get("newName") or board.name
        twin = boards.add_dashboard(str(name))
        twin.widgets = [{**copy.deepcopy(w), "id": service.state.next_id()} for w in board.widgets]
        twin.container = place
        return result(twin.summary())

    async def move(request: web.Request) -> web.Response:
        board = boards.dashboard(int_id(request, "sight_id"))
        board.container = destination(await body_json(request))
        board.modified_at = now_iso()
        return result(board.summary())

    async def get_publish(request: web.Request) -> web.Response:
        board = boards.dashboard(int_id(request, "sight_id"))
        return json_response(board.publish)

    async def set_publish(request: web.Request) -> web.Response:
        board = boards.dashboard(int_id(request, "sight_id"))
        body = await body_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("readOnlyFullEnabled"), bool):
            raise ApiFailure(
                400, 1012, "A required object attribute is missing: readOnlyFullEnabled"
            )
        who = body.get("readOnlyFullAccessibleBy", "ALL")
        if who not in ("ALL", "ORG"):
            raise ApiFailure(
                400, 1031, f"The value {who} was not valid for readOnlyFullAccessibleBy."
            )
        settings: dict[str, Any] = {"readOnlyFullEnabled": body["readOnlyFullEnabled"]}
        if body["readOnlyFullEnabled"]:
            settings["readOnlyFullAccessibleBy"] = who
            settings["readOnlyFullUrl"] = board.publish.get("readOnlyFullUrl") or (
                f"https://publish.smartsheet.com/{secrets.token_hex(16)}"
            )
        board.publish = settings
        return result(settings)

    base = "/sights/{sight_id}"
    app.router.add_get("/sights", handler(service, list_boards))
    app.router.add_get(base, handler(service, get_board))
    app.router.add_put(base, handler(service, rename))
    app.router.add_delete(base, handler(service, delete))
    app.router.add_post(base + "/copy", handler(service, copy_board))
    app.router.add_post(base + "/move", handler(service, move))
    app.router.add_get(base + "/publish", handler(service, get_publish))
    app.router.add_put(base + "/publish", handler(service, set_publish))
