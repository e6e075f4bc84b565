"""Emulated proofs: created from a file on a row, versioned, with review requests, reviewer
actions, discussions and files. Only the current, incomplete version takes new content."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from ._http import (
    Route,
    body_json,
    index_result,
    int_id,
    result,
    state_of,
)
from .attachments import ok
from .collab_state import EMULATOR_USER, CollabState, ProofRecord
from .discussions import discussions_page, includes, start_discussion
from .state import ApiFailure, SmartsheetState, now_iso
from .uploads import FileData, file_wire, read_upload

if TYPE_CHECKING:
    pass


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


_PATH = "/sheets/{sheet_id}/proofs"
_ONE = _PATH + "/{proof_id}"


def proof_of(request: web.Request) -> ProofRecord:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    return collab.proof(sheet.id, int_id(request, "proof_id"))


def writable(state: SmartsheetState, proof: ProofRecord, code: int, what: str) -> None:
    collab = state.collab
    if proof.is_completed or collab.current_proof(proof) is not proof:
        raise ApiFailure(
            400,
            code,
            f"{what} can only be added to a current version proof. In addition, the proof "
            "must not be marked as complete.",
        )


def new_version(
    state: SmartsheetState, sheet_id: int, row_id: int, file: FileData, previous: ProofRecord | None
) -> ProofRecord:
    collab = state.collab
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
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    row_id = int_id(request, "row_id")
    sheet.row_index(row_id)
    if any(p.row_id == row_id and p.sheet_id == sheet.id for p in collab.proofs.values()):
        raise ApiFailure(400, 1280, "Proofing duplicate record.")
    proof = new_version(state, sheet.id, row_id, await _file(request), None)
    return result(_wire(collab, proof, {"attachments"}), version=sheet.version)


async def list_proofs(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    sheet = state.sheet(int_id(request, "sheet_id"))
    current = {
        p.original_id: collab.current_proof(p)
        for p in collab.proofs.values()
        if p.sheet_id == sheet.id
    }
    return index_result(request, [p.wire() for p in current.values()])


async def get_proof(request: web.Request) -> web.Response:
    collab = state_of(request).collab
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
    collab = state_of(request).collab
    proof = proof_of(request)
    for version in collab.proof_versions(proof):
        delete_one(state_of(request), version)
    return ok()


def delete_one(state: SmartsheetState, proof: ProofRecord) -> None:
    collab = state.collab
    collab.drop_attachments("PROOF", proof.id)
    for discussion in [
        d
        for d in collab.discussions.values()
        if d.parent_type == "PROOF" and d.parent_id == proof.id
    ]:
        collab.delete_discussion(discussion)
    del collab.proofs[proof.id]


async def list_attachments(request: web.Request) -> web.Response:
    collab = state_of(request).collab
    proof = proof_of(request)
    return index_result(request, _wire(collab, proof, {"attachments"})["attachments"])


async def attach(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    proof = proof_of(request)
    writable(state, proof, 1306, "An attachment")
    file = await _file(request)
    record = collab.add_attachment(proof.sheet_id, "PROOF", proof.id, file_wire(file), file.data)
    return result(record.wire)


async def list_discussions(request: web.Request) -> web.Response:
    collab = state_of(request).collab
    proof = proof_of(request)
    found = [
        d
        for d in collab.discussions.values()
        if d.parent_type == "PROOF" and d.parent_id == proof.id
    ]
    return discussions_page(request, collab, found)


async def create_discussion(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    proof = proof_of(request)
    writable(state, proof, 1316, "A discussion")
    return result(await start_discussion(request, collab, proof.sheet_id, "PROOF", proof.id))


async def list_actions(request: web.Request) -> web.Response:
    return index_result(request, proof_of(request).actions)


async def create_requests(request: web.Request) -> web.Response:
    collab = state_of(request).collab
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
            proof.actions.append({"user": {"email": recipient["email"]}, "actionStatus": "PENDING"})
    return result(sent)


async def delete_requests(request: web.Request) -> web.Response:
    proof = proof_of(request)
    proof.requests.clear()
    proof.actions = [a for a in proof.actions if a["actionStatus"] != "PENDING"]
    return ok()


async def list_versions(request: web.Request) -> web.Response:
    collab = state_of(request).collab
    proof = proof_of(request)
    return index_result(request, [p.wire() for p in collab.proof_versions(proof)])


async def create_version(request: web.Request) -> web.Response:
    state = state_of(request)
    collab = state.collab
    proof = collab.current_proof(proof_of(request))
    version = new_version(state, proof.sheet_id, proof.row_id, await _file(request), proof)
    return result(_wire(collab, version, {"attachments"}))


async def delete_version(request: web.Request) -> web.Response:
    delete_one(state_of(request), proof_of(request))
    return ok()


ROUTES: tuple[Route, ...] = (
    ("POST", "/sheets/{sheet_id}/rows/{row_id}/proofs", create_proof),
    ("GET", _PATH, list_proofs),
    ("GET", _ONE, get_proof),
    ("PUT", _ONE, update_proof),
    ("DELETE", _ONE, delete_proof),
    ("GET", _ONE + "/attachments", list_attachments),
    ("POST", _ONE + "/attachments", attach),
    ("GET", _ONE + "/discussions", list_discussions),
    ("POST", _ONE + "/discussions", create_discussion),
    ("GET", _ONE + "/requestactions", list_actions),
    ("POST", _ONE + "/requests", create_requests),
    ("DELETE", _ONE + "/requests", delete_requests),
    ("GET", _ONE + "/versions", list_versions),
    ("POST", _ONE + "/versions", create_version),
    ("DELETE", _ONE + "/versions", delete_version),
)
