"""Shares: who can see a sheet, workspace, report or dashboard, and at which access level."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import UNSET, Model, track


class AccessLevel(enum.StrEnum):
    """Known access levels; models keep the plain string, so new levels still decode."""

    VIEWER = "VIEWER"
    COMMENTER = "COMMENTER"
    EDITOR = "EDITOR"
    EDITOR_SHARE = "EDITOR_SHARE"
    ADMIN = "ADMIN"
    OWNER = "OWNER"


@attrs.define(on_setattr=track)
class Share(Model):
    """One share of an object with a user or a group.

    Attributes:
        id: the share id (a string; user and group shares have different id spaces).
        type: ``USER`` or ``GROUP``.
        access_level: see :class:`AccessLevel`.
        scope: ``ITEM`` (shared directly) or ``WORKSPACE`` (inherited).
        email / user_id / group_id: whom the object is shared with (set one on create).
        subject / message / cc_me: the notification email, on create.
    """

    id: str = UNSET
    type: str | None = UNSET
    access_level: str | None = UNSET
    scope: str | None = UNSET
    email: str | None = UNSET
    user_id: int | None = UNSET
    group_id: int | None = UNSET
    name: str | None = UNSET
    subject: str | None = UNSET
    message: str | None = UNSET
    cc_me: bool | None = UNSET
    created_at: dt.datetime | None = UNSET
    modified_at: dt.datetime | None = UNSET
