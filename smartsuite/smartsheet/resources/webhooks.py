"""``ss.webhooks``: create, list, get, update, delete webhooks and reset their secrets.

Receiving the callbacks is :mod:`smartsuite.smartsheet.webhooks`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ..._core.errors import ConfigurationError, DecodeError
from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.webhooks import Webhook
from ._params import path_id

#: The largest webhook page the API serves since 2026-06-03.
MAX_WEBHOOK_PAGE_SIZE = 10_000

_SHEET_EVENTS = frozenset({"*.*"})
_PLAN_EVENTS = frozenset({"*.*", "user.*", "user.seatType.*", "user.seatType.updated"})


def _callback_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(f"callback_url must be an absolute https URL, got {url!r}")
    return url


class Webhooks(SmartsheetResource):
    @operation("list-webhooks", "GET", "/webhooks")
    def list(self, *, page_size: int | None = None) -> AsyncPaginator[Webhook]:
        """List the webhooks this user (or app) owns (``GET /webhooks``, ``list-webhooks``),
        newest first.

        Since 2026-06-03 the API answers ``totalPages``/``totalCount`` of -1 and caps
        ``pageSize`` at 10,000 (Python SDK 4.0.0 changelog), so the walk ignores the totals and
        goes on until a page comes back short.
        """
        if page_size is not None and not 1 <= page_size <= MAX_WEBHOOK_PAGE_SIZE:
            raise ConfigurationError(
                f"page_size must be between 1 and {MAX_WEBHOOK_PAGE_SIZE}, not {page_size}"
            )
        return self._index(cast_to=Webhook, page_size=page_size, trust_totals=False)

    @operation("getWebhook", "GET", "/webhooks/{webhookId}")
    async def get(self, webhook_id: int) -> Webhook:
        """Get a webhook, with its status and shared secret (``GET /webhooks/{webhookId}``).

        Raises:
            NotFoundError: no such webhook.
        """
        return await self._object(webhook_id, cast_to=Webhook)

    @operation("createWebhook", "POST", "/webhooks")
    async def create(
        self,
        name: str,
        callback_url: str,
        scope_object_id: int,
        *,
        scope: str = "sheet",
        events: Iterable[str] = ("*.*",),
        column_ids: Iterable[int] | None = None,
        version: int = 1,
        custom_headers: dict[str, str] | None = None,
    ) -> Webhook:
        """Create a webhook on a sheet (``POST /webhooks``, ``createWebhook``). It starts
        disabled (``NEW_NOT_VERIFIED``); enable it with :meth:`update` (``enabled=True``),
        which makes Smartsheet send the verification challenge to ``callback_url``.

        Args:
            name: a name for the webhook.
            callback_url: where callbacks go (https; ports 443, 8000, 8008, 8080 or 8443).
            scope_object_id: the sheet to watch, or the plan id for ``scope="plan"``.
            scope: ``sheet``, or ``plan`` for a plan-level webhook (user seat changes).
            events: ``["*.*"]``; plan webhooks may also filter with ``user.*``,
                ``user.seatType.*`` or ``user.seatType.updated`` (Smartsheet's webhook
                event-types guide; sheet webhooks only take ``*.*``).
            custom_headers: headers Smartsheet sends with each callback (``customHeaders``).
            column_ids: limit the webhook to these columns (a subscope).
            version: the webhook version (1).

        Returns:
            The new webhook, including its ``shared_secret``.

        Raises:
            ConfigurationError: an empty name, a relative callback URL or no events.
            BadRequestError: 1151 no such sheet, 1152 not https.
        """
        if not name:
            raise ConfigurationError("a webhook needs a name")
        event_list = list(events)
        if not event_list:
            raise ConfigurationError("a webhook needs at least one event pattern ('*.*')")
        allowed = _PLAN_EVENTS if scope == "plan" else _SHEET_EVENTS if scope == "sheet" else None
        if allowed is None:
            raise ConfigurationError(f"scope must be 'sheet' or 'plan', not {scope!r}")
        unknown = [e for e in event_list if e not in allowed]
        if unknown:
            raise ConfigurationError(f"a {scope} webhook takes events {sorted(allowed)}: {unknown}")
        body: dict[str, Any] = {
            "name": name,
            "callbackUrl": _callback_url(callback_url),
            "scope": scope,
            "scopeObjectId": path_id(scope_object_id, "scope_object_id"),
            "events": event_list,
            "version": version,
        }
        if custom_headers:
            body["customHeaders"] = dict(custom_headers)
        if column_ids is not None:
            body["subscope"] = {"columnIds": [path_id(c, "column_id") for c in column_ids]}
        return (await self._result(cast_to=Webhook, json=body)).result

    @operation("updateWebhook", "PUT", "/webhooks/{webhookId}")
    async def update(
        self,
        webhook_id: int,
        *,
        enabled: bool | None = None,
        name: str | None = None,
        callback_url: str | None = None,
        events: Iterable[str] | None = None,
        version: int | None = None,
    ) -> Webhook:
        """Change a webhook (``PUT /webhooks/{webhookId}``, ``updateWebhook``).

        Setting ``enabled=True`` answers only after Smartsheet has run the verification
        handshake with the callback URL; the returned ``status`` says whether it passed
        (``ENABLED``) or not (``DISABLED_VERIFICATION_FAILED``).

        Raises:
            ConfigurationError: nothing to change.
            PermissionDeniedError: 1153 the app was revoked, 1154 disabled by Smartsheet.
        """
        body: dict[str, Any] = {}
        if enabled is not None:
            body["enabled"] = bool(enabled)
        if name is not None:
            body["name"] = name
        if callback_url is not None:
            body["callbackUrl"] = _callback_url(callback_url)
        if events is not None:
            body["events"] = list(events)
        if version is not None:
            body["version"] = version
        if not body:
            raise ConfigurationError("nothing to update: pass enabled, name, callback_url ...")
        return (await self._result(webhook_id, cast_to=Webhook, json=body)).result

    @operation("deleteWebhook", "DELETE", "/webhooks/{webhookId}")
    async def delete(self, webhook_id: int) -> Result:
        """Delete a webhook (``DELETE /webhooks/{webhookId}``, ``deleteWebhook``)."""
        return await self._result(webhook_id)

    @operation("resetSharedSecret", "POST", "/webhooks/{webhookId}/resetSharedSecret")
    async def reset_shared_secret(self, webhook_id: int) -> str:
        """Give a webhook a new shared secret (``POST /webhooks/{webhookId}/resetSharedSecret``).
        Callbacks are signed with the new secret from now on.

        Returns:
            The new shared secret.
        """
        result = await self._result(webhook_id)
        payload = result.result
        if not isinstance(payload, dict) or not isinstance(payload.get("sharedSecret"), str):
            raise DecodeError("the reset answer carries no sharedSecret")
        return str(payload["sharedSecret"])
