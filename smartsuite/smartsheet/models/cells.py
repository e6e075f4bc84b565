"""Cell history entries and cell images."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs


@attrs.define
class CellHistory:
    """One past state of a cell, newest first in ``cells.history``."""

    column_id: int | None = None
    value: Any = None
    display_value: str | None = None
    formula: str | None = None
    object_value: Any = None
    hyperlink: dict[str, Any] | None = None
    image: dict[str, Any] | None = None
    format: str | None = None
    column_type: str | None = None
    modified_at: dt.datetime | None = None
    modified_by: dict[str, Any] | None = None


@attrs.define
class Image:
    """An image held by a cell or a summary field."""

    id: str | None = None
    alt_text: str | None = None
    height: int | None = None
    width: int | None = None


@attrs.define
class ImageUrl:
    """A temporary download URL for an image (or the ``error`` fetching it)."""

    image_id: str | None = None
    url: str | None = None
    height: int | None = None
    width: int | None = None
    error: dict[str, Any] | None = None


@attrs.define
class ImageUrlMap:
    """Temporary image URLs and how long they stay valid."""

    image_urls: list[ImageUrl] | None = None
    url_expires_in_millis: int | None = None
