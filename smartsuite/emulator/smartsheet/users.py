"""Emulated users, alternate email addresses and contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Handler, Route, body_json, index_result, int_id, state_of
from .plans import filter_by_plan
from .state import ApiFailure

if TYPE_CHECKING:
    pass

_ROLE_FIELDS = ("admin", "licensedSheetCreator", "groupAdmin", "resourceViewer")
_IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/bmp"}


def _success(payload: Any = None, key: str = "result") -> web.Response:
    body: dict[str, Any] = {"message": "SUCCESS", "resultCode": 0}
    if payload is not None:
        body[key] = payload
    return json_response(body)


_ALT = "/users/{user_id}/alternateemails/{alt_id}"


def query_includes(request: web.Request) -> set[str]:
    return {v for v in request.query.get("include", "").split(",") if v}


async def list_users(request: web.Request) -> web.Response:
    account = state_of(request).account
    users = list(account.users.values())
    emails = {e.strip().lower() for e in request.query.get("email", "").split(",") if e}
    if emails:
        users = [u for u in users if u["email"].lower() in emails]
    users = filter_by_plan(request, account, users)
    if "lastLogin" not in query_includes(request):
        users = [{k: v for k, v in u.items() if k != "lastLogin"} for u in users]
    return index_result(request, users)


async def me(request: web.Request) -> web.Response:
    account = state_of(request).account
    user = account.user(account.me_id)
    return json_response(account.profile(user, groups="groups" in query_includes(request)))


async def get_user(request: web.Request) -> web.Response:
    account = state_of(request).account
    return json_response(account.profile(account.user(int_id(request, "user_id"))))


async def add_user(request: web.Request) -> web.Response:
    account = state_of(request).account
    body = await body_json(request)
    if not isinstance(body, dict) or "email" not in body:
        raise ApiFailure(400, 1012, "A required object attribute is missing: email.")
    return _success(account.add_user(body))


async def update_user(request: web.Request) -> web.Response:
    account = state_of(request).account
    user = account.user(int_id(request, "user_id"))
    body = await body_json(request)
    if not isinstance(body, dict):
        raise ApiFailure(400, 1008, "Unable to parse request.")
    allowed = {*_ROLE_FIELDS, "firstName", "lastName"}
    extra = sorted(set(body) - allowed - {"id"})
    if extra:
        raise ApiFailure(
            400,
            1032,
            f"The attribute(s) {', '.join(extra)} are not allowed for this operation.",
        )
    for key in _ROLE_FIELDS:
        if key in body:
            user[key] = bool(body[key])
    for key in ("firstName", "lastName"):
        if isinstance(body.get(key), str):
            user[key] = body[key]
    parts = [user.get("firstName"), user.get("lastName")]
    user["name"] = " ".join(p for p in parts if p) or user["email"]
    return _success(user)


async def remove_user(request: web.Request) -> web.Response:
    account = state_of(request).account
    user_id = int_id(request, "user_id")
    if user_id not in account.users:
        raise ApiFailure(
            403,
            1022,
            "Cannot delete the user specified. They are not a member of your account.",
        )
    if user_id == account.me_id:
        raise ApiFailure(400, 1004, "You are not authorized to perform this action.")
    owned = [g for g in account.groups.values() if g["ownerId"] == user_id]
    target = request.query.get("transferTo")
    if target is None and request.can_read_body:
        # The reference documents these as a JSON body; SDKs send query parameters.
        body = await body_json(request)
        if isinstance(body, dict) and body.get("transferTo") is not None:
            target = str(body["transferTo"])
    if owned and target is None:
        raise ApiFailure(
            400,
            1121,
            "transferTo must be provided because user being deleted owns one or more groups.",
        )
    if target is not None:
        if not target.isdigit() or int(target) not in account.users:
            raise ApiFailure(400, 1019, "Cannot transfer to the user specified. User not found.")
        for group in owned:
            group["ownerId"] = int(target)
    del account.users[user_id]
    for members in account.group_members.values():
        if user_id in members:
            members.remove(user_id)
    for alt_id in [a for a, alt in account.alternate_emails.items() if alt["userId"] == user_id]:
        del account.alternate_emails[alt_id]
    return _success()


def set_status(status: str, expected: str) -> Handler:
    """A handler that moves a user from ``expected`` to ``status``."""

    async def change(request: web.Request) -> web.Response:
        account = state_of(request).account
        user = account.user(int_id(request, "user_id"))
        if user["id"] == account.me_id:
            raise ApiFailure(403, 1004, "You are not authorized to perform this action.")
        if user["status"] != expected:
            raise ApiFailure(
                403,
                1188,
                "The account status of the user specified is not active."
                if expected == "ACTIVE"
                else f"The user is not {expected.lower()}.",
            )
        user["status"] = status
        return _success()

    return change


async def profile_image(request: web.Request) -> web.Response:
    account = state_of(request).account
    user = account.user(int_id(request, "user_id"))
    ctype = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if ctype not in _IMAGE_TYPES:
        raise ApiFailure(400, 1091, f"Invalid Content-Type: {ctype or '(none)'}.")
    if "filename" not in request.headers.get("Content-Disposition", ""):
        raise ApiFailure(400, 1011, "A required header was missing or invalid: Content-Disposition")
    data = await request.read()
    if not data:
        raise ApiFailure(400, 1024, "The HTTP request body is required for this Method.")
    user["profileImage"] = {
        "imageId": f"u!1!{user['id']:x}!{len(data):x}",
        "height": 1050,
        "width": 1050,
    }
    return _success(user)


# -- alternate emails: documented to answer with "data" rather than "result" --------------
async def list_alternates(request: web.Request) -> web.Response:
    account = state_of(request).account
    user = account.user(int_id(request, "user_id"))
    return index_result(request, account.alternates_of(user["id"]))


async def add_alternates(request: web.Request) -> web.Response:
    account = state_of(request).account
    user_id = int_id(request, "user_id")
    account.user(user_id)
    body = await body_json(request)
    specs = body if isinstance(body, list) else [body]
    if not specs or not all(isinstance(s, dict) and "email" in s for s in specs):
        raise ApiFailure(400, 1012, "A required object attribute is missing: email.")
    added = [account.add_alternate(user_id, s["email"]) for s in specs]
    return _success([{k: v for k, v in a.items() if k != "userId"} for a in added], "data")


async def get_alternate(request: web.Request) -> web.Response:
    account = state_of(request).account
    alt = account.alternate(int_id(request, "user_id"), int_id(request, "alt_id"))
    return json_response({k: v for k, v in alt.items() if k != "userId"})


async def delete_alternate(request: web.Request) -> web.Response:
    account = state_of(request).account
    alt = account.alternate(int_id(request, "user_id"), int_id(request, "alt_id"))
    del account.alternate_emails[alt["id"]]
    return _success()


async def promote_alternate(request: web.Request) -> web.Response:
    account = state_of(request).account
    promoted = account.promote_alternate(int_id(request, "user_id"), int_id(request, "alt_id"))
    return _success([promoted], "data")


# -- contacts ------------------------------------------------------------------------------
async def list_contacts(request: web.Request) -> web.Response:
    account = state_of(request).account
    return index_result(request, account.contacts)


async def get_contact(request: web.Request) -> web.Response:
    account = state_of(request).account
    wanted = request.match_info["contact_id"]
    for contact in account.contacts:
        if contact["id"] == wanted:
            body = dict(contact)
            if "profileImage" in query_includes(request):
                body["profileImage"] = {"imageId": f"c!{wanted}", "height": 64, "width": 64}
            return json_response(body)
    raise ApiFailure(404, 1006, f"Not Found: contact {wanted}")


ROUTES: tuple[Route, ...] = (
    ("GET", "/users", list_users),
    ("POST", "/users", add_user),
    ("GET", "/users/me", me),
    ("GET", "/users/{user_id}", get_user),
    ("PUT", "/users/{user_id}", update_user),
    ("DELETE", "/users/{user_id}", remove_user),
    ("POST", "/users/{user_id}/deactivate", set_status("DEACTIVATED", "ACTIVE")),
    ("POST", "/users/{user_id}/reactivate", set_status("ACTIVE", "DEACTIVATED")),
    ("POST", "/users/{user_id}/profileimage", profile_image),
    ("GET", "/users/{user_id}/alternateemails", list_alternates),
    ("POST", "/users/{user_id}/alternateemails", add_alternates),
    ("GET", _ALT, get_alternate),
    ("DELETE", _ALT, delete_alternate),
    ("POST", _ALT + "/makeprimary", promote_alternate),
    ("GET", "/contacts", list_contacts),
    ("GET", "/contacts/{contact_id}", get_contact),
)
