"""Emulated webhooks: create, list, get, update, delete, reset the shared secret.

Enabling a webhook runs the verification handshake: for a callback URL on loopback the
emulator really POSTs the challenge (``Smartsheet-Hook-Challenge``) and checks the echo;
other hosts cannot be reached from a test, so ``accept_remote_callbacks`` decides. Unlike the
real API, plain ``http`` is accepted for loopback callback URLs, so tests can run a receiver.
:func:`deliver_callback` posts a signed event callback; after every successful write to a
watched sheet the emulator sends one by itself (in the background: ``await
state.integrations.settle()`` waits for them), with the writer's ``Smartsheet-Change-Agent``.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import re
import secrets
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from ..base import json_response
from ._http import Handler, body_json, handler, index_result, int_id, result
from .plans import PLAN_ID
from .state import CURRENT_USER, ApiFailure, now_iso

if TYPE_CHECKING:
    from .integrations_state import IntegrationsState
    from .service import SmartsheetService

_TERMINAL = {
    "DISABLED_APP_REVOKED": (
        1153,
        "This webhook cannot be enabled because access was revoked for the application.",
    ),
    "DISABLED_ADMINISTRATIVE": (1154, "Please contact api@smartsheet.com to enable this webhook."),
}
_TIMEOUT = aiohttp.ClientTimeout(total=5)


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_callback_url(url: Any) -> str:
    if not isinstance(url, str) or not urlsplit(url).netloc:
        raise ApiFailure(400, 1012, "A required object attribute is missing: callbackUrl")
    scheme = urlsplit(url).scheme
    if scheme != "https" and not (scheme == "http" and _is_loopback(url)):
        raise ApiFailure(
            400,
            1152,
            "Only URLs with a protocol of 'https' are supported for attribute 'callbackUrl'.",
        )
    return url


def _signed(secret: str, payload: dict[str, Any]) -> tuple[bytes, str]:
    body = json.dumps(payload, separators=(",", ":")).encode()
    return body, hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def verify_callback(hooks: IntegrationsState, hook: dict[str, Any]) -> bool:
    """Run the verification handshake against the webhook's callback URL."""
    url = hook["callbackUrl"]
    if not _is_loopback(url):
        return hooks.accept_remote_callbacks
    challenge = secrets.token_hex(16)
    body, signature = _signed(
        hook["sharedSecret"], {"challenge": challenge, "webhookId": hook["id"]}
    )
    headers = {
        "Smartsheet-Hook-Challenge": challenge,
        "Smartsheet-Hmac-SHA256": signature,
        "Content-Type": "application/json",
    }
    try:
        async with (
            aiohttp.ClientSession(timeout=_TIMEOUT) as session,
            session.post(url, data=body, headers=headers) as resp,
        ):
            status = resp.status
            echoed = resp.headers.get("Smartsheet-Hook-Response")
            if echoed is None:
                try:
                    echoed = (await resp.json(content_type=None)).get("smartsheetHookResponse")
                except (ValueError, AttributeError):
                    echoed = None
    except (aiohttp.ClientError, TimeoutError):
        status, echoed = 0, None
    hooks.deliveries.append((hook["id"], "challenge", status))
    return status == 200 and echoed == challenge


async def deliver_callback(
    hooks: IntegrationsState, webhook_id: int, events: list[dict[str, Any]]
) -> int:
    """POST a signed event callback for ``events`` to an enabled webhook's loopback URL.

    Returns:
        The receiver's HTTP status (0 when it could not be reached).
    """
    hook = hooks.webhook(webhook_id)
    if not hook["enabled"]:
        raise ApiFailure(400, 1008, f"webhook {webhook_id} is not enabled")
    payload = {
        "nonce": secrets.token_hex(8),
        "timestamp": now_iso(),
        "webhookId": hook["id"],
        "scope": hook["scope"],
        "scopeObjectId": hook["scopeObjectId"],
        "events": events,
    }
    body, signature = _signed(hook["sharedSecret"], payload)
    headers = {"Smartsheet-Hmac-SHA256": signature, "Content-Type": "application/json"}
    try:
        async with (
            aiohttp.ClientSession(timeout=_TIMEOUT) as session,
            session.post(hook["callbackUrl"], data=body, headers=headers) as resp,
        ):
            status = resp.status
    except (aiohttp.ClientError, TimeoutError):
        status = 0
    hooks.deliveries.append((webhook_id, "callback", status))
    hook["stats"] = {"lastCallbackAttempt": now_iso(), "lastCallbackAttemptRetryCount": 0}
    if status == 200:
        hook["stats"]["lastSuccessfulCallback"] = hook["stats"]["lastCallbackAttempt"]
    return status


