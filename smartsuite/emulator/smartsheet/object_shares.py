"""Emulated shares of sheets, reports and dashboards (``/sheets/{id}/shares``,
``/reports/{id}/shares``, ``/sights/{id}/shares``): the owner's share plus shares with users and
groups, with the documented errors (1025 exists, 1027 not found, 1028 the owner's share)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, index_result, int_id, result
from .container_state import ACCESS_LEVELS, share_id
from .state import ApiFailure, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService


class Shareable(Protocol):
    created_at: str
    shares: list[dict[str, Any]]


S = TypeVar("S", bound=Shareable)


def _api_level(request: web.Request) -> int:
    raw = request.query.get("accessApiLevel", "0")
    return int(raw) if raw.isdigit() else 0


def _shown(share: dict[str, Any], api_level: int) -> dict[str, Any]:
    # Without accessApiLevel=1, COMMENTER is reported as VIEWER for older clients.
    if api_level < 1 and share.get("accessLevel") == "COMMENTER":
        return {**share, "accessLevel": "VIEWER"}
    return share


def _level(value: Any, api_level: int) -> str:
    if value not in ACCESS_LEVELS or value == "OWNER":
        raise ApiFailure(
            400, 1031, f"The value {value} was not valid for the attribute accessLevel."
        )
    if value == "COMMENTER" and api_level < 1:
        raise ApiFailure(400, 1031, "The value COMMENTER needs accessApiLevel=1.")
    return str(value)


def _new_share(spec: Any, api_level: int) -> dict[str, Any]:
    if not isinstance(spec, dict):
        raise ApiFailure(400, 1008, "Unable to parse request: a share must be an object.")
    stamp = now_iso()
    base = {
        "accessLevel": _level(spec.get("accessLevel"), api_level),
        "scope": "ITEM",
        "createdAt": stamp,
        "modifiedAt": stamp,
    }
    if isinstance(spec.get("groupId"), int):
        gid = spec["groupId"]
        return {"id": share_id("group", gid), "type": "GROUP", "groupId": gid, **base}
    email = spec.get("email")
    if isinstance(email, str) and "@" in email:
        share = {"id": share_id("user", email.lower()), "type": "USER", "email": email, **base}
        if isinstance(spec.get("userId"), int):
            share["userId"] = spec["userId"]
        return share
    if isinstance(spec.get("userId"), int):
        uid = spec["userId"]
        return {"id": share_id("user", uid), "type": "USER", "userId": uid, **base}
    raise ApiFailure(400, 1012, "A required object attribute is missing: email, userId or groupId")


def register_shares(
    service: SmartsheetService,
    app: web.Application,
    collection: str,
    lookup: Callable[[int], S],
    touch: Callable[[S], int] | None = None,
) -> None:
    """Add the five share routes under ``collection`` (``/reports/{object_id}/shares``).

    ``lookup`` finds the :class:`Shareable` by id; ``touch``, when given, records a change to
    it and returns the new version, which write results then carry (sheets do this).
    """
    owner = service.state.integrations.owner_share

    def done(obj: S, payload: Any) -> web.Response:
        return result(payload, version=touch(obj) if touch is not None else None)

    def target(request: web.Request) -> S:
        return lookup(int_id(request, "object_id"))

    def all_shares(obj: Shareable) -> list[dict[str, Any]]:
        return [owner(obj.created_at), *obj.shares]

    def find(obj: Shareable, ident: str) -> dict[str, Any]:
        for share in all_shares(obj):
            if share["id"] == ident:
                return share
        raise ApiFailure(404, 1027, "Share not found.")

    async def list_shares(request: web.Request) -> web.Response:
        level = _api_level(request)
        scope = request.query.get("sharingInclude")
        items = [_shown(s, level) for s in all_shares(target(request))]
        return index_result(request, [s for s in items if scope in (None, "", s["scope"])])

    async def create(request: web.Request) -> web.Response:
        obj = target(request)
        body = await body_json(request)
        level = _api_level(request)
        specs = body if isinstance(body, list) else [body]
        created = [_new_share(spec, level) for spec in specs]
        ids = [s["id"] for s in created]
        if {s["id"] for s in all_shares(obj)} & set(ids) or len(set(ids)) != len(ids):
            raise ApiFailure(400, 1025, "The share already exists.")
        obj.shares.extend(created)
        shown = [_shown(s, level) for s in created]
        return done(obj, shown if isinstance(body, list) else shown[0])

    async def get_share(request: web.Request) -> web.Response:
        share = find(target(request), request.match_info["share_id"])
        return json_response(_shown(share, _api_level(request)))

    async def update(request: web.Request) -> web.Response:
        obj = target(request)
        share = find(obj, request.match_info["share_id"])
        if share["accessLevel"] == "OWNER":
            raise ApiFailure(400, 1028, "You cannot edit the share of the owner.")
        body = await body_json(request)
        if not isinstance(body, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
        level = _api_level(request)
        share["accessLevel"] = _level(body.get("accessLevel"), level)
        share["modifiedAt"] = now_iso()
        return done(obj, _shown(share, level))

    async def delete(request: web.Request) -> web.Response:
        obj = target(request)
        share = find(obj, request.match_info["share_id"])
        if share["accessLevel"] == "OWNER":
            raise ApiFailure(400, 1028, "You cannot edit the share of the owner.")
        obj.shares[:] = [s for s in obj.shares if s["id"] != share["id"]]
        return done(obj, None)

    one = collection + "/{share_id}"
    app.router.add_get(collection, handler(service, list_shares))
    app.router.add_post(collection, handler(service, create))
    app.router.add_get(one, handler(service, get_share))
    app.router.add_put(one, handler(service, update))
    app.router.add_delete(one, handler(service, delete))
