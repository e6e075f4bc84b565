"""Emulated workspace shares (``/workspaces/{id}/shares``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, index_result, int_id, result
from .container_state import ACCESS_LEVELS, share_id
from .state import ApiFailure, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService


def _access_level(value: Any) -> str:
    if value not in ACCESS_LEVELS or value == "OWNER":
        raise ApiFailure(
            400, 1031, f"The value {value} was not valid for the attribute accessLevel."
        )
    return str(value)


def register(service: SmartsheetService, app: web.Application) -> None:
    account = service.state.account
    places = account.containers

    def shares_of(request: web.Request) -> list[dict[str, Any]]:
        workspace = places.workspace(int_id(request, "workspace_id"))
        return places.shares.setdefault(workspace["id"], [])

    def find(shares: list[dict[str, Any]], ident: str) -> dict[str, Any]:
        for share in shares:
            if share["id"] == ident:
                return share
        raise ApiFailure(404, 1027, "Share not found.")

    def new_share(spec: Any) -> dict[str, Any]:
        if not isinstance(spec, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: a share must be an object.")
        level = _access_level(spec.get("accessLevel"))
        stamp = now_iso()
        share: dict[str, Any] = {"accessLevel": level, "scope": "ITEM", "createdAt": stamp}
        if spec.get("groupId") is not None:
            group = account.group(spec["groupId"])
            share.update(id=share_id("group", group["id"]), type="GROUP", groupId=group["id"])
            share["name"] = group["name"]
        elif spec.get("email") is not None or spec.get("userId") is not None:
            user = (
                account.user(spec["userId"])
                if spec.get("userId") is not None
                else account.user_by_email(str(spec["email"]))
            )
            if user is None:
                owner = account.alternate_owner(str(spec["email"]))
                if owner is not None:
                    raise ApiFailure(
                        400,
                        1159,
                        f"The specified email address ({spec['email']}) is an alternate email "
                        f"address for a user with a primary email address of {owner['email']}.",
                    )
                # Someone outside the account: shared by address only.
                share.update(id=share_id("email", spec["email"]), type="USER")
                share["email"] = spec["email"]
            else:
                share.update(id=share_id("user", user["id"]), type="USER", userId=user["id"])
                share.update(email=user["email"], name=user["name"])
        else:
            raise ApiFailure(400, 1012, "A required object attribute is missing: email.")
        share["modifiedAt"] = stamp
        return share

    async def list_shares(request: web.Request) -> web.Response:
        return index_result(request, shares_of(request))

    async def create_shares(request: web.Request) -> web.Response:
        shares = shares_of(request)
        body = await body_json(request)
        specs = body if isinstance(body, list) else [body]
        created = [new_share(spec) for spec in specs]
        existing = {s["id"] for s in shares}
        for share in created:
            if share["id"] in existing:
                raise ApiFailure(400, 1025, "The share already exists.")
            existing.add(share["id"])
        shares.extend(created)
        return result(created if isinstance(body, list) else created[0])

    async def get_share(request: web.Request) -> web.Response:
        return json_response(find(shares_of(request), request.match_info["share_id"]))

    async def update_share(request: web.Request) -> web.Response:
        share = find(shares_of(request), request.match_info["share_id"])
        if share["accessLevel"] == "OWNER":
            raise ApiFailure(400, 1028, "You cannot edit the share of the owner.")
        body = await body_json(request)
        if not isinstance(body, dict):
            raise ApiFailure(400, 1008, "Unable to parse request.")
        share["accessLevel"] = _access_level(body.get("accessLevel"))
        share["modifiedAt"] = now_iso()
        return result(share)

    async def delete_share(request: web.Request) -> web.Response:
        shares = shares_of(request)
        share = find(shares, request.match_info["share_id"])
        if share["accessLevel"] == "OWNER":
            raise ApiFailure(400, 1028, "You cannot edit the share of the owner.")
        shares.remove(share)
        return result(None)

    base = "/workspaces/{workspace_id}/shares"
    app.router.add_get(base, handler(service, list_shares))
    app.router.add_post(base, handler(service, create_shares))
    app.router.add_get(base + "/{share_id}", handler(service, get_share))
    app.router.add_put(base + "/{share_id}", handler(service, update_share))
    app.router.add_delete(base + "/{share_id}", handler(service, delete_share))
