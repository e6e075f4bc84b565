"""Webhooks and the callbacks Smartsheet posts to their callback URL."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core import redact
from ..._core.model import Model, track, unset


class WebhookStatus(enum.StrEnum):
    """Known webhook statuses; ``Webhook.status`` stays a plain string."""

    ENABLED = "ENABLED"
    NEW_NOT_VERIFIED = "NEW_NOT_VERIFIED"
    DISABLED_BY_OWNER = "DISABLED_BY_OWNER"
    DISABLED_VERIFICATION_FAILED = "DISABLED_VERIFICATION_FAILED"
    DISABLED_CALLBACK_FAILED = "DISABLED_CALLBACK_FAILED"
    DISABLED_SCOPE_INACCESSIBLE = "DISABLED_SCOPE_INACCESSIBLE"
    DISABLED_APP_REVOKED = "DISABLED_APP_REVOKED"
    DISABLED_ADMINISTRATIVE = "DISABLED_ADMINISTRATIVE"


@attrs.define(on_setattr=track)
class WebhookStats(Model):
    """Delivery statistics of a webhook."""

    last_callback_attempt: dt.datetime | None = unset
    last_callback_attempt_retry_count: int | None = unset
    last_successful_callback: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class Subscope(Model):
    """Limits a sheet webhook to some columns."""

    column_ids: list[int] | None = unset


@attrs.define(repr=False)
class Webhook:
    """A webhook. ``shared_secret`` signs the callbacks; it is left out of ``repr``.

    Attributes:
        scope: ``sheet`` (the only scope today); ``scope_object_id`` is the sheet id.
        events: ``["*.*"]``.
        status: see :class:`WebhookStatus`; ``enabled`` is True only when ``ENABLED``.
    """

    id: int = unset
    name: str | None = unset
    callback_url: str | None = unset
    scope: str | None = unset
    scope_object_id: int | None = unset
    subscope: Subscope | None = unset
    events: list[str] | None = unset
    version: int | None = unset
    enabled: bool | None = unset
    status: str | None = unset
    disabled_details: str | None = unset
    shared_secret: str = unset
    api_client_id: str | None = unset
    api_client_name: str | None = unset
    stats: WebhookStats | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset

    def __attrs_post_init__(self) -> None:
        # A server may echo the secret in an error: keep it out of every message.
        redact.register(self, self.shared_secret)

    def __repr__(self) -> str:
        return (
            f"Webhook(id={self.id!r}, name={self.name!r}, callback_url={self.callback_url!r}, "
            f"scope_object_id={self.scope_object_id!r}, status={self.status!r})"
        )


@attrs.define(on_setattr=track)
class CallbackEvent(Model):
    """One change reported by a callback.

    Attributes:
        object_type: sheet, row, column, cell, attachment, discussion or comment.
        event_type: created, updated or deleted.
        id: the changed object (absent for cells: see ``row_id`` and ``column_id``).
        user_id: who made the change.
        change_agent: the comma-separated ``Smartsheet-Change-Agent`` values of the change.
    """

    object_type: str | None = unset
    event_type: str | None = unset
    id: int = unset
    row_id: int | None = unset
    column_id: int | None = unset
    user_id: int | None = unset
    change_agent: str | None = unset
    timestamp: dt.datetime | None = unset

    def caused_by(self, agent: str) -> bool:
        """True when ``agent`` is one of this change's change agents."""
        return change_agent_includes(self.change_agent, agent)


@attrs.define(on_setattr=track)
class Callback(Model):
    """The body Smartsheet posts to a webhook's callback URL: events, or a status change
    (``new_webhook_status``)."""

    webhook_id: int | None = unset
    scope: str | None = unset
    scope_object_id: int | None = unset
    nonce: str | None = unset
    timestamp: dt.datetime | None = unset
    new_webhook_status: str | None = unset
    events: list[CallbackEvent] = attrs.field(factory=list)

    def events_not_caused_by(self, agent: str) -> list[CallbackEvent]:
        """The events some other agent caused: what a syncing app still has to react to."""
        return [e for e in self.events if not e.caused_by(agent)]


def change_agent_includes(value: str | None, agent: str) -> bool:
    """Whether a comma-delimited ``changeAgent`` list contains ``agent``
    (https://developers.smartsheet.com/api/smartsheet/openapi/webhooks, Preventing Infinite
    Loops)."""
    if not value or not agent:
        return False
    return agent.strip() in (part.strip() for part in value.split(","))


def decode_event_fields(data: Any) -> Any:
    """Map the callback event's lower-case ``rowid``/``userid`` to the model's names."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for wire, name in (("rowid", "rowId"), ("userid", "userId")):
        if wire in out and name not in out:
            out[name] = out.pop(wire)
    return out