_SHEET_WRITE = re.compile(r"^/sheets/(\d+)(/rows)?(?:/|$)")
_ROW_EVENTS = {"POST": "created", "PUT": "updated", "DELETE": "deleted"}


def sheet_events(method: str, path: str, answer: Any, agent: str | None) -> tuple[int, list[Any]]:
    """The sheet a successful write changed and the callback events it causes (row writes
    name each row; other writes report the sheet as updated). ``(0, [])`` for other paths."""
    match = _SHEET_WRITE.match(path)
    if match is None or method not in _ROW_EVENTS:
        return 0, []
    sheet_id = int(match.group(1))
    stamp = now_iso()
    base: dict[str, Any] = {"timestamp": stamp, "userId": CURRENT_USER["id"]}
    if agent:
        base["changeAgent"] = agent
    payload = answer.get("result") if isinstance(answer, dict) else None
    items = payload if isinstance(payload, list) else [payload]
    row_ids = [i["id"] if isinstance(i, dict) else i for i in items]
    row_ids = [i for i in row_ids if isinstance(i, int)]
    if match.group(2) and row_ids:
        kind = _ROW_EVENTS[method]
        return sheet_id, [
            {**base, "objectType": "row", "eventType": kind, "id": i} for i in row_ids
        ]
    return sheet_id, [{**base, "objectType": "sheet", "eventType": "updated", "id": sheet_id}]


