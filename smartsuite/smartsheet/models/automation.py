"""Automation rules: notifications, approval requests and update requests."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import UNSET, Model, track
from .recipients import MiniUser, Recipient


class AutomationActionType(enum.StrEnum):
    """Known ``action.type`` values."""

    APPROVAL_REQUEST_ACTION = "APPROVAL_REQUEST_ACTION"
    NOTIFICATION_ACTION = "NOTIFICATION_ACTION"
    UPDATE_REQUEST_ACTION = "UPDATE_REQUEST_ACTION"


@attrs.define(on_setattr=track)
class AutomationAction(Model):
    """What a rule does. ``type`` must be sent on update and cannot change."""

    type: str | None = UNSET
    frequency: str | None = UNSET
    recipients: list[Recipient] | None = UNSET
    recipient_column_ids: list[int] | None = UNSET
    notify_all_shared_users: bool | None = UNSET
    include_all_columns: bool | None = UNSET
    included_column_ids: list[int] | None = UNSET
    include_attachments: bool | None = UNSET
    include_discussions: bool | None = UNSET
    message: str | None = UNSET
    subject: str | None = UNSET


@attrs.define(on_setattr=track)
class AutomationRule(Model):
    """An automation rule. Rules cannot be created through the API, only read, changed
    and deleted."""

    id: int = UNSET
    name: str | None = UNSET
    enabled: bool | None = UNSET
    action: AutomationAction | None = UNSET
    disabled_reason: str | None = UNSET
    disabled_reason_text: str | None = UNSET
    user_can_modify: bool | None = UNSET
    created_at: dt.datetime | None = UNSET
    created_by: MiniUser | None = UNSET
    modified_at: dt.datetime | None = UNSET
    modified_by: MiniUser | None = UNSET
