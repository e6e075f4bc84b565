"""``ss.cells``: cell history, images in cells and temporary image URLs."""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..._core.errors import ConfigurationError, LimitExceededError
from ..._core.paging import AsyncPaginator
from .._resource import UPLOAD_COST, Send, SmartsheetResource, operation
from ..models.cells import CellHistory, ImageUrlMap
from ..models.sheets import Row

#: Alt text longer than this is refused by the API (errorCode 1165).
MAX_ALT_TEXT = 100

ImageInput = bytes | str | Path


def image_body(image: ImageInput, filename: str | None) -> tuple[bytes, str, str]:
    """The bytes, file name and content type of an image given as bytes or a path."""
    if isinstance(image, bytes | bytearray):
        if not filename:
            raise ConfigurationError("an image given as bytes needs filename=")
        data = bytes(image)
    else:
        path = Path(image)
        if not path.is_file():
            raise ConfigurationError(f"no such image file: {path}")
        data = path.read_bytes()
        filename = filename or path.name
    if not data:
        raise ConfigurationError("the image is empty")
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return data, filename, content_type


def image_upload(
    image: ImageInput, filename: str | None, alt_text: str | None, override: bool | None
) -> Send:
    """The request of an image put into a cell or a summary field: a simple (binary body)
    upload; aiohttp adds Content-Length. Checked before anything is sent."""
    if alt_text is not None and len(alt_text) > MAX_ALT_TEXT:
        raise LimitExceededError(
            f"alt_text has {len(alt_text)} characters; Smartsheet allows {MAX_ALT_TEXT}"
        )
    data, name, content_type = image_body(image, filename)
    safe = name.replace('"', "").replace("\r", "").replace("\n", "")
    return {
        "content": data,
        "headers": {
            "Content-Type": content_type,
            "Content-Disposition": f'attachment; filename="{safe}"',
        },
        "params": {"altText": alt_text, "overrideValidation": override},
    }


class Cells(SmartsheetResource):
    @operation(
        "cellHistory-get",
        "GET",
        "/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history",
        cost=UPLOAD_COST,
    )
    def history(
        self,
        sheet_id: int,
        row_id: int,
        column_id: int,
        *,
        include: Sequence[str] | None = None,
        level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[CellHistory]:
        """A cell's past values, newest first
        (``GET /sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history``).

        Args:
            include: ``columnType``, ``objectValue``.
            level: 2 for multi-contact / multi-picklist object values.

        Returns:
            A paginator of :class:`CellHistory`.
        """
        params = {"include": include, "level": level}
        return self._index(
            sheet_id, row_id, column_id, cast_to=CellHistory, params=params, page_size=page_size
        )

    @operation(
        "addImageToCell",
        "POST",
        "/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/cellimages",
        cost=UPLOAD_COST,
    )
    async def add_image(
        self,
        sheet_id: int,
        row_id: int,
        column_id: int,
        image: ImageInput,
        *,
        filename: str | None = None,
        alt_text: str | None = None,
        override_validation: bool | None = None,
    ) -> Row:
        """Put an image in a cell
        (``POST /sheets/{sheetId}/rows/{rowId}/columns/{columnId}/cellimages``).

        Args:
            image: the image bytes (then ``filename`` is required) or a path.
            alt_text: alternate text, at most 100 characters.

        Returns:
            The updated row; the cell's ``image`` holds the image id.

        Raises:
            LimitExceededError: alt text over 100 characters.
        """
        send = image_upload(image, filename, alt_text, override_validation)
        return (await self._result(sheet_id, row_id, column_id, cast_to=Row, **send)).result

    @operation("listImageUrls", "POST", "/imageurls", idempotent=True)
    async def image_urls(
        self,
        images: Iterable[str | Mapping[str, Any]],
        *,
        width: int | None = None,
        height: int | None = None,
    ) -> ImageUrlMap:
        """Temporary download URLs for images (``POST /imageurls``, ``listImageUrls``).

        Args:
            images: image ids (from ``cell.image["id"]``), or dicts with ``imageId`` and
                optional ``width`` / ``height``.
            width / height: scale every image given as an id to fit.

        Returns:
            The URLs and how long they stay valid.
        """
        body: list[dict[str, Any]] = []
        for item in images:
            if isinstance(item, str):
                entry: dict[str, Any] = {"imageId": item}
                if width is not None:
                    entry["width"] = width
                if height is not None:
                    entry["height"] = height
                body.append(entry)
            elif isinstance(item, Mapping) and item.get("imageId"):
                body.append(dict(item))
            else:
                raise ConfigurationError(f"an image is an id or a dict with imageId: {item!r}")
        if not body:
            raise ConfigurationError("no image ids given")
        return await self._object(cast_to=ImageUrlMap, json=body)
