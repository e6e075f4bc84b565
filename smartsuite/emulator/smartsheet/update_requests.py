"""Emulated update requests: creating one "sends" it to each recipient (a sent update
request, PENDING until deleted); scheduled requests can be changed and deleted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Handler, body_json, handler, index_result, int_id, result
from .attachments import ok
from .collab_state import EMULATOR_USER, public
from .state import ApiFailure, SheetState, now_iso

if TYPE_CHECKING:
    from .service import SmartsheetService

_FIELDS = (
    "sendTo",
    "subject",
    "message",
    "ccMe",
    "rowIds",
    "columnIds",
    "includeAttachments",
    "includeDiscussions",
    "layout",
    "schedule",
)


def _validate(sheet: SheetState, body: dict[str, Any], *, partial: bool) -> None:
    for field in ("sendTo", "rowIds"):
        if field in body or not partial:
            value = body.get(field)
            if not isinstance(value, list) or not value:
                raise ApiFailure(400, 1012, f"A required object attribute is missing: {field}")
    for recipient in body.get("sendTo") or []:
        if not isinstance(recipient, dict) or not (
            recipient.get("email") or recipient.get("groupId")
        ):
            raise ApiFailure(400, 1012, "A required object attribute is missing: sendTo.email")
    for row_id in body.get("rowIds") or []:
        sheet.row_index(row_id)
    for column_id in body.get("columnIds") or []:
        sheet.column(column_id)


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state
    collab = state.collab

    def sheet_of(request: web.Request) -> SheetState:
        return state.sheet(int_id(request, "sheet_id"))

    async def list_requests(request: web.Request) -> web.Response:
        sheet = sheet_of(request)
        found = [public(r) for r in collab.update_requests.values() if r["_sheetId"] == sheet.id]
        return index_result(request, found)

    async def create_request(request: web.Request) -> web.Response:
        sheet = sheet_of(request)
        body = await body_json(request)
        if not isinstance(body, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
        _validate(sheet, body, partial=False)
        stamp = now_iso()
        record: dict[str, Any] = {
            "_sheetId": sheet.id,
            "id": collab.next_id(),
            **{k: body[k] for k in _FIELDS if k in body},
            "sentBy": dict(EMULATOR_USER),
            "createdAt": stamp,
            "modifiedAt": stamp,
        }
        collab.update_requests[record["id"]] = record
        schedule = body.get("schedule")
        if not isinstance(schedule, dict) or schedule.get("type", "ONCE") == "ONCE":
            for recipient in body["sendTo"]:
                sent_id = collab.next_id()
                collab.sent_update_requests[sent_id] = {
                    "_sheetId": sheet.id,
                    "id": sent_id,
                    "updateRequestId": record["id"],
                    "sentTo": recipient,
                    "sentBy": dict(EMULATOR_USER),
                    "sentAt": stamp,
                    "status": "PENDING",
                    **{
                        k: body[k]
                        for k in (
                            "subject",
                            "message",
                            "rowIds",
                            "columnIds",
                            "includeAttachments",
                            "includeDiscussions",
                        )
                        if k in body
                    },
                }
        return result(public(record))

    async def get_request(request: web.Request) -> web.Response:
        sheet = sheet_of(request)
        return json_response(public(collab.update_request(sheet.id, int_id(request, "request_id"))))

    async def update_request(request: web.Request) -> web.Response:
        sheet = sheet_of(request)
        record = collab.update_request(sheet.id, int_id(request, "request_id"))
        body = await body_json(request)
        if not isinstance(body, dict):
            raise ApiFailure(400, 1008, "Unable to parse request: expected an object.")
        _validate(sheet, body, partial=True)
        record.update({k: body[k] for k in _FIELDS if k in body})
        record["modifiedAt"] = now_iso()
        return result(public(record))

    async def delete_request(request: web.Request) -> web.Response:
        sheet = sheet_of(request)
        record = collab.update_request(sheet.id, int_id(request, "request_id"))
        del collab.update_requests[record["id"]]
        return ok()

    async def list_sent(request: web.Request) -> web.Response:
        sheet = sheet_of(request)
        found = [
            public(r) for r in collab.sent_update_requests.values() if r["_sheetId"] == sheet.id
        ]
        return index_result(request, found)

    async def get_sent(request: web.Request) -> web.Response:
        sheet = sheet_of(request)
        return json_response(
            public(collab.sent_update_request(sheet.id, int_id(request, "sent_id")))
        )

    async def delete_sent(request: web.Request) -> web.Response:
        sheet = sheet_of(request)
        record = collab.sent_update_request(sheet.id, int_id(request, "sent_id"))
        if record["status"] != "PENDING":
            raise ApiFailure(400, 1008, "Only a pending update request can be canceled.")
        del collab.sent_update_requests[record["id"]]
        return ok()

    def wrap(fn: Handler) -> Handler:
        return handler(service, fn)

    path = "/sheets/{sheet_id}/updaterequests"
    app.router.add_get(path, wrap(list_requests))
    app.router.add_post(path, wrap(create_request))
    app.router.add_get(path + "/{request_id}", wrap(get_request))
    app.router.add_put(path + "/{request_id}", wrap(update_request))
    app.router.add_delete(path + "/{request_id}", wrap(delete_request))
    sent = "/sheets/{sheet_id}/sentupdaterequests"
    app.router.add_get(sent, wrap(list_sent))
    app.router.add_get(sent + "/{sent_id}", wrap(get_sent))
    app.router.add_delete(sent + "/{sent_id}", wrap(delete_sent))
