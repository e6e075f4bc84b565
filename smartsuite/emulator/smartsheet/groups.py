"""Emulated groups and group members."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Route, body_json, index_result, int_id, result, state_of
from .state import ApiFailure, now_iso

if TYPE_CHECKING:
    pass


async def list_groups(request: web.Request) -> web.Response:
    account = state_of(request).account
    return index_result(request, [account.group_summary(g) for g in account.groups.values()])


async def get_group(request: web.Request) -> web.Response:
    account = state_of(request).account
    return json_response(account.group_body(account.group(int_id(request, "group_id"))))


async def add_group(request: web.Request) -> web.Response:
    account = state_of(request).account
    body = await body_json(request)
    if not isinstance(body, dict):
        raise ApiFailure(400, 1008, "Unable to parse request.")
    name = account.check_group_name(body.get("name"))
    members = account.resolve_members(list(body.get("members") or []))
    stamp = now_iso()
    group: dict[str, Any] = {
        "id": account.next_id(),
        "name": name,
        "ownerId": account.me_id,
        "createdAt": stamp,
        "modifiedAt": stamp,
    }
    if isinstance(body.get("description"), str):
        group["description"] = body["description"]
    account.groups[group["id"]] = group
    account.group_members[group["id"]] = list(dict.fromkeys(members))
    return result(account.group_body(group))


async def update_group(request: web.Request) -> web.Response:
    account = state_of(request).account
    group = account.group(int_id(request, "group_id"))
    body = await body_json(request)
    if not isinstance(body, dict):
        raise ApiFailure(400, 1008, "Unable to parse request.")
    if "name" in body:
        group["name"] = account.check_group_name(body["name"], group["id"])
    if "description" in body:
        group["description"] = body["description"]
    if "ownerId" in body:
        owner = body["ownerId"]
        if owner not in account.users:
            raise ApiFailure(
                403,
                1021,
                "Cannot transfer to the user specified. They are not a member of your account.",
            )
        group["ownerId"] = owner
    group["modifiedAt"] = now_iso()
    return result(account.group_summary(group))


async def delete_group(request: web.Request) -> web.Response:
    account = state_of(request).account
    group = account.group(int_id(request, "group_id"))
    del account.groups[group["id"]]
    account.group_members.pop(group["id"], None)
    return result(None)


async def add_members(request: web.Request) -> web.Response:
    account = state_of(request).account
    group = account.group(int_id(request, "group_id"))
    body = await body_json(request)
    specs = body if isinstance(body, list) else [body]
    ids = account.resolve_members(specs)
    members = account.group_members.setdefault(group["id"], [])
    added = []
    for user_id in dict.fromkeys(ids):
        if user_id not in members:  # already a member: ignored, as documented
            members.append(user_id)
            added.append(account.member(account.users[user_id]))
    # Optional bulk (seed 000 "Optional Bulk Operations"): one member in, one out; a single
    # member who is already in the group fails instead of being ignored.
    if not isinstance(body, list) and not added:
        raise ApiFailure(400, 1129, "The resource you tried to create already exists.")
    group["modifiedAt"] = now_iso()
    return result(added if isinstance(body, list) else added[0])


async def remove_member(request: web.Request) -> web.Response:
    account = state_of(request).account
    group = account.group(int_id(request, "group_id"))
    user_id = int_id(request, "user_id")
    members = account.group_members.get(group["id"], [])
    if user_id not in members:
        raise ApiFailure(404, 1020, "User not found.")
    members.remove(user_id)
    group["modifiedAt"] = now_iso()
    return result(None)


ROUTES: tuple[Route, ...] = (
    ("GET", "/groups", list_groups),
    ("POST", "/groups", add_group),
    ("GET", "/groups/{group_id}", get_group),
    ("PUT", "/groups/{group_id}", update_group),
    ("DELETE", "/groups/{group_id}", delete_group),
    ("POST", "/groups/{group_id}/members", add_members),
    ("DELETE", "/groups/{group_id}/members/{user_id}", remove_member),
)
