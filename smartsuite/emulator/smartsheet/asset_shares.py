"""Emulated asset shares (``/shares?assetType=&assetId=``), the API that replaced the
per-object share endpoints on 2026-06-03 (Python SDK 4.4.0 ``sharing.py``; JavaScript SDK
``lib/sharing/index.ts``). Lists are token-paged under ``items``; ids, ``userId`` and
``groupId`` are strings (Python SDK 3.5.3); updates are PATCH and answer the share itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, result, token_result
from .object_shares import _level, _new_share
from .state import ApiFailure, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService

#: Kinds the emulator holds; ``collection`` and ``file`` exist in the SDK enum only.
_KINDS = ("sheet", "report", "sight", "workspace", "collection", "file")


def _wire(share: dict[str, Any]) -> dict[str, Any]:
    out = dict(share)
    for key in ("userId", "groupId"):
        if out.get(key) is not None:
            out[key] = str(out[key])
    return out


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state
    integrations = state.integrations
    places = state.account.containers
    owner = integrations.owner_share

    def target(request: web.Request) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(the asset's owner share list, its editable shares) for assetType/assetId."""
        kind = request.query.get("assetType")
        raw_id = request.query.get("assetId", "")
        if kind is None or not raw_id:
            raise ApiFailure(400, 1012, "Required parameters assetType and assetId are missing.")
        if kind not in _KINDS:
            raise ApiFailure(400, 1018, f"The value {kind} was not valid for assetType.")
        if not raw_id.isdigit():
            raise ApiFailure(400, 1018, f"The value {raw_id} was not valid for assetId.")
        ident = int(raw_id)
        if kind == "sheet":
            sheet = state.sheet(ident)
            return [owner(sheet.created_at)], sheet.shares
        if kind == "report":
            report = integrations.report(ident)
            return [owner(report.created_at)], report.shares
        if kind == "sight":
            board = integrations.dashboard(ident)
            return [owner(board.created_at)], board.shares
        if kind == "workspace":
            workspace = places.workspace(ident)
            return [], places.shares.setdefault(workspace["id"], [])
        raise ApiFailure(404, 1006, "Not Found")

    def find(request: web.Request) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        fixed, shares = target(request)
        ident = request.match_info["share_id"]
        for share in [*fixed, *shares]:
            if share["id"] == ident:
                return share, shares
        raise ApiFailure(404, 1027, "Share not found.")

    async def list_shares(request: web.Request) -> web.Response:
        fixed, shares = target(request)
        scope = request.query.get("sharingInclude")
        items = [_wire(s) for s in [*fixed, *shares] if scope in (None, "", s.get("scope"))]
        return token_result(request, items, key="items")

    async def create(request: web.Request) -> web.Response:
        fixed, shares = target(request)
        body = await body_json(request)
        specs = body if isinstance(body, list) else [body]
        created = [_new_share(_int_ids(spec), 1) for spec in specs]
        ids = [s["id"] for s in created]
        existing = {s["id"] for s in [*fixed, *shares]}
        if existing & set(ids) or len(set(ids)) != len(ids):
            raise ApiFailure(400, 1025, "The share already exists.")
        shares.extend(created)
        return result([_wire(s) for s in created])

    async def get_share(request: web.Request) -> web.Response:
        share, _ = find(request)
        return json_response(_wire(share))

    async def update(request: web.Request) -> web.Response:
        share, _ = find(request)
        if share["accessLevel"] == "OWNER":
            raise ApiFailure(400, 1028, "You cannot edit the share of the owner.")
        body = await body_json(request)
        if not isinstance(body, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
        share["accessLevel"] = _level(body.get("accessLevel"), 1)
        share["modifiedAt"] = now_iso()
        return json_response(_wire(share))

    async def delete(request: web.Request) -> web.Response:
        share, shares = find(request)
        if share["accessLevel"] == "OWNER":
            raise ApiFailure(400, 1028, "You cannot edit the share of the owner.")
        shares[:] = [s for s in shares if s["id"] != share["id"]]
        return result(None)

    app.router.add_get("/shares", handler(service, list_shares))
    app.router.add_post("/shares", handler(service, create))
    app.router.add_get("/shares/{share_id}", handler(service, get_share))
    app.router.add_patch("/shares/{share_id}", handler(service, update))
    app.router.add_delete("/shares/{share_id}", handler(service, delete))


def _int_ids(spec: Any) -> Any:
    """Share bodies may give ``groupId``/``userId`` as strings (they are strings on the wire
    now); the stores keep integers."""
    if not isinstance(spec, dict):
        return spec
    out = dict(spec)
    for key in ("groupId", "userId"):
        if isinstance(out.get(key), str) and out[key].isdigit():
            out[key] = int(out[key])
    return out
