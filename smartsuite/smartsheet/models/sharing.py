"""Shares: who can see a sheet, workspace, report or dashboard, and at which access level."""

from __future__ import annotations

import datetime as dt
import enum

import attrs


class AccessLevel(enum.StrEnum):
    """Known access levels; models keep the plain string, so new levels still decode."""

    VIEWER = "VIEWER"
    COMMENTER = "COMMENTER"
    EDITOR = "EDITOR"
    EDITOR_SHARE = "EDITOR_SHARE"
    ADMIN = "ADMIN"
    OWNER = "OWNER"


@attrs.define
class Share:
    """One share of an object with a user or a group.

    Attributes:
        id: the share id (a string; user and group shares have different id spaces).
        type: ``USER`` or ``GROUP``.
        access_level: see :class:`AccessLevel`.
        scope: ``ITEM`` (shared directly) or ``WORKSPACE`` (inherited).
        email / user_id / group_id: whom the object is shared with (set one on create).
        subject / message / cc_me: the notification email, on create.
    """

    id: str | None = None
    type: str | None = None
    access_level: str | None = None
    scope: str | None = None
    email: str | None = None
    user_id: int | None = None
    group_id: int | None = None
    name: str | None = None
    subject: str | None = None
    message: str | None = None
    cc_me: bool | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
