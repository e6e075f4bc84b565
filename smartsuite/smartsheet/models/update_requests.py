"""Update requests: emails asking people to update rows, and the ones already sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import UNSET, Model, track
from .recipients import MiniUser, Recipient


@attrs.define(on_setattr=track)
class Schedule(Model):
    """When an update request is sent (type ONCE, DAILY, WEEKLY, MONTHLY, YEARLY)."""

    type: str | None = UNSET
    start_at: dt.datetime | None = UNSET
    end_at: dt.datetime | None = UNSET
    day_descriptors: list[str] | None = UNSET
    day_of_month: int | None = UNSET
    day_ordinal: str | None = UNSET
    repeat_every: int | None = UNSET
    last_sent_at: dt.datetime | None = UNSET
    next_send_at: dt.datetime | None = UNSET


@attrs.define(on_setattr=track)
class UpdateRequest(Model):
    """An update request (possibly recurring, per its ``schedule``)."""

    id: int = UNSET
    send_to: list[Recipient] | None = UNSET
    subject: str | None = UNSET
    message: str | None = UNSET
    cc_me: bool | None = UNSET
    row_ids: list[int] | None = UNSET
    column_ids: list[int] | None = UNSET
    include_attachments: bool | None = UNSET
    include_discussions: bool | None = UNSET
    layout: Any = UNSET
    schedule: Schedule | None = UNSET
    sent_by: MiniUser | None = UNSET
    created_at: dt.datetime | None = UNSET
    modified_at: dt.datetime | None = UNSET


@attrs.define(on_setattr=track)
class SentUpdateRequest(Model):
    """One sending of an update request to one recipient (status PENDING, COMPLETE,
    CANCELED)."""

    id: int = UNSET
    update_request_id: int | None = UNSET
    sent_to: Recipient | None = UNSET
    sent_by: MiniUser | None = UNSET
    sent_at: dt.datetime | None = UNSET
    status: str | None = UNSET
    subject: str | None = UNSET
    message: str | None = UNSET
    row_ids: list[int] | None = UNSET
    column_ids: list[int] | None = UNSET
    include_attachments: bool | None = UNSET
    include_discussions: bool | None = UNSET
