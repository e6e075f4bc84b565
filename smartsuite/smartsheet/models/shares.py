"""Asset shares: the ``/shares?assetType=&assetId=`` API that replaced the per-object share
endpoints on 2026-06-03 (https://developers.smartsheet.com/api/smartsheet/openapi/sharing)."""

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


@attrs.define(on_setattr=track)
class AssetShare(Model):
    """One share of an asset with a user or a group.

    Ids are strings here, ``user_id`` and ``group_id`` included (Python SDK 3.5.3+); one that
    arrives as a number (the JavaScript SDK's types) is read as its decimal text.

    Attributes:
        id: the share id.
        type: ``USER`` or ``GROUP``.
        access_level: ``VIEWER``, ``COMMENTER``, ``EDITOR``, ``EDITOR_SHARE``, ``ADMIN``,
            ``OWNER``.
        scope: ``ITEM`` (shared directly) or ``WORKSPACE`` (inherited from the workspace).
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
