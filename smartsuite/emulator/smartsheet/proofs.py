"""Emulated proofs: created from a file on a row, versioned, with review requests, reviewer
actions, discussions and files. Only the current, incomplete version takes new content."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import Handler, body_json, handler, index_result, int_id, result
from .attachments import ok
from .collab_state import EMULATOR_USER, CollabState, ProofRecord
from .discussions import discussions_page, includes, start_discussion
from .state import ApiFailure, now_iso
from .uploads import FileData, file_wire, read_upload

if TYPE_CHECKING:
    from .service import SmartsheetService


def _proof_type(file: FileData) -> str:
    major = file.content_type.split("/")[0]
    return {"image": "IMAGE", "video": "VIDEO"}.get(major, "DOCUMENT")


def _wire(collab: CollabState, proof: ProofRecord, wanted: set[str]) -> dict[str, Any]:
    wire = proof.wire()
    if "attachments" in wanted:
        wire["attachments"] = [
            a.wire
            for a in collab.attachments.values()
            if a.parent_type == "PROOF" and a.parent_id == proof.id
        ]
    if "discussions" in wanted:
        wire["discussions"] = [
            collab.discussion_wire(d, comments=True, attachments=False)
            for d in collab.discussions.values()
            if d.parent_type == "PROOF" and d.parent_id == proof.id
        ]
    return wire


async def _file(request: web.Request) -> FileData:
    upload = await read_upload(request)
    if upload.file is None:
        raise ApiFailure(400, 1051, "Attachments of type FILE cannot be created using JSON.")
    return upload.file


def register(service: SmartsheetService, app: web.Application) -> None:
    state = service.state
    collab = state.collab

    def proof_of(request: web.Request) -> ProofRecord:
        sheet = state.sheet(int_id(request, "sheet_id"))
        return collab.proof(sheet.id, int_id(request, "proof_id"))

    def writable(proof: ProofRecord, code: int, what: str) -> None:
        if proof.is_completed or collab.current_proof(proof) is not proof:
            raise ApiFailure(
                400,
                code,
                f"{what} can only be added to a current version proof. In addition, the proof "
                "must not be marked as complete.",
            )

    def new_version(
        sheet_id: int, row_id: int, file: FileData, previous: ProofRecord | None
    ) -> ProofRecord:
        proof_id = collab.next_id()
        proof = ProofRecord(
            id=proof_id,
            original_id=previous.original_id if previous else proof_id,
            sheet_id=sheet_id,
            row_id=row_id,
            version=previous.version + 1 if previous else 1,
            name=file.filename,
            proof_type=_proof_type(file),
        )
        collab.proofs[proof_id] = proof
        collab.add_attachment(sheet_id, "PROOF", proof_id, file_wire(file), file.data)
        return proof

    async def create_proof(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        row_id = int_id(request, "row_id")
        sheet.row_index(row_id)
        if any(p.row_id == row_id and p.sheet_id == sheet.id for p in collab.proofs.values()):
            raise ApiFailure(400, 1280, "Proofing duplicate record.")
        proof = new_version(sheet.id, row_id, await _file(request), None)
        return result(_wire(collab, proof, {"attachments"}), version=sheet.version)

    async def list_proofs(request: web.Request) -> web.Response:
        sheet = state.sheet(int_id(request, "sheet_id"))
        current = {
            p.original_id: collab.current_proof(p)
            for p in collab.proofs.values()
            if p.sheet_id == sheet.id
        }
        return index_result(request, [p.wire() for p in current.values()])

    async def get_proof(request: web.Request) -> web.Response:
        return json_response(_wire(collab, proof_of(request), includes(request)))

    async def update_proof(request: web.Request) -> web.Response:
        proof = proof_of(request)
        body = await body_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("isCompleted"), bool):
            raise ApiFailure(400, 1012, "A required object attribute is missing: isCompleted")
        proof.is_completed = body["isCompleted"]
        proof.last_updated_at = now_iso()
        return json_response(proof.wire())

    async def delete_proof(request: web.Request) -> web.Response:
        proof = proof_of(request)
        for version in collab.proof_versions(proof):
            delete_one(version)
        return ok()

    def delete_one(proof: ProofRecord) -> None:
        collab.drop_attachments("PROOF", proof.id)
        for discussion in [
            d
            for d in collab.discussions.values()
            if d.parent_type == "PROOF" and d.parent_id == proof.id
        ]:
            collab.delete_discussion(discussion)
        del collab.proofs[proof.id]

    async def list_attachments(request: web.Request) -> web.Response:
        proof = proof_of(request)
        return index_result(request, _wire(collab, proof, {"attachments"})["attachments"])

    async def attach(request: web.Request) -> web.Response:
        proof = proof_of(request)
        writable(proof, 1306, "An attachment")
        file = await _file(request)
        record = collab.add_attachment(
            proof.sheet_id, "PROOF", proof.id, file_wire(file), file.data
        )
        return result(record.wire)

    async def list_discussions(request: web.Request) -> web.Response:
        proof = proof_of(request)
        found = [
            d
            for d in collab.discussions.values()
            if d.parent_type == "PROOF" and d.parent_id == proof.id
        ]
        return discussions_page(request, collab, found)

    async def create_discussion(request: web.Request) -> web.Response:
        proof = proof_of(request)
        writable(proof, 1316, "A discussion")
        return result(await start_discussion(request, collab, proof.sheet_id, "PROOF", proof.id))

    async def list_actions(request: web.Request) -> web.Response:
        return index_result(request, proof_of(request).actions)

    async def create_requests(request: web.Request) -> web.Response:
        proof = proof_of(request)
        body = await body_json(request)
        send_to = body.get("sendTo") if isinstance(body, dict) else None
        if not isinstance(send_to, list) or not send_to:
            raise ApiFailure(400, 1012, "A required object attribute is missing: sendTo")
        sent = {
            "id": collab.next_id(),
            "proofId": proof.id,
            **{k: body[k] for k in ("sendTo", "subject", "message", "ccMe") if k in body},
            "isDownloadable": bool(body.get("isDownloadable", False)),
            "sentBy": dict(EMULATOR_USER),
            "sentAt": now_iso(),
            "status": "ACTIVE",
        }
        proof.requests.append(sent)
        for recipient in send_to:
            if isinstance(recipient, dict) and recipient.get("email"):
                proof.actions.append(
                    {"user": {"email": recipient["email"]}, "actionStatus": "PENDING"}
                )
        return result(sent)

    async def delete_requests(request: web.Request) -> web.Response:
        proof = proof_of(request)
        proof.requests.clear()
        proof.actions = [a for a in proof.actions if a["actionStatus"] != "PENDING"]
        return ok()

    async def list_versions(request: web.Request) -> web.Response:
        proof = proof_of(request)
        return index_result(request, [p.wire() for p in collab.proof_versions(proof)])

    async def create_version(request: web.Request) -> web.Response:
        proof = collab.current_proof(proof_of(request))
        version = new_version(proof.sheet_id, proof.row_id, await _file(request), proof)
        return result(_wire(collab, version, {"attachments"}))

    async def delete_version(request: web.Request) -> web.Response:
        delete_one(proof_of(request))
        return ok()

    def wrap(fn: Handler) -> Handler:
        return handler(service, fn)

    app.router.add_post("/sheets/{sheet_id}/rows/{row_id}/proofs", wrap(create_proof))
    path = "/sheets/{sheet_id}/proofs"
    one = path + "/{proof_id}"
    app.router.add_get(path, wrap(list_proofs))
    app.router.add_get(one, wrap(get_proof))
    app.router.add_put(one, wrap(update_proof))
    app.router.add_delete(one, wrap(delete_proof))
    app.router.add_get(one + "/attachments", wrap(list_attachments))
    app.router.add_post(one + "/attachments", wrap(attach))
    app.router.add_get(one + "/discussions", wrap(list_discussions))
    app.router.add_post(one + "/discussions", wrap(create_discussion))
    app.router.add_get(one + "/requestactions", wrap(list_actions))
    app.router.add_post(one + "/requests", wrap(create_requests))
    app.router.add_delete(one + "/requests", wrap(delete_requests))
    app.router.add_get(one + "/versions", wrap(list_versions))
    app.router.add_post(one + "/versions", wrap(create_version))
    app.router.add_delete(one + "/versions", wrap(delete_version))
