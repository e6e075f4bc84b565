"""Emulated workspaces, folders (nested), the Home tab and templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Handler, body_json, handler, index_result, int_id, result
from .container_state import HOME, Place
from .state import ApiFailure, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService


async def _name(request: web.Request, key: str = "name") -> str:
    body = await body_json(request)
    if not isinstance(body, dict):
        raise ApiFailure(400, 1008, "Unable to parse request.")
    name = body.get(key)
    if not isinstance(name, str) or not name.strip():
        raise ApiFailure(400, 1012, f"A required object attribute is missing: {key}.")
    return name


def _destination(body: Any) -> Place:
    if not isinstance(body, dict) or not isinstance(body.get("destinationType"), str):
        raise ApiFailure(400, 1012, "A required object attribute is missing: destinationType.")
    kind = body["destinationType"].lower()
    if kind == "home":
        return HOME
    if kind not in ("folder", "workspace"):
        raise ApiFailure(
            400, 1031, f"The value {body['destinationType']} was not valid for destinationType."
        )
    if not isinstance(body.get("destinationId"), int):
        raise ApiFailure(400, 1012, "A required object attribute is missing: destinationId.")
    return (kind, body["destinationId"])


def _copies_data(request: web.Request) -> bool:
    include = set(request.query.get("include", "").split(","))
    return bool(include & {"data", "all"})


def register(service: SmartsheetService, app: web.Application) -> None:
    places = service.state.account.containers

    def folders_of(place_of: Callable[[web.Request], Place]) -> tuple[Handler, Handler]:
        """List and create the folders directly in a workspace, a folder or Home."""

        async def listing(request: web.Request) -> web.Response:
            folders = places.folders_in(place_of(request))
            return index_result(request, [places.folder_summary(f) for f in folders])

        async def create(request: web.Request) -> web.Response:
            parent = place_of(request)  # an unknown parent is 404 before a bad body is 400
            folder = places.create_folder(await _name(request), parent)
            return result(places.folder_summary(folder))

        return listing, create

    def in_workspace(request: web.Request) -> Place:
        return ("workspace", places.workspace(int_id(request, "workspace_id"))["id"])

    def in_folder(request: web.Request) -> Place:
        return ("folder", places.folder(int_id(request, "folder_id"))["id"])

    # -- workspaces ---------------------------------------------------------------------------

    async def create_workspace(request: web.Request) -> web.Response:
        workspace = places.create_workspace(await _name(request))
        return result(places.workspace_summary(workspace))

    async def update_workspace(request: web.Request) -> web.Response:
        workspace = places.workspace(int_id(request, "workspace_id"))
        workspace["name"] = await _name(request)
        workspace["modifiedAt"] = now_iso()
        return result(places.workspace_summary(workspace))

    async def delete_workspace(request: web.Request) -> web.Response:
        workspace = places.workspace(int_id(request, "workspace_id"))
        places.delete_place(("workspace", workspace["id"]))
        return result(None)

    async def copy_workspace(request: web.Request) -> web.Response:
        source = places.workspace(int_id(request, "workspace_id"))
        new_name = await _name(request, "newName")
        copied = places.copy_workspace(source["id"], new_name, with_data=_copies_data(request))
        summary = places.workspace_summary(copied)
        return result({k: summary[k] for k in ("id", "name", "accessLevel", "permalink")})

    # -- folders ------------------------------------------------------------------------------

    async def update_folder(request: web.Request) -> web.Response:
        folder = places.folder(int_id(request, "folder_id"))
        folder["name"] = await _name(request)
        return result(places.folder_summary(folder))

    async def delete_folder(request: web.Request) -> web.Response:
        folder = places.folder(int_id(request, "folder_id"))
        places.delete_place(("folder", folder["id"]))
        return result(None)

    async def copy_folder(request: web.Request) -> web.Response:
        source = places.folder(int_id(request, "folder_id"))
        body = await body_json(request)
        dest = _destination(body)
        name = body.get("newName") or source["name"]
        copied = places.copy_place(
            ("folder", source["id"]), dest, name, with_data=_copies_data(request)
        )
        return result(places.folder_summary(copied))

    async def move_folder(request: web.Request) -> web.Response:
        folder = places.folder(int_id(request, "folder_id"))
        moved = places.move_folder(folder["id"], _destination(await body_json(request)))
        return result(places.folder_summary(moved))

    # -- home and templates ----------------------------------------------------------------

    async def home_contents(request: web.Request) -> web.Response:
        body = places.contents(HOME)
        body["workspaces"] = [places.workspace_summary(w) for w in places.workspaces.values()]
        return json_response(body)

    route = app.router
    ws = "/workspaces/{workspace_id}"
    route.add_post("/workspaces", handler(service, create_workspace))
    route.add_put(ws, handler(service, update_workspace))
    route.add_delete(ws, handler(service, delete_workspace))
    route.add_post(ws + "/copy", handler(service, copy_workspace))
    for path, place_of in (
        (ws + "/folders", in_workspace),
        ("/folders/{folder_id}/folders", in_folder),
        ("/home/folders", lambda _: HOME),
    ):
        listing, create = folders_of(place_of)
        if path == "/home/folders":  # the other listings were removed (see .removed)
            route.add_get(path, handler(service, listing))
        route.add_post(path, handler(service, create))
    # /folders/personal must be registered before /folders/{folder_id}.
    route.add_get("/folders/personal", handler(service, home_contents))
    folder = "/folders/{folder_id}"
    route.add_put(folder, handler(service, update_folder))
    route.add_delete(folder, handler(service, delete_folder))
    route.add_post(folder + "/copy", handler(service, copy_folder))
    route.add_post(folder + "/move", handler(service, move_folder))
