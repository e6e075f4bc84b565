"""Emulated attachment routes: uploads (simple and multipart), links, versions, temporary
download URLs served at ``/_files/{token}`` without auth, like a pre-signed storage link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from ..base import json_response
from ._http import (
    Route,
    index_result,
    int_id,
    result,
    service_of,
    state_of,
)
from .collab_state import AttachmentRecord
from .state import ApiFailure, SmartsheetState
from .uploads import file_wire, link_wire, read_upload

if TYPE_CHECKING:
    pass

#: Path (below the service prefix) of temporary download links; the service skips auth there.
FILES_PATH = "/_files/"
SERVE_CHUNK = 256 * 1024


def ok() -> web.Response:
    return json_response({"message": "SUCCESS", "resultCode": 0})


_SHEET_PATH = "/sheets/{sheet_id}"
_ONE = _SHEET_PATH + "/attachments/{attachment_id}"


def base_url(request: web.Request) -> str:
    return str(request.url.origin()) + service_of(request).prefix


async def create(request: web.Request, parent_type: str, parent_id: int) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    upload = await read_upload(request)
    if upload.file is not None:
        record = collab.add_attachment(
            sheet.id, parent_type, parent_id, file_wire(upload.file), upload.file.data
        )
    else:
        record = collab.add_attachment(sheet.id, parent_type, parent_id, link_wire(upload.document))
    return result(record.wire, version=sheet.version)


async def attach_to_sheet(request: web.Request) -> web.Response:
    sheet_id = int_id(request, "sheet_id")
    return await create(request, "SHEET", sheet_id)


async def attach_to_row(request: web.Request) -> web.Response:
    sheet = state_of(request).sheet(int_id(request, "sheet_id"))
    row_id = int_id(request, "row_id")
    sheet.row_index(row_id)
    return await create(request, "ROW", row_id)


async def attach_to_comment(request: web.Request) -> web.Response:
    collab = state_of(request).collab
    sheet_id = int_id(request, "sheet_id")
    comment = collab.comment(sheet_id, int_id(request, "comment_id"))
    return await create(request, "COMMENT", comment["id"])


def on_sheet(state: SmartsheetState, sheet_id: int) -> list[AttachmentRecord]:
    collab = state.collab
    return [
        a
        for a in collab.attachments.values()
        if a.sheet_id == sheet_id and a.parent_type != "PROOF"
    ]


async def list_on_sheet(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    return index_result(request, [a.wire for a in collab.latest(on_sheet(state, sheet.id))])


async def list_on_row(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    row_id = int_id(request, "row_id")
    sheet.row_index(row_id)
    comment_ids = {
        c
        for d in collab.discussions.values()
        if d.sheet_id == sheet.id and d.parent_type == "ROW" and d.parent_id == row_id
        for c in d.comment_ids
    }
    found = [
        a
        for a in on_sheet(state, sheet.id)
        if (a.parent_type == "ROW" and a.parent_id == row_id)
        or (a.parent_type == "COMMENT" and a.parent_id in comment_ids)
    ]
    return index_result(request, [a.wire for a in collab.latest(found)])


async def list_on_discussion(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    discussion = collab.discussion(sheet.id, int_id(request, "discussion_id"))
    found = collab.comment_attachments(discussion)
    return index_result(request, [a.wire for a in collab.latest(found)])


async def get_attachment(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    record = collab.attachment(sheet.id, int_id(request, "attachment_id"))
    return json_response(collab.issue_url(record, base_url(request)))


async def delete_attachment(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    record = collab.attachment(sheet.id, int_id(request, "attachment_id"))
    del collab.attachments[record.id]
    return ok()


async def list_versions(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    record = collab.attachment(sheet.id, int_id(request, "attachment_id"))
    return index_result(request, [a.wire for a in collab.versions(record)])


async def upload_version(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    record = collab.attachment(sheet.id, int_id(request, "attachment_id"))
    if record.parent_type == "COMMENT":
        raise ApiFailure(
            400,
            1100,
            "Uploading new versions of a discussion comment attachment is not supported.",
        )
    if record.parent_type == "PROOF":
        raise ApiFailure(
            400, 1296, "Uploading new versions of a proof attachment is not supported."
        )
    if record.data is None:
        raise ApiFailure(
            400, 1101, "Uploading new versions of non-FILE type attachments is not supported."
        )
    upload = await read_upload(request)
    if upload.file is None:
        raise ApiFailure(400, 1051, "Attachments of type FILE cannot be created using JSON.")
    version = collab.add_attachment(
        sheet.id,
        record.parent_type,
        record.parent_id,
        file_wire(upload.file),
        upload.file.data,
        group=record.group,
    )
    return result(version.wire, version=sheet.version)


async def delete_versions(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    record = collab.attachment(sheet.id, int_id(request, "attachment_id"))
    for version in collab.versions(record):
        del collab.attachments[version.id]
    return ok()


async def serve_file(request: web.Request) -> web.StreamResponse:
    collab = state_of(request).collab
    record = collab.redeem(request.match_info["token"])
    if record is None or record.data is None:
        # What an expired pre-signed storage link answers: a bare 403, not an API error.
        return web.Response(status=403, text="Request has expired or is not valid.")
    response = web.StreamResponse()
    response.content_type = record.wire.get("mimeType") or "application/octet-stream"
    response.content_length = len(record.data)
    await response.prepare(request)
    view = memoryview(record.data)
    # Written in slices with back-pressure, so serving a big file does not buffer a copy.
    for start in range(0, len(view), SERVE_CHUNK):
        await response.write(view[start : start + SERVE_CHUNK])
    await response.write_eof()
    return response


ROUTES: tuple[Route, ...] = (
    ("GET", _SHEET_PATH + "/attachments", list_on_sheet),
    ("POST", _SHEET_PATH + "/attachments", attach_to_sheet),
    ("GET", _ONE, get_attachment),
    ("DELETE", _ONE, delete_attachment),
    ("GET", _ONE + "/versions", list_versions),
    ("POST", _ONE + "/versions", upload_version),
    ("DELETE", _ONE + "/versions", delete_versions),
    ("GET", _SHEET_PATH + "/rows/{row_id}/attachments", list_on_row),
    ("POST", _SHEET_PATH + "/rows/{row_id}/attachments", attach_to_row),
    ("POST", _SHEET_PATH + "/comments/{comment_id}/attachments", attach_to_comment),
    ("GET", _SHEET_PATH + "/discussions/{discussion_id}/attachments", list_on_discussion),
    # A pre-signed link: the service skips the token check below FILES_PATH.
    ("GET", FILES_PATH + "{token}", serve_file),
)