def register(service: SmartsheetService, app: web.Application) -> None:
    hooks = service.state.integrations

    @web.middleware
    async def announce_changes(request: web.Request, handler: Handler) -> web.StreamResponse:
        """After a successful write to a sheet, send callbacks to its enabled webhooks."""
        response = await handler(request)
        if request.method == "GET" or response.status != 200 or not hooks.webhooks:
            return response
        path = request.path[len(service.prefix) :]
        body = getattr(response, "body", None)
        try:
            answer = json.loads(body) if isinstance(body, bytes) and body else None
        except ValueError:
            answer = None
        agent = request.headers.get("Smartsheet-Change-Agent")
        sheet_id, events = sheet_events(request.method, path, answer, agent)
        for hook in list(hooks.webhooks.values()):
            if events and hook["enabled"] and hook["scopeObjectId"] == sheet_id:
                hooks.schedule(deliver_callback(hooks, hook["id"], events))
        return response

    app.middlewares.append(announce_changes)

    def shown(hook: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in hook.items() if v is not None}

    async def list_hooks(request: web.Request) -> web.Response:
        # Since 2026-06-03: newest first, pageSize capped at 10,000, totals -1, includeAll
        # gone (Python SDK 4.0.0 changelog; webhooks.py:list_webhooks docstring).
        raw = request.query.get("pageSize", "100")
        if not raw.isdigit() or not 1 <= int(raw) <= 10_000:
            raise ApiFailure(
                400, 1018, f"The value {raw} was not valid for the parameter pageSize."
            )
        newest = sorted(hooks.webhooks.values(), key=lambda h: h["id"], reverse=True)
        answer = index_result(
            request.clone(rel_url=_without_include_all(request)), [shown(h) for h in newest]
        )
        body = json.loads(answer.body)  # type: ignore[arg-type]
        body["totalPages"] = body["totalCount"] = -1
        return json_response(body)

    async def create(request: web.Request) -> web.Response:
        body = await body_json(request)
        if not isinstance(body, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
        for key in ("name", "callbackUrl", "scope", "scopeObjectId", "events", "version"):
            if body.get(key) in (None, ""):
                raise ApiFailure(400, 1012, f"A required object attribute is missing: {key}")
        url = _check_callback_url(body["callbackUrl"])
        # Plan-level webhooks (scope "plan", scopeObjectId the plan id) may filter user events;
        # sheet webhooks take only "*.*" (developers.smartsheet.com webhook event-types guide).
        plan = body["scope"] == "plan" and body["scopeObjectId"] == PLAN_ID
        sheet = body["scope"] == "sheet" and body["scopeObjectId"] in service.state.sheets
        if not (plan or sheet):
            raise ApiFailure(
                404, 1151, f"Scope '{body['scope']}', object id {body['scopeObjectId']} not found."
            )
        allowed = _PLAN_EVENTS if plan else {"*.*"}
        if not isinstance(body["events"], list) or not set(body["events"]) <= allowed:
            raise ApiFailure(400, 1031, "The value was not valid for the attribute events.")
        stamp = now_iso()
        hook = {
            "id": service.state.next_id(),
            "name": body["name"],
            "apiClientId": None,
            "callbackUrl": url,
            "scope": body["scope"],
            "scopeObjectId": body["scopeObjectId"],
            "subscope": body.get("subscope"),
            "events": list(body["events"]),
            "customHeaders": body.get("customHeaders"),
            "version": body["version"],
            "enabled": False,
            "status": "NEW_NOT_VERIFIED",
            "sharedSecret": secrets.token_hex(16),
            "stats": {},
            "createdAt": stamp,
            "modifiedAt": stamp,
        }
        hooks.webhooks[hook["id"]] = hook
        return result(shown(hook))

    async def get_hook(request: web.Request) -> web.Response:
        return json_response(shown(hooks.webhook(int_id(request, "webhook_id"))))

    async def update(request: web.Request) -> web.Response:
        hook = hooks.webhook(int_id(request, "webhook_id"))
        body = await body_json(request)
        if not isinstance(body, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
        if "callbackUrl" in body:
            hook["callbackUrl"] = _check_callback_url(body["callbackUrl"])
        if isinstance(body.get("name"), str) and body["name"]:
            hook["name"] = body["name"]
        if body.get("enabled") is True:
            if hook["status"] in _TERMINAL:
                code, message = _TERMINAL[hook["status"]]
                raise ApiFailure(403, code, message)
            verified = await verify_callback(hooks, hook)
            hook["enabled"] = verified
            hook["status"] = "ENABLED" if verified else "DISABLED_VERIFICATION_FAILED"
        elif body.get("enabled") is False:
            hook["enabled"] = False
            hook["status"] = "DISABLED_BY_OWNER"
        hook["modifiedAt"] = now_iso()
        return result(shown(hook))

    async def delete(request: web.Request) -> web.Response:
        hook = hooks.webhook(int_id(request, "webhook_id"))
        del hooks.webhooks[hook["id"]]
        return result(None)

    async def reset_secret(request: web.Request) -> web.Response:
        hook = hooks.webhook(int_id(request, "webhook_id"))
        hook["sharedSecret"] = secrets.token_hex(16)
        hook["modifiedAt"] = now_iso()
        return result({"sharedSecret": hook["sharedSecret"]})

    app.router.add_get("/webhooks", handler(service, list_hooks))
    app.router.add_post("/webhooks", handler(service, create))
    app.router.add_get("/webhooks/{webhook_id}", handler(service, get_hook))
    app.router.add_put("/webhooks/{webhook_id}", handler(service, update))
    app.router.add_delete("/webhooks/{webhook_id}", handler(service, delete))
    app.router.add_post("/webhooks/{webhook_id}/resetSharedSecret", handler(service, reset_secret))


_PLAN_EVENTS = {"*.*", "user.*", "user.seatType.*", "user.seatType.updated"}


def _without_include_all(request: web.Request) -> Any:
    query = {k: v for k, v in request.query.items() if k != "includeAll"}
    return request.rel_url.with_query(query)
