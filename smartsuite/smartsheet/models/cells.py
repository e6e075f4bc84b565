"""Cell history entries and cell images."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import UNSET, Model, track


@attrs.define(on_setattr=track)
class CellHistory(Model):
    """One past state of a cell, newest first in ``cells.history``."""

    column_id: int | None = UNSET
    value: Any = UNSET
    display_value: str | None = UNSET
    formula: str | None = UNSET
    object_value: Any = UNSET
    hyperlink: dict[str, Any] | None = UNSET
    image: dict[str, Any] | None = UNSET
    format: str | None = UNSET
    column_type: str | None = UNSET
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
