"""Automation rules: notifications, approval requests and update requests."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from .recipients import MiniUser, Recipient


class AutomationActionType(enum.StrEnum):
    """Known ``action.type`` values."""

    APPROVAL_REQUEST_ACTION = "APPROVAL_REQUEST_ACTION"
    NOTIFICATION_ACTION = "NOTIFICATION_ACTION"
    UPDATE_REQUEST_ACTION = "UPDATE_REQUEST_ACTION"


@attrs.define
class AutomationAction:
    """What a rule does. ``type`` must be sent on update and cannot change."""

    type: str | None = None
    frequency: str | None = None
    recipients: list[Recipient] | None = None
    recipient_column_ids: list[int] | None = None
    notify_all_shared_users: bool | None = None
    include_all_columns: bool | None = None
    included_column_ids: list[int] | None = None
    include_attachments: bool | None = None
    include_discussions: bool | None = None
    message: str | None = None
    subject: str | None = None


@attrs.define
class AutomationRule:
    """An automation rule. Rules cannot be created through the API, only read, changed
    and deleted."""

    id: int | None = None
    name: str | None = None
    enabled: bool | None = None
    action: AutomationAction | None = None
    disabled_reason: str | None = None
    disabled_reason_text: str | None = None
    user_can_modify: bool | None = None
    created_at: dt.datetime | None = None
    created_by: MiniUser | None = None
    modified_at: dt.datetime | None = None
    modified_by: MiniUser | None = None
