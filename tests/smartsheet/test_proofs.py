"""ss.proofs over HTTP: create from a file, versions, completion, files, discussions, review
requests and their actions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from smartsuite._core.errors import BadRequestError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.recipients import Recipient

from .collab_helpers import fast_client, last, sheet_with_row


@pytest.fixture
async def ss(smartsuite_emulator: Emulator) -> AsyncIterator[SmartsheetClient]:
    async with fast_client(smartsuite_emulator) as client:
        yield client


async def test_proof_lifecycle(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    sheet_id, row_id = await sheet_with_row(ss)
    art = tmp_path / "banner.png"
    art.write_bytes(b"\x89PNG banner v1")
    proof = await ss.proofs.create(sheet_id, row_id, art)
    entry = last(smartsuite_emulator)
    assert (entry.method, entry.path) == ("POST", f"/sheets/{sheet_id}/rows/{row_id}/proofs")
    assert entry.body == art.read_bytes()
    assert (proof.name, proof.proof_type, proof.version) == ("banner.png", "IMAGE", 1)
    assert proof.attachments and proof.attachments[0].parent_type == "PROOF"
    assert proof.id is not None
    first_id = proof.id

    got = await ss.proofs.get(sheet_id, first_id, include=["attachments", "discussions"])
    entry = last(smartsuite_emulator)
    assert entry.query["include"] == "attachments,discussions"
    assert got.attachments and got.discussions == []

    v2 = await ss.proofs.create_version(sheet_id, first_id, b"\x89PNG banner v2", filename="b.png")
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/proofs/{first_id}/versions"
    assert v2.version == 2 and v2.original_id == first_id and v2.id is not None
    versions = await ss.proofs.list_versions(sheet_id, v2.id).to_list()
    assert [v.version for v in versions] == [2, 1]
    listed = await ss.proofs.list(sheet_id).to_list()
    assert [p.id for p in listed] == [v2.id]  # only the current version

    # the old version takes no new files
    with pytest.raises(BadRequestError) as info:
        await ss.proofs.attach_file(sheet_id, first_id, b"x", filename="x.pdf")
    assert info.value.code == 1306
    extra = await ss.proofs.attach_file(sheet_id, v2.id, b"%PDF", filename="spec.pdf")
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/proofs/{v2.id}/attachments"
    files = await ss.proofs.list_attachments(sheet_id, v2.id).to_list()
    assert {f.name for f in files} == {"b.png", "spec.pdf"} and extra.mime_type == "application/pdf"

    discussion = await ss.proofs.create_discussion(
        sheet_id, v2.id, "Logo is too small", file=b"markup", filename="markup.txt"
    )
    assert b'name="discussion"' in last(smartsuite_emulator).body
    assert discussion.parent_type == "PROOF"
    found = await ss.proofs.list_discussions(sheet_id, v2.id, include=["comments"]).to_list()
    assert found[0].comments and found[0].comments[0].text == "Logo is too small"
    # proof discussions stay off the sheet's own list
    assert await ss.discussions.list(sheet_id).to_list() == []

    request = await ss.proofs.create_requests(
        sheet_id,
        v2.id,
        ["ann@example.com", Recipient(email="bob@example.com")],
        subject="Please review",
        is_downloadable=True,
    )
    assert last(smartsuite_emulator).json() == {
        "sendTo": [{"email": "ann@example.com"}, {"email": "bob@example.com"}],
        "subject": "Please review",
        "isDownloadable": True,
    }
    assert request.status == "ACTIVE" and request.proof_id == v2.id
    actions = await ss.proofs.list_request_actions(sheet_id, v2.id).to_list()
    assert [(a.user.email if a.user else None, a.action_status) for a in actions] == [
        ("ann@example.com", "PENDING"),
        ("bob@example.com", "PENDING"),
    ]
    await ss.proofs.delete_requests(sheet_id, v2.id)
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/proofs/{v2.id}/requests"
    assert await ss.proofs.list_request_actions(sheet_id, v2.id).to_list() == []

    done = await ss.proofs.update(sheet_id, v2.id, is_completed=True)
    assert last(smartsuite_emulator).json() == {"isCompleted": True}
    assert done.is_completed is True
    with pytest.raises(BadRequestError) as info:
        await ss.proofs.create_discussion(sheet_id, v2.id, "too late")
    assert info.value.code == 1316

    await ss.proofs.delete_version(sheet_id, first_id)
    assert [v.version for v in await ss.proofs.list_versions(sheet_id, v2.id).to_list()] == [2]
    result = await ss.proofs.delete(sheet_id, v2.id)
    assert result.result_code == 0
    with pytest.raises(NotFoundError):
        await ss.proofs.get(sheet_id, v2.id)
    assert await ss.proofs.list(sheet_id).to_list() == []
