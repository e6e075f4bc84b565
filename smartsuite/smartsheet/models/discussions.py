"""Discussions and their comments."""

from __future__ import annotations

import datetime as dt

import attrs

from .attachments import Attachment
from .recipients import MiniUser


@attrs.define
class Comment:
    """One comment in a discussion."""

    id: int | None = None
    discussion_id: int | None = None
    text: str | None = None
    attachments: list[Attachment] | None = None
    created_at: dt.datetime | None = None
    created_by: MiniUser | None = None
    modified_at: dt.datetime | None = None


@attrs.define
class Discussion:
    """A discussion on a sheet, row or proof: a thread of comments.

    ``comments`` and ``comment_attachments`` are filled when asked for with ``include``.
    """

    id: int | None = None
    title: str | None = None
    parent_id: int | None = None
    parent_type: str | None = None
    access_level: str | None = None
    comment_count: int | None = None
    comments: list[Comment] | None = None
    comment_attachments: list[Attachment] | None = None
    created_by: MiniUser | None = None
    last_commented_at: dt.datetime | None = None
    last_commented_user: MiniUser | None = None
    read_only: bool | None = None
