"""Emulated cell routes: cell history, images in cells and temporary image URLs."""

from __future__ import annotations

import secrets
import struct
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import body_json, handler, index_result, int_id, result
from .cellvalues import present_cell
from .rows import present_row, serial
from .state import ApiFailure, SmartsheetState

if TYPE_CHECKING:
    from .service import SmartsheetService

#: Image URLs stay valid this long (the API answers ``urlExpiresInMillis``).
URL_TTL_MILLIS = 1_800_000
MAX_ALT_TEXT = 100


def image_size(data: bytes) -> tuple[int | None, int | None]:
    """Width and height of a PNG or GIF (other formats: unknown)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    return None, None


async def store_image(state: SmartsheetState, request: web.Request) -> dict[str, Any]:
    """Keep an uploaded image (binary body, Content-Disposition naming the file)."""
    if "filename=" not in request.headers.get("Content-Disposition", ""):
        raise ApiFailure(400, 1011, "A required header was missing or invalid: Content-Disposition")
    if not request.headers.get("Content-Type", "").startswith("image/"):
        ctype = request.headers.get("Content-Type", "")
        raise ApiFailure(400, 1091, f"Invalid Content-Type: {ctype}.")
    data = await request.read()
    if not data:
        raise ApiFailure(400, 1024, "The HTTP request body is required for this Method.")
    alt = request.query.get("altText")
    if alt is not None and len(alt) > MAX_ALT_TEXT:
        raise ApiFailure(
            400, 1165, "Cannot add image to cell with alt text larger than 100 characters."
        )
    width, height = image_size(data)
    image: dict[str, Any] = {"id": secrets.token_urlsafe(16)}
    if alt is not None:
        image["altText"] = alt
    if width is not None:
        image["width"], image["height"] = width, height
    state.images[image["id"]] = {"data": data, **image}
    return image


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state

    async def history(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        row_id = int_id(request, "row_id")
        column_id = int_id(request, "column_id")
        sheet.row_index(row_id)
        column = sheet.column(column_id)
        includes = set(request.query.get("include", "").split(","))
        entries = []
        for entry in sheet.history.get((row_id, column_id), []):
            shown = present_cell(entry, "objectValue" in includes)
            if "columnType" in includes:
                shown = {**shown, "columnType": column["type"]}
            entries.append(shown)
        return index_result(request, entries)

    async def add_image(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        position = sheet.row_index(int_id(request, "row_id"))
        column_id = int_id(request, "column_id")
        column = sheet.column(column_id)
        if column.get("systemColumnType"):
            raise ApiFailure(
                400,
                1046,
                "Cells containing system values cannot be inserted or updated through the API, "
                f"columnId : {column_id}.",
            )
        image = await store_image(state, request)
        row = sheet.rows[position]
        cell = {"columnId": column_id, "image": image}
        row["cells"] = [c for c in row["cells"] if c["columnId"] != column_id] + [cell]
        order = sheet.column_order()
        row["cells"].sort(key=lambda c: order.get(c["columnId"], 0))
        sheet.record_history(row["id"], cell)
        sheet.touch()
        return result(present_row(row, request), version=sheet.version)

    async def image_urls(request: web.Request) -> web.Response:
        body = await body_json(request)
        if not isinstance(body, list) or not body:
            raise ApiFailure(400, 1012, "A required object attribute is missing: imageId")
        urls = []
        base = f"{request.scheme}://{request.host}/smartsheet/2.0/_images"
        for item in body:
            image_id = item.get("imageId") if isinstance(item, dict) else None
            image = state.images.get(image_id) if isinstance(image_id, str) else None
            if image is None:
                urls.append(
                    {"imageId": image_id, "error": {"errorCode": 1006, "message": "Not Found"}}
                )
                continue
            entry = {"imageId": image_id, "url": f"{base}/{image_id}?t={secrets.token_hex(8)}"}
            for key in ("width", "height"):
                if isinstance(item.get(key), int):
                    entry[key] = item[key]
                elif image.get(key) is not None:
                    entry[key] = image[key]
            urls.append(entry)
        return json_response({"imageUrls": urls, "urlExpiresInMillis": URL_TTL_MILLIS})

    r = app.router
    r.add_get(
        "/sheets/{sheet_id}/rows/{row_id}/columns/{column_id}/history", handler(service, history)
    )
    r.add_post(
        "/sheets/{sheet_id}/rows/{row_id}/columns/{column_id}/cellimages",
        handler(service, serial(add_image)),
    )
    r.add_post("/imageurls", handler(service, image_urls))
