"""Update requests: emails asking people to update rows, and the ones already sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from .recipients import MiniUser, Recipient


@attrs.define
class Schedule:
    """When an update request is sent (type ONCE, DAILY, WEEKLY, MONTHLY, YEARLY)."""

    type: str | None = None
    start_at: dt.datetime | None = None
    end_at: dt.datetime | None = None
    day_descriptors: list[str] | None = None
    day_of_month: int | None = None
    day_ordinal: str | None = None
    repeat_every: int | None = None
    last_sent_at: dt.datetime | None = None
    next_send_at: dt.datetime | None = None


@attrs.define
class UpdateRequest:
    """An update request (possibly recurring, per its ``schedule``)."""

    id: int | None = None
    send_to: list[Recipient] | None = None
    subject: str | None = None
    message: str | None = None
    cc_me: bool | None = None
    row_ids: list[int] | None = None
    column_ids: list[int] | None = None
    include_attachments: bool | None = None
    include_discussions: bool | None = None
    layout: Any = None
    schedule: Schedule | None = None
    sent_by: MiniUser | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None


@attrs.define
class SentUpdateRequest:
    """One sending of an update request to one recipient (status PENDING, COMPLETE,
    CANCELED)."""

    id: int | None = None
    update_request_id: int | None = None
    sent_to: Recipient | None = None
    sent_by: MiniUser | None = None
    sent_at: dt.datetime | None = None
    status: str | None = None
    subject: str | None = None
    message: str | None = None
    row_ids: list[int] | None = None
    column_ids: list[int] | None = None
    include_attachments: bool | None = None
    include_discussions: bool | None = None
