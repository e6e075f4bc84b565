"""Webhooks and the callbacks Smartsheet posts to their callback URL."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..._core.model import UNSET, Model, track


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

    last_callback_attempt: dt.datetime | None = UNSET
    last_callback_attempt_retry_count: int | None = UNSET
    last_successful_callback: dt.datetime | None = UNSET


@attrs.define(on_setattr=track)
class Subscope(Model):
    """Limits a sheet webhook to some columns."""

    column_ids: list[int] | None = UNSET


@attrs.define(repr=False)
class Webhook:
    """A webhook. ``shared_secret`` signs the callbacks; it is left out of ``repr``.

    Attributes:
        scope: ``sheet`` (the only scope today); ``scope_object_id`` is the sheet id.
        events: ``["*.*"]``.
        status: see :class:`WebhookStatus`; ``enabled`` is True only when ``ENABLED``.
    """

    id: int = UNSET
    name: str | None = UNSET
    callback_url: str | None = UNSET
    scope: str | None = UNSET
    scope_object_id: int | None = UNSET
    subscope: Subscope | None = UNSET
    events: list[str] | None = UNSET
    version: int | None = UNSET
    enabled: bool | None = UNSET
    status: str | None = UNSET
    disabled_details: str | None = UNSET
    shared_secret: str = UNSET
    api_client_id: str | None = UNSET
    api_client_name: str | None = UNSET
    stats: WebhookStats | None = UNSET
    created_at: dt.datetime | None = UNSET
    modified_at: dt.datetime | None = UNSET

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

    object_type: str | None = UNSET
    event_type: str | None = UNSET
    id: int = UNSET
    row_id: int | None = UNSET
    column_id: int | None = UNSET
    user_id: int | None = UNSET
    change_agent: str | None = UNSET
    timestamp: dt.datetime | None = UNSET

    def caused_by(self, agent: str) -> bool:
        """True when ``agent`` is one of this change's change agents."""
        return change_agent_includes(self.change_agent, agent)


@attrs.define(on_setattr=track)
class Callback(Model):
    """The body Smartsheet posts to a webhook's callback URL: events, or a status change
    (``new_webhook_status``)."""

    webhook_id: int | None = UNSET
    scope: str | None = UNSET
    scope_object_id: int | None = UNSET
    nonce: str | None = UNSET
    timestamp: dt.datetime | None = UNSET
    new_webhook_status: str | None = UNSET
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
