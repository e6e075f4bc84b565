"""Sending files to Smartsheet: simple uploads, multipart uploads and downloads.

Simple and multipart uploads follow
https://developers.smartsheet.com/api/smartsheet/guides/basics/attachments ("Post an
Attachment"): the file is at most 30 MB, is sent with Content-Disposition, Content-Type and
Content-Length, and in a multipart body the file part is named ``file``.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import IO, Any, TypeVar

from ..._core.multipart import FilePart, JsonPart, multipart_body, simple_upload_headers
from ..._core.upload import MB, FileInput, UploadFile, prepare_upload
from .._resource import UPLOAD_COST, PathValue, Send, SmartsheetResource
from ..models.discussions import Discussion

T = TypeVar("T")
PathValues = tuple[PathValue, ...]

#: The largest file the API accepts.
MAX_UPLOAD_BYTES = 30 * MB

DOWNLOAD_CHUNK = 256 * 1024

Destination = str | os.PathLike[str] | IO[bytes]
ChunkStream = AbstractAsyncContextManager[AsyncIterator[bytes]]


def as_upload(
    source: FileInput, filename: str | None, content_type: str | None, what: str = "the file"
) -> UploadFile:
    """Check a caller's file against the 30 MB limit (raises before anything is sent)."""
    return prepare_upload(
        source,
        filename=filename,
        content_type=content_type,
        limit=MAX_UPLOAD_BYTES,
        what=what,
    )


async def save_stream(stream: ChunkStream, dest: Destination) -> int:
    """Write a streamed body to a path or a binary file object, chunk by chunk; returns the
    bytes written. A path is written as ``<name>.part`` and takes its name only when complete."""
    if not isinstance(dest, str | os.PathLike):
        return await _copy(stream, dest)
    target = Path(dest)
    partial = target.with_name(target.name + ".part")
    handle = await asyncio.to_thread(partial.open, "wb")
    try:
        written = await _copy(stream, handle)
    except BaseException:
        await asyncio.to_thread(handle.close)
        partial.unlink(missing_ok=True)
        raise
    await asyncio.to_thread(handle.close)
    await asyncio.to_thread(partial.replace, target)
    return written


async def _copy(stream: ChunkStream, out: IO[bytes]) -> int:
    written = 0
    async with stream as chunks:
        async for chunk in chunks:
            await asyncio.to_thread(out.write, chunk)
            written += len(chunk)
    return written


class UploadingResource(SmartsheetResource):
    """A resource that sends files."""

    async def _upload(
        self, values: PathValues, file: UploadFile, cls: type[T], *, multipart: bool = False
    ) -> T:
        """Send one file to the running operation's path (filled with ``values``) as a simple
        upload, or a one-part multipart upload."""
        if multipart:
            factory, headers = multipart_body([FilePart("file", file)])
        else:
            factory, headers = file.body(), simple_upload_headers(file)
        result = await self._result(*values, cast_to=cls, content=factory, headers=headers)
        return result.result

    async def _post_with_file(
        self,
        values: PathValues,
        part: str,
        document: Any,
        cls: type[T],
        file: FileInput | None,
        filename: str | None,
        content_type: str | None,
    ) -> T:
        """Send a JSON document, with the caller's file (checked by :func:`as_upload`) as a
        multipart upload when one is given."""
        send: Send = {}
        if file is None:
            send["json"] = document
        else:
            upload = as_upload(file, filename, content_type)
            parts: list[JsonPart | FilePart] = [JsonPart(part, document), FilePart("file", upload)]
            send["content"], send["headers"] = multipart_body(parts)
            # A comment or discussion with a file attaches it: 10 requests against the limit.
            send["cost"] = UPLOAD_COST
        return (await self._result(*values, cast_to=cls, **send)).result

    async def _start_discussion(
        self,
        values: PathValues,
        text: str,
        title: str | None,
        file: FileInput | None,
        filename: str | None,
        content_type: str | None,
    ) -> Discussion:
        """Post a discussion whose first comment is ``text`` (on a sheet, a row or a proof)."""
        body: dict[str, Any] = {"comment": {"text": text}}
        if title is not None:
            body["title"] = title
        args = (file, filename, content_type)
        return await self._post_with_file(values, "discussion", body, Discussion, *args)

    async def _stream_url(self, url: str, chunk_size: int) -> AsyncIterator[bytes]:
        """Yield the body at a temporary download URL, chunk by chunk (no credentials sent)."""
        async with self._transport.stream(url, chunk_size=chunk_size) as chunks:
            async for chunk in chunks:
                yield chunk
