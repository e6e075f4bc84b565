"""ss.discussions and ss.comments over HTTP: JSON and multipart creation, include options,
edits, deletes and documented errors."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from smartsuite._core.errors import ConfigurationError, NotFoundError, PermissionDeniedError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient

from .collab_helpers import fast_client, last, sheet_with_row


@pytest.fixture
async def ss(smartsuite_emulator: Emulator) -> AsyncIterator[SmartsheetClient]:
    async with fast_client(smartsuite_emulator) as client:
        yield client


async def test_create_on_sheet_and_row_with_json(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id, row_id = await sheet_with_row(ss)
    on_sheet = await ss.discussions.create(sheet_id, "Kick-off notes", title="Kick-off")
    entry = last(smartsuite_emulator)
    assert (entry.method, entry.path) == ("POST", f"/sheets/{sheet_id}/discussions")
    assert entry.json() == {"comment": {"text": "Kick-off notes"}, "title": "Kick-off"}
    assert on_sheet.title == "Kick-off" and on_sheet.parent_type == "SHEET"
    assert on_sheet.comment_count == 1 and on_sheet.comments
    assert on_sheet.comments[0].text == "Kick-off notes"

    on_row = await ss.discussions.create_on_row(sheet_id, row_id, "Is this done?")
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/rows/{row_id}/discussions"
    assert (on_row.parent_type, on_row.parent_id) == ("ROW", row_id)

    listed = await ss.discussions.list(sheet_id).to_list()
    assert [d.id for d in listed] == [on_sheet.id, on_row.id]
    assert listed[0].comments is None  # not asked for
    with_comments = await ss.discussions.list(sheet_id, include=["comments"]).to_list()
    assert last(smartsuite_emulator).query["include"] == "comments"
    assert with_comments[1].comments and with_comments[1].comments[0].text == "Is this done?"
    row_only = await ss.discussions.list_on_row(sheet_id, row_id).to_list()
    assert [d.id for d in row_only] == [on_row.id]

    assert on_row.id is not None
    got = await ss.discussions.get(sheet_id, on_row.id)
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/discussions/{on_row.id}"
    assert got.last_commented_user and got.last_commented_user.name == "Emulator User"


async def test_create_discussion_with_file_is_one_multipart_request(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id, row_id = await sheet_with_row(ss)
    before = len(smartsuite_emulator.smartsheet.log)
    discussion = await ss.discussions.create_on_row(
        sheet_id, row_id, "Screenshot attached", file=b"\x89PNG...", filename="shot.png"
    )
    sent = smartsuite_emulator.smartsheet.log[before:]
    assert len(sent) == 1
    body = sent[0].body
    assert b'Content-Disposition: form-data; name="discussion"' in body
    assert b'{"comment":{"text":"Screenshot attached"}}' in body
    assert b'name="file"; filename="shot.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG...' in body
    assert discussion.comment_attachments and discussion.comment_attachments[0].name == "shot.png"
    assert discussion.id is not None
    files = await ss.attachments.list_on_discussion(sheet_id, discussion.id).to_list()
    assert [f.name for f in files] == ["shot.png"]


async def test_comments_create_get_edit_delete(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    discussion = await ss.discussions.create(sheet_id, "First")
    assert discussion.id is not None
    comment = await ss.comments.create(sheet_id, discussion.id, "Second")
    entry = last(smartsuite_emulator)
    assert entry.path == f"/sheets/{sheet_id}/discussions/{discussion.id}/comments"
    assert entry.json() == {"text": "Second"}
    assert comment.text == "Second" and comment.discussion_id == discussion.id
    assert comment.id is not None

    with_file = await ss.comments.create(
        sheet_id, discussion.id, "Here is the file", file=b"a,b\n1,2\n", filename="data.csv"
    )
    body = last(smartsuite_emulator).body
    assert b'name="comment"' in body and b'{"text":"Here is the file"}' in body
    assert with_file.attachments and with_file.attachments[0].mime_type == "text/csv"

    got = await ss.comments.get(sheet_id, comment.id)
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/comments/{comment.id}"
    assert got.text == "Second"

    edited = await ss.comments.update(sheet_id, comment.id, "Second (edited)")
    entry = last(smartsuite_emulator)
    assert (entry.method, entry.json()) == ("PUT", {"text": "Second (edited)"})
    assert edited.text == "Second (edited)"

    result = await ss.comments.delete(sheet_id, comment.id)
    assert result.result_code == 0 and last(smartsuite_emulator).method == "DELETE"
    with pytest.raises(NotFoundError):
        await ss.comments.get(sheet_id, comment.id)
    refreshed = await ss.discussions.get(sheet_id, discussion.id)
    assert refreshed.comment_count == 2

    await ss.discussions.delete(sheet_id, discussion.id)
    assert await ss.discussions.list(sheet_id).to_list() == []
    assert await ss.attachments.list(sheet_id).to_list() == []  # comment files went too


async def test_editing_someone_elses_comment_is_refused(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    discussion = await ss.discussions.create(sheet_id, "Mine")
    assert discussion.comments and discussion.comments[0].id is not None
    comment_id = discussion.comments[0].id
    stored = smartsuite_emulator.smartsheet.state.collab.comments[comment_id]
    stored["createdBy"] = {"email": "someone.else@example.com", "name": "Someone Else"}
    with pytest.raises(PermissionDeniedError) as info:
        await ss.comments.update(sheet_id, comment_id, "Hijacked")
    assert info.value.code == 1081


async def test_bad_input_is_refused_locally_and_remotely(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    before = len(smartsuite_emulator.smartsheet.log)
    with pytest.raises(ConfigurationError, match="text"):
        await ss.comments.create(sheet_id, 1, "")
    assert smartsuite_emulator.smartsheet.log[before:] == []
    with pytest.raises(NotFoundError) as info:
        await ss.comments.create(sheet_id, 999, "orphan")
    assert info.value.code == 1006
    with pytest.raises(NotFoundError):
        await ss.discussions.create_on_row(sheet_id, 12345, "no such row")
