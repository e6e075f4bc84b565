"""Emulated discussion and comment routes (JSON, or multipart with a file)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Handler, body_json, handler, index_result, int_id, result
from .attachments import ok
from .collab_state import EMULATOR_USER, CollabState, DiscussionRecord
from .state import ApiFailure, now_iso
from .uploads import file_wire, read_upload

if TYPE_CHECKING:
    from .service import SmartsheetService

MAX_COMMENT_CHARS = 10_000


def _text(document: Any, *, nested: bool) -> str:
    source = document.get("comment") if nested and isinstance(document, dict) else document
    text = source.get("text") if isinstance(source, dict) else None
    if not isinstance(text, str) or not text.strip():
        field = "comment.text" if nested else "text"
        raise ApiFailure(400, 1012, f"A required object attribute is missing: {field}")
    if len(text) > MAX_COMMENT_CHARS:
        raise ApiFailure(
            400, 1041, f"The comment text must be {MAX_COMMENT_CHARS} characters or less."
        )
    return text


def includes(request: web.Request) -> set[str]:
    return {v.strip() for v in request.query.get("include", "").split(",") if v.strip()}


def discussions_page(
    request: web.Request, collab: CollabState, found: list[DiscussionRecord]
) -> web.Response:
    wanted = includes(request)
    return index_result(
        request,
        [
            collab.discussion_wire(
                d, comments="comments" in wanted, attachments="attachments" in wanted
            )
            for d in found
        ],
    )


async def start_discussion(
    request: web.Request, collab: CollabState, sheet_id: int, parent_type: str, parent_id: int
) -> dict[str, Any]:
    """Create a discussion with its first comment (and the comment's file, if multipart)."""
    upload = await read_upload(request, json_name="discussion")
    text = _text(upload.document, nested=True)
    title = upload.document.get("title") or text[:100]
    discussion = DiscussionRecord(collab.next_id(), sheet_id, parent_type, parent_id, str(title))
    collab.discussions[discussion.id] = discussion
    comment = collab.add_comment(discussion, text)
    if upload.file is not None:
        collab.add_attachment(
            sheet_id, "COMMENT", comment["id"], file_wire(upload.file), upload.file.data
        )
    return collab.discussion_wire(discussion, comments=True, attachments=True)


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state
    collab = state.collab

    async def list_on_sheet(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        found = [
            d
            for d in collab.discussions.values()
            if d.sheet_id == sheet.id and d.parent_type != "PROOF"
        ]
        return discussions_page(request, collab, found)

    async def list_on_row(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        row_id = int_id(request, "row_id")
        sheet.row_index(row_id)
        found = [
            d
            for d in collab.discussions.values()
            if d.sheet_id == sheet.id and d.parent_type == "ROW" and d.parent_id == row_id
        ]
        return discussions_page(request, collab, found)

    async def create_on_sheet(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        wire = await start_discussion(request, collab, sheet.id, "SHEET", sheet.id)
        return result(wire, version=sheet.version)

    async def create_on_row(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        row_id = int_id(request, "row_id")
        sheet.row_index(row_id)
        wire = await start_discussion(request, collab, sheet.id, "ROW", row_id)
        return result(wire, version=sheet.version)

    async def get_discussion(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        discussion = collab.discussion(sheet.id, int_id(request, "discussion_id"))
        return json_response(collab.discussion_wire(discussion, comments=True, attachments=True))

    async def delete_discussion(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        collab.delete_discussion(collab.discussion(sheet.id, int_id(request, "discussion_id")))
        return ok()

    async def add_comment(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        discussion = collab.discussion(sheet.id, int_id(request, "discussion_id"))
        upload = await read_upload(request, json_name="comment")
        comment = collab.add_comment(discussion, _text(upload.document, nested=False))
        if upload.file is not None:
            collab.add_attachment(
                sheet.id, "COMMENT", comment["id"], file_wire(upload.file), upload.file.data
            )
        return result(collab.comment_wire(comment), version=sheet.version)

    async def get_comment(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        comment = collab.comment(sheet.id, int_id(request, "comment_id"))
        return json_response(collab.comment_wire(comment))

    async def edit_comment(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        comment = collab.comment(sheet.id, int_id(request, "comment_id"))
        if comment["createdBy"].get("email") != EMULATOR_USER["email"]:
            raise ApiFailure(
                403,
                1081,
                "You cannot delete or update another user's discussions, comments, or comment "
                "attachments.",
            )
        comment["text"] = _text(await body_json(request), nested=False)
        comment["modifiedAt"] = now_iso()
        return result(collab.comment_wire(comment), version=sheet.version)

    async def delete_comment(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        comment = collab.comment(sheet.id, int_id(request, "comment_id"))
        discussion = collab.discussions.get(comment["discussionId"])
        del collab.comments[comment["id"]]
        collab.drop_attachments("COMMENT", comment["id"])
        if discussion is not None:
            discussion.comment_ids.remove(comment["id"])
            if not discussion.comment_ids:  # the last comment takes its discussion with it
                del collab.discussions[discussion.id]
        return ok()

    def wrap(fn: Handler) -> Handler:
        return handler(service, fn)

    sheet_path = "/sheets/{sheet_id}"
    one = sheet_path + "/discussions/{discussion_id}"
    app.router.add_get(sheet_path + "/discussions", wrap(list_on_sheet))
    app.router.add_post(sheet_path + "/discussions", wrap(create_on_sheet))
    app.router.add_get(sheet_path + "/rows/{row_id}/discussions", wrap(list_on_row))
    app.router.add_post(sheet_path + "/rows/{row_id}/discussions", wrap(create_on_row))
    app.router.add_get(one, wrap(get_discussion))
    app.router.add_delete(one, wrap(delete_discussion))
    app.router.add_post(one + "/comments", wrap(add_comment))
    comment_path = sheet_path + "/comments/{comment_id}"
    app.router.add_get(comment_path, wrap(get_comment))
    app.router.add_put(comment_path, wrap(edit_comment))
    app.router.add_delete(comment_path, wrap(delete_comment))
