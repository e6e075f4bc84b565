"""ss.update_requests over HTTP: create (which sends), get, update, delete, and sent ones."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from smartsuite._core.errors import ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.recipients import Recipient
from smartsuite.smartsheet.models.update_requests import Schedule, UpdateRequest

from .collab_helpers import fast_client, last, sheet_with_row


@pytest.fixture
async def ss(smartsuite_emulator: Emulator) -> AsyncIterator[SmartsheetClient]:
    async with fast_client(smartsuite_emulator) as client:
        yield client


async def test_update_request_lifecycle(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id, row_id = await sheet_with_row(ss)
    created = await ss.update_requests.create(
        sheet_id,
        UpdateRequest(
            send_to=[Recipient(email="ann@example.com"), Recipient(email="bob@example.com")],
            row_ids=[row_id],
            subject="Status please",
            include_attachments=True,
        ),
    )
    entry = last(smartsuite_emulator)
    assert (entry.method, entry.path) == ("POST", f"/sheets/{sheet_id}/updaterequests")
    assert entry.json() == {
        "sendTo": [{"email": "ann@example.com"}, {"email": "bob@example.com"}],
        "subject": "Status please",
        "rowIds": [row_id],
        "includeAttachments": True,
    }
    assert created.id is not None and created.row_ids == [row_id]
    assert created.sent_by and created.sent_by.email

    got = await ss.update_requests.get(sheet_id, created.id)
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/updaterequests/{created.id}"
    assert got.subject == "Status please"
    assert [r.id for r in await ss.update_requests.list(sheet_id).to_list()] == [created.id]

    changed = await ss.update_requests.update(
        sheet_id, created.id, {"subject": "Status, please!", "message": "Thanks"}
    )
    assert last(smartsuite_emulator).json() == {"subject": "Status, please!", "message": "Thanks"}
    assert (changed.subject, changed.message) == ("Status, please!", "Thanks")

    sent = await ss.update_requests.list_sent(sheet_id).to_list()
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/sentupdaterequests"
    assert sorted(s.sent_to.email for s in sent if s.sent_to) == [
        "ann@example.com",
        "bob@example.com",
    ]
    assert {s.status for s in sent} == {"PENDING"}
    assert sent[0].id is not None
    one = await ss.update_requests.get_sent(sheet_id, sent[0].id)
    assert one.update_request_id == created.id
    await ss.update_requests.delete_sent(sheet_id, sent[0].id)
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/sentupdaterequests/{sent[0].id}"
    with pytest.raises(NotFoundError):
        await ss.update_requests.get_sent(sheet_id, sent[0].id)

    await ss.update_requests.delete(sheet_id, created.id)
    assert await ss.update_requests.list(sheet_id).to_list() == []


async def test_scheduled_request_is_not_sent_yet(ss: SmartsheetClient) -> None:
    sheet_id, row_id = await sheet_with_row(ss)
    created = await ss.update_requests.create(
        sheet_id,
        UpdateRequest(
            send_to=[Recipient(group_id=42)],
            row_ids=[row_id],
            schedule=Schedule(type="WEEKLY", day_descriptors=["MONDAY"], repeat_every=1),
        ),
    )
    assert created.schedule and created.schedule.day_descriptors == ["MONDAY"]
    assert await ss.update_requests.list_sent(sheet_id).to_list() == []


async def test_invalid_requests(ss: SmartsheetClient, smartsuite_emulator: Emulator) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    before = len(smartsuite_emulator.smartsheet.log)
    with pytest.raises(ConfigurationError, match="send_to and row_ids"):
        await ss.update_requests.create(sheet_id, UpdateRequest(send_to=[]))
    assert smartsuite_emulator.smartsheet.log[before:] == []
    with pytest.raises(NotFoundError):  # unknown row
        await ss.update_requests.create(
            sheet_id, {"sendTo": [{"email": "a@example.com"}], "rowIds": [7]}
        )
