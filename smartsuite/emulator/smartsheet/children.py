"""Emulated container reads as they are since 2026-06-03: token-paged ``GET /workspaces``
(``paginationType=token`` required: every SDK hard-codes it, Python 4.0.2 / JS 5.0.1 / C# 7.1.0),
``/metadata`` and token-paged ``/children`` of workspaces and folders (items typed by
``resourceType``), the ``/path`` of sheets, reports, dashboards and folders (added 2026-02-16),
and the deprecated ``GET /home``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Route, int_id, state_of, token_result
from .container_state import HOME, Place
from .state import ApiFailure, SmartsheetState

if TYPE_CHECKING:
    pass

_CHILD_KINDS = {"sheets", "reports", "sights", "folders", "templates"}


def child_types(request: web.Request) -> set[str]:
    raw = request.query.get("childrenResourceTypes")
    if raw is None:
        return set(_CHILD_KINDS)
    kinds = {k for k in raw.split(",") if k}
    bad = kinds - _CHILD_KINDS
    if bad:
        raise ApiFailure(
            400, 1018, f"The value {sorted(bad)[0]} was not valid for childrenResourceTypes."
        )
    if "templates" in kinds and "sheets" not in kinds:
        kinds.discard("templates")  # templates only come with sheets (py SDK 4.0.0)
    return kinds


def children_of(state: SmartsheetState, place: Place, kinds: set[str]) -> list[dict[str, Any]]:
    places = state.account.containers
    boards = state.integrations
    out: list[dict[str, Any]] = []
    if "folders" in kinds:
        for f in places.folders_in(place):
            out.append({**places.folder_summary(f), "resourceType": "folder"})
    if "sheets" in kinds:
        for s in places.sheets_in(place):
            out.append({**s.summary(), "resourceType": "sheet"})
    if "sights" in kinds:
        for b in boards.dashboards.values():
            if (b.container or HOME) == place:
                out.append({**b.summary(), "resourceType": "sight"})
    if "templates" in kinds:
        for t in places.templates:
            if t.get("place") == place:
                body = {k: v for k, v in t.items() if k != "place"}
                out.append({**body, "resourceType": "template"})
    if "reports" in kinds:
        for r in boards.reports.values():
            if getattr(r, "container", None) == place:
                out.append({**r.summary(), "resourceType": "report"})
    return out


async def list_workspaces(request: web.Request) -> web.Response:
    places = state_of(request).account.containers
    if request.query.get("paginationType") != "token":
        raise ApiFailure(400, 1018, "The value was not valid for the parameter paginationType.")
    items = [places.workspace_summary(w) for w in places.workspaces.values()]
    return token_result(request, items)


async def workspace_metadata(request: web.Request) -> web.Response:
    places = state_of(request).account.containers
    return json_response(places.workspace_summary(places.workspace(int_id(request, "ws"))))


async def folder_metadata(request: web.Request) -> web.Response:
    places = state_of(request).account.containers
    return json_response(places.folder_summary(places.folder(int_id(request, "folder"))))


async def workspace_children(request: web.Request) -> web.Response:
    state = state_of(request)
    places = state.account.containers
    workspace = places.workspace(int_id(request, "ws"))
    kinds = child_types(request)
    return token_result(request, children_of(state, ("workspace", workspace["id"]), kinds))


async def folder_children(request: web.Request) -> web.Response:
    state = state_of(request)
    places = state.account.containers
    folder = places.folder(int_id(request, "folder"))
    kinds = child_types(request)
    return token_result(request, children_of(state, ("folder", folder["id"]), kinds))


def node(state: SmartsheetState, place: Place) -> dict[str, Any]:
    places = state.account.containers
    kind, ident = place
    body = (
        places.workspace_summary(places.workspace(ident))
        if kind == "workspace"
        else places.folder_summary(places.folder(ident))
    )
    return {k: body[k] for k in ("id", "name", "permalink") if k in body} | {"accessLevel": "OWNER"}


def path_of(
    state: SmartsheetState, place: Place, leaf_key: str, leaf: dict[str, Any]
) -> dict[str, Any]:
    """Nest ``leaf`` under the folders and workspace above ``place`` (top first)."""
    places = state.account.containers
    chain: list[Place] = []
    for _ in range(10_000):
        if place == HOME:
            break
        chain.append(place)
        if place[0] == "workspace":
            break
        place = places.folders[place[1]]["place"]
    nested: dict[str, Any] | None = None
    for step in chain:  # innermost container first
        here = node(state, step)
        if nested is None:
            here[leaf_key] = [leaf]
        else:
            here["folders"] = [nested]
        nested = here
    return nested if nested is not None else {leaf_key: [leaf]}


def leaf(summary: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "name", "permalink", "accessLevel", "createdAt", "modifiedAt")
    return {k: summary[k] for k in keys if k in summary}


async def sheet_path(request: web.Request) -> web.Response:
    state = state_of(request)
    places = state.account.containers
    sheet = state.sheet(int_id(request, "sheet"))
    return json_response(
        path_of(state, places.place_of_sheet(sheet), "sheets", leaf(sheet.summary()))
    )


async def report_path(request: web.Request) -> web.Response:
    state = state_of(request)
    boards = state.integrations
    report = boards.report(int_id(request, "report"))
    place = getattr(report, "container", None) or HOME
    return json_response(path_of(state, place, "reports", leaf(report.summary())))


async def sight_path(request: web.Request) -> web.Response:
    state = state_of(request)
    boards = state.integrations
    board = boards.dashboard(int_id(request, "sight"))
    return json_response(path_of(state, board.container or HOME, "sights", leaf(board.summary())))


async def folder_path(request: web.Request) -> web.Response:
    state = state_of(request)
    places = state.account.containers
    folder = places.folder(int_id(request, "folder"))
    own = {**leaf(places.folder_summary(folder)), "accessLevel": "OWNER"}
    return json_response(path_of(state, folder["place"], "folders", own))


async def home(request: web.Request) -> web.Response:
    places = state_of(request).account.containers
    body = places.contents(HOME)
    body["workspaces"] = [places.workspace_summary(w) for w in places.workspaces.values()]
    return json_response(body)


ROUTES: tuple[Route, ...] = (
    ("GET", "/workspaces", list_workspaces),
    ("GET", "/workspaces/{ws}/metadata", workspace_metadata),
    ("GET", "/workspaces/{ws}/children", workspace_children),
    ("GET", "/folders/{folder}/metadata", folder_metadata),
    ("GET", "/folders/{folder}/children", folder_children),
    ("GET", "/folders/{folder}/path", folder_path),
    ("GET", "/sheets/{sheet}/path", sheet_path),
    ("GET", "/reports/{report}/path", report_path),
    ("GET", "/sights/{sight}/path", sight_path),
    ("GET", "/home", home),
)
