"""Request bodies for file uploads: Content-Disposition values and multipart/form-data.

Pure functions over plain Python parts. ``multipart_body`` returns a body factory for
``Transport.request(content=...)`` plus the headers to send; the factory gives a fresh body on
each attempt, with the exact Content-Length known up front (the APIs require it). File parts
read from a path are streamed in chunks, never held in memory.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any
from urllib.parse import quote

import attrs

from .upload import UploadFile

# Characters left as they are in the quoted ``filename=`` value; everything else is
# percent-encoded, as Smartsheet documents ("the URL-encoded filename in quotes").
_FILENAME_SAFE = " !#$&'()+,-.;=@[]^_`{}~"


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def content_disposition(disposition: str, filename: str, *, name: str | None = None) -> str:
    """A Content-Disposition value naming a file (RFC 6266).

    ``filename=`` carries the URL-encoded name in quotes (pure ASCII); a name with non-ASCII
    characters also gets ``filename*=UTF-8''...`` (RFC 8187), which receivers prefer.

    Args:
        disposition: ``attachment`` (simple upload) or ``form-data`` (multipart part).
        filename: the file name, any Unicode.
        name: the form field name, for ``form-data``.
    """
    parts = [disposition]
    if name is not None:
        parts.append(f"name={_quoted(name)}")
    parts.append(f"filename={_quoted(quote(filename, safe=_FILENAME_SAFE))}")
    if not filename.isascii():
        parts.append(f"filename*=UTF-8''{quote(filename, safe='')}")
    return "; ".join(parts)


@attrs.frozen
class JsonPart:
    """A part holding a JSON document (``Content-Type: application/json``)."""

    name: str
    value: Any


@attrs.frozen
class FilePart:
    """A part holding a file."""

    name: str
    file: UploadFile


Part = JsonPart | FilePart


def simple_upload_headers(file: UploadFile) -> dict[str, str]:
    """Headers of a simple (single file body) upload."""
    return {
        "Content-Type": file.content_type,
        "Content-Disposition": content_disposition("attachment", file.filename),
        "Content-Length": str(file.size),
    }


def multipart_body(
    parts: Sequence[Part], *, boundary: str | None = None
) -> tuple[Callable[[], Any], dict[str, str]]:
    """Build a multipart/form-data body.

    Args:
        parts: JSON and file parts, in order.
        boundary: the boundary string (random when omitted).

    Returns:
        ``(factory, headers)``: ``factory()`` returns the body (bytes, or an async iterator of
        chunks when a file is read from disk); ``headers`` hold Content-Type and Content-Length.
    """
    boundary = boundary or "smartsuite-" + secrets.token_hex(12)
    dash = f"--{boundary}\r\n".encode()
    pieces: list[bytes | UploadFile] = []
    for part in parts:
        if isinstance(part, JsonPart):
            head = (
                f"Content-Disposition: form-data; name={_quoted(part.name)}\r\n"
                "Content-Type: application/json\r\n\r\n"
            )
            payload = json.dumps(part.value, separators=(",", ":")).encode()
            pieces.append(dash + head.encode() + payload + b"\r\n")
        else:
            head = (
                "Content-Disposition: "
                + content_disposition("form-data", part.file.filename, name=part.name)
                + f"\r\nContent-Type: {part.file.content_type}\r\n\r\n"
            )
            pieces.append(dash + head.encode())
            pieces.append(part.file)
            pieces.append(b"\r\n")
    pieces.append(f"--{boundary}--\r\n".encode())
    pieces = _merge(pieces)
    length = sum(len(p) if isinstance(p, bytes) else p.size for p in pieces)
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Content-Length": str(length),
    }
    if all(isinstance(p, bytes) for p in pieces):
        body = b"".join(p for p in pieces if isinstance(p, bytes))
        return (lambda: body), headers

    async def stream() -> AsyncIterator[bytes]:
        for piece in pieces:
            if isinstance(piece, bytes):
                yield piece
            else:
                async for chunk in piece.chunks():
                    yield chunk

    return stream, headers


def _merge(pieces: list[bytes | UploadFile]) -> list[bytes | UploadFile]:
    """Inline in-memory files and join neighbouring byte strings."""
    out: list[bytes | UploadFile] = []
    for piece in pieces:
        if isinstance(piece, UploadFile) and piece.data is not None:
            piece = piece.data
        if isinstance(piece, bytes) and out and isinstance(out[-1], bytes):
            out[-1] = out[-1] + piece
        else:
            out.append(piece)
    return out


__all__ = [
    "FilePart",
    "JsonPart",
    "Part",
    "content_disposition",
    "multipart_body",
    "simple_upload_headers",
]
