"""Emulated sheet shares (``/sheets/{id}/shares``): the owner's share plus shares with users
and groups, with the documented errors (1025 exists, 1027 not found, 1028 owner's share)."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, index_result, int_id, result
from .state import CURRENT_USER, ApiFailure, SheetState, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService

LEVELS = {"VIEWER", "COMMENTER", "EDITOR", "EDITOR_SHARE", "ADMIN", "OWNER"}


def _share_id(kind: str, ident: Any) -> str:
    return base64.urlsafe_b64encode(f"{kind[0]}:{ident}".encode()).decode().rstrip("=")


def owner_share(sheet: SheetState) -> dict[str, Any]:
    return {
        "id": _share_id("user", CURRENT_USER["id"]),
        "type": "USER",
        "userId": CURRENT_USER["id"],
        "email": CURRENT_USER["email"],
        "name": CURRENT_USER["name"],
        "accessLevel": "OWNER",
        "scope": "ITEM",
        "createdAt": sheet.created_at,
        "modifiedAt": sheet.created_at,
    }


def _shown(share: dict[str, Any], api_level: int) -> dict[str, Any]:
    # Without accessApiLevel=1, COMMENTER is reported as VIEWER for older clients.
    if api_level < 1 and share.get("accessLevel") == "COMMENTER":
        return {**share, "accessLevel": "VIEWER"}
    return share


def _level(value: Any, api_level: int) -> str:
    if value not in LEVELS or value == "OWNER":
        raise ApiFailure(
            400, 1031, f"The value {value} was not valid for the attribute accessLevel."
        )
    if value == "COMMENTER" and api_level < 1:
        raise ApiFailure(400, 1031, "The value COMMENTER needs accessApiLevel=1.")
    return str(value)


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    def api_level(request: web.Request) -> int:
        raw = request.query.get("accessApiLevel", "0")
        return int(raw) if raw.isdigit() else 0

    def all_shares(sheet: SheetState) -> list[dict[str, Any]]:
        return [owner_share(sheet), *sheet.shares]

    def find(sheet: SheetState, share_id: str) -> dict[str, Any]:
        for share in all_shares(sheet):
            if share["id"] == share_id:
                return share
        raise ApiFailure(404, 1027, "Share not found.")

    def new_share(sheet: SheetState, spec: Any, level: int) -> dict[str, Any]:
        if not isinstance(spec, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: a share must be an object.")
        access = _level(spec.get("accessLevel"), level)
        stamp = now_iso()
        base = {"accessLevel": access, "scope": "ITEM", "createdAt": stamp, "modifiedAt": stamp}
        if isinstance(spec.get("groupId"), int):
            return {
                "id": _share_id("group", spec["groupId"]),
                "type": "GROUP",
                "groupId": spec["groupId"],
                **base,
            }
        email = spec.get("email")
        if isinstance(email, str) and "@" in email:
            user_id = spec.get("userId") if isinstance(spec.get("userId"), int) else None
            share = {"id": _share_id("user", email.lower()), "type": "USER", "email": email, **base}
            if user_id is not None:
                share["userId"] = user_id
            return share
        if isinstance(spec.get("userId"), int):
            return {
                "id": _share_id("user", spec["userId"]),
                "type": "USER",
                "userId": spec["userId"],
                **base,
            }
        raise ApiFailure(
            400, 1012, "A required object attribute is missing: email, userId or groupId"
        )

    async def list_shares(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        level = api_level(request)
        scope = request.query.get("sharingInclude")
        shares = [_shown(s, level) for s in all_shares(sheet) if scope in (None, "", s["scope"])]
        return index_result(request, shares)

    async def create_shares(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        body = await body_json(request)
        level = api_level(request)
        specs = body if isinstance(body, list) else [body]
        created = [new_share(sheet, spec, level) for spec in specs]
        existing = {s["id"] for s in all_shares(sheet)}
        ids = [s["id"] for s in created]
        if existing & set(ids) or len(set(ids)) != len(ids):
            raise ApiFailure(400, 1025, "The share already exists.")
        sheet.shares.extend(created)
        sheet.touch()
        shown = [_shown(s, level) for s in created]
        return result(shown if isinstance(body, list) else shown[0], version=sheet.version)

    async def get_share(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        share = find(sheet, request.match_info["share_id"])
        return json_response(_shown(share, api_level(request)))

    async def update_share(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        share = find(sheet, request.match_info["share_id"])
        if share["accessLevel"] == "OWNER":
            raise ApiFailure(400, 1028, "You cannot edit the share of the owner.")
        body = await body_json(request)
        if not isinstance(body, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
        level = api_level(request)
        share["accessLevel"] = _level(body.get("accessLevel"), level)
        share["modifiedAt"] = now_iso()
        sheet.touch()
        return result(_shown(share, level), version=sheet.version)

    async def delete_share(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        share = find(sheet, request.match_info["share_id"])
        if share["accessLevel"] == "OWNER":
            raise ApiFailure(400, 1028, "You cannot edit the share of the owner.")
        sheet.shares = [s for s in sheet.shares if s["id"] != share["id"]]
        sheet.touch()
        return result(None, version=sheet.version)

    base = "/sheets/{sheet_id}/shares"
    app.router.add_get(base, handler(service, list_shares))
    app.router.add_post(base, handler(service, create_shares))
    app.router.add_get(base + "/{share_id}", handler(service, get_share))
    app.router.add_put(base + "/{share_id}", handler(service, update_share))
    app.router.add_delete(base + "/{share_id}", handler(service, delete_share))
