"""Pure tests of the upload helpers: sources, the size limit, Content-Disposition and the
multipart body (no network)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from smartsuite._core.errors import ConfigurationError, LimitExceededError
from smartsuite._core.multipart import (
    FilePart,
    JsonPart,
    content_disposition,
    multipart_body,
    simple_upload_headers,
)
from smartsuite._core.upload import prepare_upload


def test_content_disposition_ascii_and_unicode() -> None:
    assert content_disposition("attachment", "Report.docx") == 'attachment; filename="Report.docx"'
    assert (
        content_disposition("attachment", 'a "quoted" 100%.txt')
        == 'attachment; filename="a %22quoted%22 100%25.txt"'
    )
    value = content_disposition("form-data", "été.pdf", name="file")
    assert value == (
        'form-data; name="file"; filename="%C3%A9t%C3%A9.pdf"; filename*=UTF-8\'\'%C3%A9t%C3%A9.pdf'
    )
    assert value.isascii()


def test_prepare_upload_sources(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(b"{}")
    from_path = prepare_upload(path, limit=10)
    assert (from_path.filename, from_path.size, from_path.content_type) == (
        "data.json",
        2,
        "application/json",
    )
    assert from_path.data is None and from_path.path == path
    from_str = prepare_upload(str(path), filename="other.bin", limit=10)
    assert from_str.filename == "other.bin"
    from_bytes = prepare_upload(bytearray(b"abc"), filename="a", limit=10)
    assert from_bytes.data == b"abc" and from_bytes.content_type == "application/octet-stream"
    stream = io.BytesIO(b"0123456789")
    stream.seek(4)  # reads from the current position
    assert prepare_upload(stream, filename="s", limit=6).data == b"456789"
    with pytest.raises(ConfigurationError, match="binary mode"):
        prepare_upload(io.StringIO("text"), filename="t", limit=10)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="cannot read"):
        prepare_upload(tmp_path / "missing.txt", limit=10)
    with pytest.raises(ConfigurationError, match="not a regular file"):
        prepare_upload(tmp_path, limit=10)
    with pytest.raises(ConfigurationError, match="bytes, a path"):
        prepare_upload(42, limit=10)  # type: ignore[arg-type]


def test_limit_names_both_sizes(tmp_path: Path) -> None:
    with pytest.raises(LimitExceededError, match=r"11 bytes .*limit is 10 bytes"):
        prepare_upload(b"x" * 11, filename="x", limit=10)

    class Unseekable(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[: len(buffer)] = b"y" * len(buffer)
            return len(buffer)

    # an endless stream is read at most limit + 1 bytes, then refused
    with pytest.raises(LimitExceededError):
        prepare_upload(io.BufferedReader(Unseekable()), filename="y", limit=1000)


async def test_multipart_body_in_memory_and_streamed(tmp_path: Path) -> None:
    in_memory = prepare_upload(b"PNGDATA", filename="p.png", limit=100)
    factory, headers = multipart_body(
        [JsonPart("comment", {"text": "hi"}), FilePart("file", in_memory)], boundary="B"
    )
    body = factory()
    assert body == (
        b'--B\r\nContent-Disposition: form-data; name="comment"\r\n'
        b'Content-Type: application/json\r\n\r\n{"text":"hi"}\r\n'
        b'--B\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\n'
        b"Content-Type: image/png\r\n\r\nPNGDATA\r\n--B--\r\n"
    )
    assert headers == {
        "Content-Type": "multipart/form-data; boundary=B",
        "Content-Length": str(len(body)),
    }
    path = tmp_path / "p.png"
    path.write_bytes(b"PNGDATA")
    on_disk = prepare_upload(path, limit=100)
    stream_factory, stream_headers = multipart_body(
        [JsonPart("comment", {"text": "hi"}), FilePart("file", on_disk)], boundary="B"
    )
    chunks = [c async for c in stream_factory()]
    assert b"".join(chunks) == body and len(chunks) > 1
    assert stream_headers == headers
    # each call gives a fresh body (a retry re-sends everything)
    assert b"".join([c async for c in stream_factory()]) == body


def test_simple_upload_headers() -> None:
    file = prepare_upload(b"12345", filename="n.txt", limit=10)
    assert simple_upload_headers(file) == {
        "Content-Type": "text/plain",
        "Content-Disposition": 'attachment; filename="n.txt"',
        "Content-Length": "5",
    }


async def test_a_file_that_changes_size_is_not_sent_torn(tmp_path: Path) -> None:
    path = tmp_path / "grow.txt"
    path.write_bytes(b"abc")
    file = prepare_upload(path, limit=100)
    path.write_bytes(b"abcdef")
    with pytest.raises(ConfigurationError, match="changed size"):
        async for _ in file.chunks():
            pass
