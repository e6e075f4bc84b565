"""Share bodies of the emulated ``/shares`` API (:mod:`.asset_shares`): access levels and new
shares with users and groups, with the documented errors (1025 exists, 1027 not found, 1028
the owner's share)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from aiohttp import web

from .container_state import ACCESS_LEVELS, share_id
from .state import ApiFailure, now_iso

if TYPE_CHECKING:
    pass


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
