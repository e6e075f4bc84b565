"""Emulated favorites (``/favorites``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Route, body_json, index_result, query_ids, result, state_of
from .state import ApiFailure, SmartsheetState

if TYPE_CHECKING:
    pass

FAVORITE_TYPES = ("folder", "report", "sheet", "sight", "template", "workspace")


_ONE = "/favorites/{favorite_type}/{favorite_id}"


def kind_of(request: web.Request) -> str:
    kind = request.match_info["favorite_type"]
    if kind not in FAVORITE_TYPES:
        raise ApiFailure(400, 1018, f"The value {kind} was not valid for the parameter type.")
    return kind


def name_of(state: SmartsheetState, kind: str, ident: int) -> str | None:
    """The object's name, or None when the emulator does not hold it."""
    places = state.account.containers
    if kind == "sheet" and ident in state.sheets:
        return state.sheets[ident].name
    if kind == "folder" and ident in places.folders:
        return str(places.folders[ident]["name"])
    if kind == "workspace" and ident in places.workspaces:
        return str(places.workspaces[ident]["name"])
    if kind == "template":
        for template in (*places.templates, *places.public_templates):
            if template["id"] == ident:
                return str(template["name"])
    return None


def validate(state: SmartsheetState, spec: Any) -> dict[str, Any]:
    if not isinstance(spec, dict) or not isinstance(spec.get("objectId"), int):
        raise ApiFailure(400, 1012, "A required object attribute is missing: objectId.")
    kind = spec.get("type")
    if kind not in FAVORITE_TYPES:
        raise ApiFailure(400, 1031, f"The value {kind} was not valid for the attribute type.")
    # Reports and dashboards live in other modules' state; only check what we hold.
    if (
        kind in ("sheet", "folder", "workspace", "template")
        and name_of(state, kind, spec["objectId"]) is None
    ):
        raise ApiFailure(404, 1006, f"Not Found: {kind} {spec['objectId']}")
    return {"type": kind, "objectId": spec["objectId"]}


async def list_favorites(request: web.Request) -> web.Response:
    state = state_of(request)
    account = state.account
    items = account.favorites
    if "name" in request.query.get("include", "").split(","):
        items = [{**f, "name": name_of(state, f["type"], f["objectId"])} for f in items]
    return index_result(request, items)


async def add_favorites(request: web.Request) -> web.Response:
    # An optional bulk operation (seed 000 "Optional Bulk Operations"): a single favorite
    # that exists fails (1129); in an array, existing ones are ignored and omitted.
    state = state_of(request)
    account = state.account
    body = await body_json(request)
    specs = [validate(state, s) for s in (body if isinstance(body, list) else [body])]
    added: list[dict[str, Any]] = []
    for spec in specs:
        if spec not in account.favorites and spec not in added:
            added.append(spec)
    if not isinstance(body, list) and not added:
        raise ApiFailure(400, 1129, "The resource you tried to create already exists.")
    account.favorites.extend(added)
    return result(added if isinstance(body, list) else added[0])


async def is_favorite(request: web.Request) -> web.Response:
    account = state_of(request).account
    kind = kind_of(request)
    ident = favorite_id(request)
    wanted = {"type": kind, "objectId": ident}
    if wanted not in account.favorites:
        raise ApiFailure(404, 1006, f"Not Found: {kind} {ident} is not a favorite")
    return json_response(wanted)


async def delete_by_type(request: web.Request) -> web.Response:
    account = state_of(request).account
    kind = kind_of(request)
    ids = query_ids(request, "objectIds")
    if not ids:
        raise ApiFailure(400, 1009, "A required parameter is missing from your request: objectIds.")
    doomed = {(kind, i) for i in ids}
    account.favorites[:] = [
        f for f in account.favorites if (f["type"], f["objectId"]) not in doomed
    ]
    return result(None)


async def delete_one(request: web.Request) -> web.Response:
    account = state_of(request).account
    kind = kind_of(request)
    wanted = {"type": kind, "objectId": favorite_id(request)}
    if wanted not in account.favorites:
        raise ApiFailure(404, 1006, "Not Found")
    account.favorites.remove(wanted)
    return result(None)


def favorite_id(request: web.Request) -> int:
    raw = request.match_info["favorite_id"]
    if not raw.isdigit():
        raise ApiFailure(404, 1006, "Not Found")
    return int(raw)


ROUTES: tuple[Route, ...] = (
    ("GET", "/favorites", list_favorites),
    ("POST", "/favorites", add_favorites),
    ("DELETE", "/favorites/{favorite_type}", delete_by_type),
    ("GET", _ONE, is_favorite),
    ("DELETE", _ONE, delete_one),
)
