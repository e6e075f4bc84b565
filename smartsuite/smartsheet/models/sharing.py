"""Shares: who can see a sheet, workspace, report or dashboard, and at which access level."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import IntId, Model, TextId, track, unset


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

    id: TextId = unset
    type: str | None = unset
    access_level: str | None = unset
    scope: str | None = unset
    email: str | None = unset
    user_id: IntId | None = unset
    group_id: IntId | None = unset
    name: str | None = unset
    subject: str | None = unset
    message: str | None = unset
    cc_me: bool | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset
