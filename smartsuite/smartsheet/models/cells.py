"""Cell history entries and cell images."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import UNSET, Model, track
from .sheets import Cell


@attrs.define(on_setattr=track)
class CellHistory(Cell):
    """One past state of a cell, newest first in ``cells.history``: every :class:`Cell` field
    (the API's CellHistory is a Cell plus who changed it and when)."""

    modified_at: dt.datetime | None = UNSET
    modified_by: dict[str, Any] | None = UNSET


@attrs.define(on_setattr=track)
class Image(Model):
    """An image held by a cell or a summary field."""

    id: str = UNSET
    alt_text: str | None = UNSET
    height: int | None = UNSET
    width: int | None = UNSET


@attrs.define(on_setattr=track)
class ImageUrl(Model):
    """A temporary download URL for an image (or the ``error`` fetching it)."""

    image_id: str | None = UNSET
    url: str | None = UNSET
    height: int | None = UNSET
    width: int | None = UNSET
    error: dict[str, Any] | None = UNSET


@attrs.define(on_setattr=track)
class ImageUrlMap(Model):
    """Temporary image URLs and how long they stay valid."""

    image_urls: list[ImageUrl] | None = UNSET
    url_expires_in_millis: int | None = UNSET
