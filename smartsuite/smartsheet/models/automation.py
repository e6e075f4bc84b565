"""Automation rules: notifications, approval requests and update requests."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import Model, track, unset
from .recipients import MiniUser, Recipient


class AutomationActionType(enum.StrEnum):
    """Known ``action.type`` values."""

    APPROVAL_REQUEST_ACTION = "APPROVAL_REQUEST_ACTION"
    NOTIFICATION_ACTION = "NOTIFICATION_ACTION"
    UPDATE_REQUEST_ACTION = "UPDATE_REQUEST_ACTION"


@attrs.define(on_setattr=track)
class AutomationAction(Model):
    """What a rule does. ``type`` must be sent on update and cannot change."""

    type: str | None = unset
    frequency: str | None = unset
    recipients: list[Recipient] | None = unset
    recipient_column_ids: list[int] | None = unset
    notify_all_shared_users: bool | None = unset
    include_all_columns: bool | None = unset
    included_column_ids: list[int] | None = unset
    include_attachments: bool | None = unset
    include_discussions: bool | None = unset
    message: str | None = unset
    subject: str | None = unset


@attrs.define(on_setattr=track)
class AutomationRule(Model):
    """An automation rule. Rules cannot be created through the API, only read, changed
    and deleted."""

    id: int = unset
    name: str | None = unset
    enabled: bool | None = unset
    action: AutomationAction | None = unset
    disabled_reason: str | None = unset
    disabled_reason_text: str | None = unset
    user_can_modify: bool | None = unset
    created_at: dt.datetime | None = unset
    created_by: MiniUser | None = unset
    modified_at: dt.datetime | None = unset
    modified_by: MiniUser | None = unset
