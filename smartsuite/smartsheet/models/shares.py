"""Shares: who can see an asset and at which level, as the ``/shares?assetType=&assetId=`` API
reads and writes them; it replaced the per-object share endpoints on 2026-06-03
(https://developers.smartsheet.com/api/smartsheet/openapi/sharing)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import Model, TextId, track, unset


class AssetType(enum.StrEnum):
    """What ``/shares`` can share (the ``assetType`` query parameter; Python SDK 4.4.0
    ``AssetType``: sheet, report, sight, workspace, collection, file)."""

    SHEET = "sheet"
    REPORT = "report"
    SIGHT = "sight"
    WORKSPACE = "workspace"
    COLLECTION = "collection"
    FILE = "file"


class AccessLevel(enum.StrEnum):
    """Known access levels; models keep the plain string, so new levels still decode."""

    VIEWER = "VIEWER"
    COMMENTER = "COMMENTER"
    EDITOR = "EDITOR"
    EDITOR_SHARE = "EDITOR_SHARE"
    ADMIN = "ADMIN"
    OWNER = "OWNER"


@attrs.define(on_setattr=track)
class AssetShare(Model):
    """One share of an asset with a user or a group.

    Ids are strings here, ``user_id`` and ``group_id`` included (Python SDK 3.5.3+, whose
    ``AssetShare`` refuses numbers); one that arrives as a number (the JavaScript SDK's types)
    is read as its decimal text.

    Attributes:
        id: the share id (user and group shares have different id spaces).
        type: ``USER`` or ``GROUP``.
        access_level: see :class:`AccessLevel`.
        scope: ``ITEM`` (shared directly) or ``WORKSPACE`` (inherited from the workspace).
        email / user_id / group_id: whom the asset is shared with (set one on create).
        subject / message / cc_me: the notification email, on create.
    """

    id: TextId = unset
    type: str | None = unset
    access_level: str | None = unset
    scope: str | None = unset
    email: str | None = unset
    name: str | None = unset
    user_id: TextId | None = unset
    group_id: TextId | None = unset
    cc_me: bool | None = unset
    subject: str | None = unset
    message: str | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset


#: The model of the per-object share endpoints, now the same as :class:`AssetShare` (kept for
#: one release; its ``user_id``/``group_id`` are strings now, as on ``/shares``).
Share = AssetShare
