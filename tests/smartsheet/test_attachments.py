"""ss.attachments over HTTP against the emulator: simple and multipart uploads from bytes, paths
and file objects, links, versions, streaming downloads, the 30 MB limit and file names."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from smartsuite._core.errors import (
    BadRequestError,
    ConfigurationError,
    LimitExceededError,
    NotFoundError,
)
from smartsuite.emulator import Emulator
from smartsuite.emulator.faults import Fault
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.attachments import UrlAttachment

from .collab_helpers import fast_client, last, sheet_with_row

MB = 1024 * 1024


@pytest.fixture
async def ss(smartsuite_emulator: Emulator) -> AsyncIterator[SmartsheetClient]:
    async with fast_client(smartsuite_emulator) as client:
        yield client


async def test_simple_upload_from_bytes_to_sheet(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    att = await ss.attachments.attach_to_sheet(sheet_id, b"quarterly numbers", filename="q.csv")
    entry = last(smartsuite_emulator)
    assert (entry.method, entry.path) == ("POST", f"/sheets/{sheet_id}/attachments")
    assert entry.body == b"quarterly numbers"
    assert att.attachment_type == "FILE"
    assert att.name == "q.csv"
    assert att.mime_type == "text/csv"
    assert att.parent_type == "SHEET" and att.parent_id == sheet_id
    assert att.size_in_kb == 1
    stored = smartsuite_emulator.smartsheet.state.collab.attachments[att.id]  # type: ignore[index]
    assert stored.data == b"quarterly numbers"


async def test_upload_from_path_to_row(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    sheet_id, row_id = await sheet_with_row(ss)
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7 " + os.urandom(300_000))
    att = await ss.attachments.attach_to_row(sheet_id, row_id, path)
    entry = last(smartsuite_emulator)
    assert entry.path == f"/sheets/{sheet_id}/rows/{row_id}/attachments"
    assert entry.body == path.read_bytes()
    assert (att.name, att.mime_type, att.parent_type) == ("report.pdf", "application/pdf", "ROW")
    assert att.size_in_kb == 293  # ceil(300_009 / 1024)
    listed = await ss.attachments.list_on_row(sheet_id, row_id).to_list()
    assert [a.id for a in listed] == [att.id]


async def test_upload_from_file_object_and_content_type_override(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    path = tmp_path / "notes.bin"
    path.write_bytes(b"abc" * 1000)
    with path.open("rb") as handle:
        att = await ss.attachments.attach_to_sheet(sheet_id, handle, content_type="text/plain")
    assert att.name == "notes.bin" and att.mime_type == "text/plain"
    assert last(smartsuite_emulator).body == b"abc" * 1000
    # an unnamed stream needs a filename
    with pytest.raises(ConfigurationError, match="filename"):
        await ss.attachments.attach_to_sheet(sheet_id, io.BytesIO(b"x"))


async def test_multipart_upload_of_a_file(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    path = tmp_path / "plan.txt"
    path.write_bytes(b"line one\r\n--not-a-boundary\r\n")
    att = await ss.attachments.attach_to_sheet(sheet_id, path, multipart=True)
    body = last(smartsuite_emulator).body
    assert b'Content-Disposition: form-data; name="file"; filename="plan.txt"' in body
    assert b"Content-Type: text/plain\r\n\r\nline one\r\n--not-a-boundary\r\n\r\n--" in body
    assert att.name == "plan.txt"
    stored = smartsuite_emulator.smartsheet.state.collab.attachments[att.id]  # type: ignore[index]
    assert stored.data == path.read_bytes()


async def test_url_attachments(ss: SmartsheetClient, smartsuite_emulator: Emulator) -> None:
    sheet_id, row_id = await sheet_with_row(ss)
    link = await ss.attachments.attach_to_sheet(
        sheet_id, UrlAttachment("https://example.com/spec", name="Spec")
    )
    assert last(smartsuite_emulator).json() == {
        "url": "https://example.com/spec",
        "attachmentType": "LINK",
        "name": "Spec",
    }
    assert (link.attachment_type, link.name, link.url) == (
        "LINK",
        "Spec",
        "https://example.com/spec",
    )
    drive = await ss.attachments.attach_to_row(
        sheet_id,
        row_id,
        UrlAttachment(
            "https://docs.google.com/d/1",
            attachment_type="GOOGLE_DRIVE",
            attachment_sub_type="SPREADSHEET",
        ),
    )
    assert (drive.attachment_type, drive.attachment_sub_type) == ("GOOGLE_DRIVE", "SPREADSHEET")
    with pytest.raises(BadRequestError) as info:
        await ss.attachments.attach_to_sheet(
            sheet_id, UrlAttachment("https://x.example", attachment_type="FILE")
        )
    assert info.value.code == 1051
    with pytest.raises(BadRequestError) as info:
        await ss.attachments.attach_to_sheet(
            sheet_id, UrlAttachment("https://x.example", attachment_type="MYSPACE")
        )
    assert info.value.code == 1255
    # a link has no bytes to download, and cannot take a new version
    with pytest.raises(ConfigurationError, match="link"):
        await ss.attachments.download(sheet_id, link.id, io.BytesIO())  # type: ignore[arg-type]
    with pytest.raises(BadRequestError) as info:
        await ss.attachments.upload_version(sheet_id, link.id, b"v2", filename="x.txt")  # type: ignore[arg-type]
    assert info.value.code == 1101


async def test_non_ascii_filename_round_trips(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    name = 'Rapport "final" \u2013 été 2024 日本.docx'
    att = await ss.attachments.attach_to_sheet(sheet_id, b"x", filename=name)
    assert att.name == name
    multi = await ss.attachments.attach_to_sheet(sheet_id, b"y", filename=name, multipart=True)
    assert multi.name == name
    assert b"filename*=UTF-8''Rapport%20%22final%22%20%E2%80%93" in last(smartsuite_emulator).body


async def test_versions(ss: SmartsheetClient, smartsuite_emulator: Emulator) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    v1 = await ss.attachments.attach_to_sheet(sheet_id, b"v1", filename="doc.txt")
    assert v1.id is not None
    v2 = await ss.attachments.upload_version(sheet_id, v1.id, b"v2 longer", filename="doc.txt")
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/attachments/{v1.id}/versions"
    v3 = await ss.attachments.upload_version(
        sheet_id, v1.id, b"v3", filename="doc.txt", multipart=True
    )
    versions = await ss.attachments.list_versions(sheet_id, v1.id).to_list()
    assert [v.id for v in versions] == [v3.id, v2.id, v1.id]
    # only the newest version is listed on the sheet
    assert [a.id for a in await ss.attachments.list(sheet_id).to_list()] == [v3.id]
    buf = io.BytesIO()
    assert await ss.attachments.download(sheet_id, v2.id, buf) == 9  # type: ignore[arg-type]
    assert buf.getvalue() == b"v2 longer"
    result = await ss.attachments.delete(sheet_id, v3.id)  # type: ignore[arg-type]
    assert result.result_code == 0 and last(smartsuite_emulator).method == "DELETE"
    assert [a.id for a in await ss.attachments.list(sheet_id).to_list()] == [v2.id]
    await ss.attachments.delete_all_versions(sheet_id, v1.id)
    assert await ss.attachments.list(sheet_id).to_list() == []
    with pytest.raises(NotFoundError):
        await ss.attachments.get(sheet_id, v1.id)


async def test_streaming_download_is_chunked(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    payload = os.urandom(6 * MB + 123)
    source = tmp_path / "big.bin"
    source.write_bytes(payload)
    att = await ss.attachments.attach_to_sheet(sheet_id, source)
    assert att.id is not None
    fetched = await ss.attachments.get(sheet_id, att.id)
    assert fetched.url and "/_files/" in fetched.url
    assert fetched.url_expires_in_millis == 120_000

    digest = hashlib.sha256()
    sizes = []
    async for chunk in ss.attachments.stream(sheet_id, att.id, chunk_size=64 * 1024):
        sizes.append(len(chunk))
        digest.update(chunk)
    assert digest.digest() == hashlib.sha256(payload).digest()
    assert sum(sizes) == len(payload)
    assert len(sizes) >= 96 and max(sizes) <= 64 * 1024  # never the whole file at once

    target = tmp_path / "out" / "copy.bin"
    target.parent.mkdir()
    tracemalloc.start()
    try:
        assert await ss.attachments.download(sheet_id, att.id, target) == len(payload)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # client and emulator together never held the file: peak allocations stay far below it
    assert peak < len(payload) // 3
    assert target.read_bytes() == payload
    assert not (tmp_path / "out" / "copy.bin.part").exists()
    # the download link needs no token: the client does not send one there
    file_gets = [e for e in smartsuite_emulator.smartsheet.log if e.path.startswith("/_files/")]
    assert len(file_gets) == 2 and all(e.credential == "" for e in file_gets)


async def test_expired_download_link_is_refused(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    from smartsuite._core.errors import PermissionDeniedError

    sheet_id, _ = await sheet_with_row(ss)
    att = await ss.attachments.attach_to_sheet(sheet_id, b"secret", filename="s.txt")
    assert att.id is not None
    fetched = await ss.attachments.get(sheet_id, att.id)
    collab = smartsuite_emulator.smartsheet.state.collab
    for token, (attachment_id, _) in list(collab.download_tokens.items()):
        collab.download_tokens[token] = (attachment_id, 0.0)
    assert fetched.url is not None
    with pytest.raises(PermissionDeniedError):
        async for _ in ss.attachments._stream_url(fetched.url, 1024):
            pass


async def test_30_mb_limit_is_enforced_before_sending(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    sheet_id, row_id = await sheet_with_row(ss)
    before = len(smartsuite_emulator.smartsheet.log)
    big = tmp_path / "huge.iso"
    with big.open("wb") as handle:  # sparse: no 30 MB written to disk or memory
        handle.truncate(30 * MB + 1)
    with pytest.raises(LimitExceededError) as info:
        await ss.attachments.attach_to_sheet(sheet_id, big)
    assert "31457281 bytes" in str(info.value) and "31457280 bytes" in str(info.value)
    with pytest.raises(LimitExceededError):
        await ss.attachments.attach_to_row(sheet_id, row_id, b"\0" * (30 * MB + 1), filename="b")
    with big.open("rb") as handle, pytest.raises(LimitExceededError):
        await ss.discussions.create(sheet_id, "see file", file=handle)
    with pytest.raises(LimitExceededError):
        await ss.comments.create(sheet_id, 1, "x", file=big)
    with pytest.raises(LimitExceededError):
        await ss.proofs.create(sheet_id, row_id, big)
    assert smartsuite_emulator.smartsheet.log[before:] == []  # nothing was sent
    # exactly 30 MB is allowed (and the emulator agrees)
    exact = tmp_path / "exact.bin"
    with exact.open("wb") as handle:
        handle.truncate(30 * MB)
    att = await ss.attachments.attach_to_sheet(sheet_id, exact)
    assert att.size_in_kb == 30 * 1024


async def test_retry_resends_the_whole_file(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    sheet_id, _ = await sheet_with_row(ss)
    path = tmp_path / "retry.bin"
    path.write_bytes(os.urandom(700_000))
    # 503 / 4001 (maintenance) is documented as not applied, so the upload is sent again
    # (an HTML 503 from a gateway would leave its outcome unknown instead).
    smartsuite_emulator.smartsheet.faults.script(Fault.MAINTENANCE, path_contains="/attachments")
    att = await ss.attachments.attach_to_sheet(sheet_id, path)
    posts = [e for e in smartsuite_emulator.smartsheet.log if e.method == "POST"][-2:]
    assert [e.status for e in posts] == [503, 200]
    assert posts[0].body == posts[1].body == path.read_bytes()
    stored = smartsuite_emulator.smartsheet.state.collab.attachments[att.id]  # type: ignore[index]
    assert stored.data == path.read_bytes()


async def test_list_on_discussion_and_comment_attachments(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id, row_id = await sheet_with_row(ss)
    discussion = await ss.discussions.create_on_row(sheet_id, row_id, "Look at this")
    assert discussion.id is not None and discussion.comments
    comment_id = discussion.comments[0].id
    assert comment_id is not None
    att = await ss.attachments.attach_to_comment(sheet_id, comment_id, b"img", filename="a.png")
    assert last(smartsuite_emulator).path == f"/sheets/{sheet_id}/comments/{comment_id}/attachments"
    assert att.parent_type == "COMMENT"
    on_discussion = await ss.attachments.list_on_discussion(sheet_id, discussion.id).to_list()
    assert [a.id for a in on_discussion] == [att.id]
    on_row = await ss.attachments.list_on_row(sheet_id, row_id).to_list()
    assert [a.id for a in on_row] == [att.id]
    assert att.id is not None
    with pytest.raises(BadRequestError) as info:
        await ss.attachments.upload_version(sheet_id, att.id, b"v2", filename="a.png")
    assert info.value.code == 1100
