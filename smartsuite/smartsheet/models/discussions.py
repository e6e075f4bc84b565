"""Discussions and their comments."""

from __future__ import annotations

import datetime as dt

import attrs

from ..._core.model import Model, track, unset
from .attachments import Attachment
from .recipients import MiniUser


@attrs.define(on_setattr=track)
class Comment(Model):
    """One comment in a discussion."""

    id: int = unset
    discussion_id: int | None = unset
    text: str | None = unset
    attachments: list[Attachment] | None = unset
    created_at: dt.datetime | None = unset
    created_by: MiniUser | None = unset
    modified_at: dt.datetime | None = unset


@attrs.define(on_setattr=track)
class Discussion(Model):
    """A discussion on a sheet, row or proof: a thread of comments.

    ``comments`` and ``comment_attachments`` are filled when asked for with ``include``.
    """

    id: int = unset
    title: str | None = unset
    parent_id: int | None = unset
    parent_type: str | None = unset
    access_level: str | None = unset
    comment_count: int | None = unset
    comments: list[Comment] | None = unset
    comment_attachments: list[Attachment] | None = unset
    created_by: MiniUser | None = unset
    last_commented_at: dt.datetime | None = unset
    last_commented_user: MiniUser | None = unset
    read_only: bool | None = unset
