"""Update requests: emails asking people to update rows, and the ones already sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import Model, track, unset
from .recipients import MiniUser, Recipient


@attrs.define(on_setattr=track)
class Schedule(Model):
    """When an update request is sent (type ONCE, DAILY, WEEKLY, MONTHLY, YEARLY)."""

    type: str | None = unset
    start_at: dt.datetime | None = unset
    end_at: dt.datetime | None = unset
    day_descriptors: list[str] | None = unset
    day_of_month: int | None = unset
    day_ordinal: str | None = unset
    repeat_every: int | None = unset
    last_sent_at: dt.datetime | None = unset
    next_send_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class UpdateRequest(Model):
    """An update request (possibly recurring, per its ``schedule``)."""

    id: int = unset
    send_to: list[Recipient] | None = unset
    subject: str | None = unset
    message: str | None = unset
    cc_me: bool | None = unset
    row_ids: list[int] | None = unset
    column_ids: list[int] | None = unset
    include_attachments: bool | None = unset
    include_discussions: bool | None = unset
    layout: Any = unset
    schedule: Schedule | None = unset
    sent_by: MiniUser | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class SentUpdateRequest(Model):
    """One sending of an update request to one recipient (status PENDING, COMPLETE,
    CANCELED)."""

    id: int = unset
    update_request_id: int | None = unset
    sent_to: Recipient | None = unset
    sent_by: MiniUser | None = unset
    sent_at: dt.datetime | None = unset
    status: str | None = unset
    subject: str | None = unset
    message: str | None = unset
    row_ids: list[int] | None = unset
    column_ids: list[int] | None = unset
    include_attachments: bool | None = unset
    include_discussions: bool | None = unset
