"""Cell history entries and cell images."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import Model, track, unset
from .sheets import Cell


@attrs.define(on_setattr=track)
class CellHistory(Cell):
    """One past state of a cell, newest first in ``cells.history``: every :class:`Cell` field
    (the API's CellHistory is a Cell plus who changed it and when)."""

    modified_at: dt.datetime | None = unset
    modified_by: dict[str, Any] | None = unset


@attrs.define(on_setattr=track)
class Image(Model):
    """An image held by a cell or a summary field."""

    id: str = unset
    alt_text: str | None = unset
    height: int | None = unset
    width: int | None = unset


@attrs.define(on_setattr=track)
class ImageUrl(Model):
    """A temporary download URL for an image (or the ``error`` fetching it)."""

    image_id: str | None = unset
    url: str | None = unset
    height: int | None = unset
    width: int | None = unset
    error: dict[str, Any] | None = unset


@attrs.define(on_setattr=track)
class ImageUrlMap(Model):
    """Temporary image URLs and how long they stay valid."""

    image_urls: list[ImageUrl] | None = unset
    url_expires_in_millis: int | None = unset
