"""Discussions and their comments."""

from __future__ import annotations

import datetime as dt

import attrs

from ..._core.model import UNSET, Model, track
from .attachments import Attachment
from .recipients import MiniUser


@attrs.define(on_setattr=track)
class Comment(Model):
    """One comment in a discussion."""

    id: int = UNSET
    discussion_id: int | None = UNSET
    text: str | None = UNSET
    attachments: list[Attachment] | None = UNSET
    created_at: dt.datetime | None = UNSET
    created_by: MiniUser | None = UNSET
    modified_at: dt.datetime | None = UNSET


@attrs.define(on_setattr=track)
class Discussion(Model):
    """A discussion on a sheet, row or proof: a thread of comments.

    ``comments`` and ``comment_attachments`` are filled when asked for with ``include``.
    """

    id: int = UNSET
    title: str | None = UNSET
    parent_id: int | None = UNSET
    parent_type: str | None = UNSET
    access_level: str | None = UNSET
    comment_count: int | None = UNSET
    comments: list[Comment] | None = UNSET
    comment_attachments: list[Attachment] | None = UNSET
    created_by: MiniUser | None = UNSET
    last_commented_at: dt.datetime | None = UNSET
    last_commented_user: MiniUser | None = UNSET
    read_only: bool | None = UNSET
