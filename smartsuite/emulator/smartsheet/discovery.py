"""Emulated search over names and cell text, the event stream and server info.

Events are recorded from the writes the emulator answers successfully (any module's), by
an ``on_response_prepare`` hook, so the feed reflects what clients actually did.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import handler, int_id
from .account_state import decode_position, encode_position
from .server_constants import FORMAT_TABLES, SUPPORTED_LOCALES
from .state import ApiFailure, SheetState

if TYPE_CHECKING:
    from .service import SmartsheetService

#: Search answers at most this many hits (totalCount says how many matched).
MAX_SEARCH_RESULTS = 100
DEFAULT_EVENTS = 1000
MAX_EVENTS = 10_000

_OBJECT_TYPES = {
    "sheets": "SHEET",
    "workspaces": "WORKSPACE",
    "folders": "FOLDER",
    "home": "FOLDER",
    "users": "USER",
    "groups": "GROUP",
    "reports": "REPORT",
    "sights": "DASHBOARD",
}
_SUB_OBJECTS = {"attachments": "ATTACHMENT", "discussions": "DISCUSSION", "comments": "COMMENT"}
_SUB_ACTIONS = {
    ("copy", "POST"): "SAVE_AS_NEW",
    ("move", "POST"): "MOVE",
    ("shares", "POST"): "ADD_SHARE",
    ("shares", "PUT"): "UPDATE_SHARE",
    ("shares", "DELETE"): "REMOVE_SHARE",
    ("members", "POST"): "ADD_MEMBER",
    ("members", "DELETE"): "REMOVE_MEMBER",
    ("deactivate", "POST"): "DEACTIVATE",
    ("reactivate", "POST"): "ACTIVATE",
}


class Matcher:
    """Smartsheet search semantics: a quoted query is an exact phrase, otherwise every word
    must occur; both case-insensitive."""

    def __init__(self, query: str) -> None:
        text = query.strip()
        if len(text) >= 2 and text[0] == text[-1] == '"':
            self.terms = [text[1:-1].lower()]
        else:
            self.terms = [t.lower() for t in text.split()]
        if not any(self.terms):
            raise ApiFailure(400, 1009, "A required parameter is missing from your request: query.")

    def __call__(self, text: Any) -> bool:
        if text is None or isinstance(text, bool):
            return False
        folded = str(text).lower()
        return all(term in folded for term in self.terms)


def _cell_text(cell: dict[str, Any]) -> Any:
    return cell.get("displayValue", cell.get("value"))


def _row_hits(sheet: SheetState, match: Matcher, favorite: bool | None) -> list[dict[str, Any]]:
    primary = next((c["id"] for c in sheet.columns if c.get("primary")), None)
    hits = []
    for row in sheet.rows:
        cells = row.get("cells", [])
        context = (
            next((_cell_text(c) for c in cells if c.get("columnId") == primary), None)
            or f"Row {row.get('rowNumber', '')}".strip()
        )
        for cell in cells:
            text = _cell_text(cell)
            if match(text):
                hit = {
                    "objectId": row["id"],
                    "objectType": "row",
                    "text": str(text),
                    "contextData": [str(context)],
                    "parentObjectId": sheet.id,
                    "parentObjectName": sheet.name,
                    "parentObjectType": "sheet",
                }
                if favorite is not None:
                    hit["parentObjectFavorite"] = favorite
                hits.append(hit)
                break  # one hit per row, as the app shows it
    return hits


def _search_body(hits: list[dict[str, Any]]) -> dict[str, Any]:
    return {"results": hits[:MAX_SEARCH_RESULTS], "totalCount": len(hits)}


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state
    account = state.account
    places = account.containers

    async def search_everything(request: web.Request) -> web.Response:
        match = Matcher(request.query.get("query", ""))
        scopes = {s for s in request.query.get("scopes", "").split(",") if s}
        flags = "favoriteFlag" in request.query.get("include", "").split(",")
        since = request.query.get("modifiedSince")

        def wants(scope: str) -> bool:
            return not scopes or scope in scopes

        def named(kind: str, ident: int, name: str) -> dict[str, Any]:
            hit: dict[str, Any] = {"objectId": ident, "objectType": kind, "text": name}
            if flags:
                hit["favorite"] = places.is_favorite(kind, ident)
            return hit

        hits: list[dict[str, Any]] = []
        sheets = [s for s in state.sheets.values() if since is None or s.modified_at >= since]
        for sheet in sheets:
            if wants("sheetNames") and match(sheet.name):
                hits.append(named("sheet", sheet.id, sheet.name))
        if wants("cellData"):
            for sheet in sheets:
                flag = places.is_favorite("sheet", sheet.id) if flags else None
                hits.extend(_row_hits(sheet, match, flag))
        if wants("folderNames"):
            hits.extend(
                named("folder", f["id"], f["name"])
                for f in places.folders.values()
                if match(f["name"])
            )
        if wants("workspaceNames"):
            hits.extend(
                named("workspace", w["id"], w["name"])
                for w in places.workspaces.values()
                if match(w["name"])
            )
        if wants("templateNames"):
            hits.extend(
                named("template", t["id"], t["name"]) for t in places.templates if match(t["name"])
            )
        return json_response(_search_body(hits))

    async def search_sheet(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        match = Matcher(request.query.get("query", ""))
        return json_response(_search_body(_row_hits(sheet, match, None)))

    async def list_events(request: web.Request) -> web.Response:
        query = request.query
        since, position = query.get("since"), query.get("streamPosition")
        if (since is None) == (position is None):
            raise ApiFailure(
                400, 1018, "You must pass in a value for either since or streamPosition."
            )
        try:
            count = int(query.get("maxCount", DEFAULT_EVENTS))
        except ValueError:
            count = 0
        if not 1 <= count <= MAX_EVENTS:
            raise ApiFailure(
                400, 1018, f"The value {query.get('maxCount')} was not valid for maxCount."
            )
        numeric = query.get("numericDates", "").lower() == "true"
        events = account.events
        if position is not None:
            start = min(max(decode_position(position) - account.events_dropped, 0), len(events))
        else:
            floor = _hour_floor(since or "", numeric)
            start = next(
                (i for i, e in enumerate(events) if e["eventTimeStamp"] >= floor), len(events)
            )
        end = min(start + count, len(events))
        page = events[start:end]
        if numeric:
            page = [{**e, "eventTimeStamp": _millis(e["eventTimeStamp"])} for e in page]
        return json_response(
            {
                "nextStreamPosition": encode_position(account.events_dropped + end),
                "moreAvailable": end < len(events),
                "data": page,
            }
        )

    async def server_info(request: web.Request) -> web.Response:
        return json_response({"formats": FORMAT_TABLES, "supportedLocales": SUPPORTED_LOCALES})

    async def record(request: web.Request, response: web.StreamResponse) -> None:
        if request.method in ("GET", "HEAD", "OPTIONS") or response.status != 200:
            return
        path = request.path[len(service.prefix) :]
        parts = [p for p in path.split("/") if p]
        if not parts or parts[0] not in _OBJECT_TYPES:
            return
        _record(account, request.method, parts, response)

    app.on_response_prepare.append(record)
    app.router.add_get("/search", handler(service, search_everything))
    app.router.add_get("/search/sheets/{sheet_id}", handler(service, search_sheet))
    app.router.add_get("/events", handler(service, list_events))
    app.router.add_get("/serverinfo", handler(service, server_info))


def _record(account: Any, method: str, parts: list[str], response: web.StreamResponse) -> None:
    object_type = _OBJECT_TYPES[parts[0]]
    object_id: Any = parts[1] if len(parts) > 1 else None
    creates = method == "POST" and (len(parts) == 1 or parts[-1] in ("folders", "sheets"))
    if len(parts) == 1 or parts[0] == "home":
        action = "CREATE" if method == "POST" else method
    elif len(parts) == 2:
        action = {"PUT": "UPDATE", "DELETE": "DELETE"}.get(method, method)
    elif parts[2] in _SUB_OBJECTS and method != "PUT":
        object_type = _SUB_OBJECTS[parts[2]]
        object_id = parts[3] if len(parts) > 3 else None
        action = "CREATE" if method == "POST" else "DELETE"
        creates = method == "POST" and len(parts) == 3
    elif parts[-1] in ("folders", "sheets") and method == "POST":
        object_type = "FOLDER" if parts[-1] == "folders" else "SHEET"
        action = "CREATE"
    else:
        action = _SUB_ACTIONS.get((parts[2], method), "UPDATE")
    if object_type == "USER" and action in ("CREATE", "DELETE"):
        action = "ADD_TO_ACCOUNT" if action == "CREATE" else "REMOVE_FROM_ACCOUNT"
    details: dict[str, Any] = {}
    if creates and isinstance(response, web.Response) and response.body:
        try:
            payload = json.loads(bytes(response.body)).get("result")  # type: ignore[arg-type]
        except (ValueError, AttributeError):
            payload = None
        if isinstance(payload, list) and len(payload) == 1:
            payload = payload[0]
        if isinstance(payload, dict):
            object_id = payload.get("id", object_id)
            if payload.get("name") is not None:
                details["name"] = payload["name"]
    account.record_event(object_type, action, object_id, details)


def _hour_floor(since: str, numeric: bool) -> str:
    try:
        if numeric:
            moment = dt.datetime.fromtimestamp(int(since) / 1000, tz=dt.UTC)
        else:
            moment = dt.datetime.fromisoformat(since.replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        raise ApiFailure(
            400, 1018, f"The value {since} was not valid for the parameter since."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    # The API's resolution for since is the hour.
    moment = moment.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


def _millis(stamp: str) -> int:
    return int(dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp() * 1000)
