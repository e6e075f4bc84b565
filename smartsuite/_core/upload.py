"""Files to upload: from bytes, a path or a binary file object, checked against a size limit.

An :class:`UploadFile` knows its name, size and content type and can produce its body again for
every attempt (a retry must re-send the whole file). Bytes and file objects are held in memory
(at most ``limit`` bytes, read once); a path is re-opened and read in chunks on each attempt, so
large files never sit in memory.
"""

from __future__ import annotations

import asyncio
import io
import mimetypes
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import IO, Any

import attrs

from .errors import ConfigurationError, LimitExceededError

#: What callers may pass as a file: its bytes, a path, or a binary file object open for reading.
FileInput = bytes | bytearray | memoryview | str | os.PathLike[str] | IO[bytes]

DEFAULT_CHUNK = 256 * 1024
MB = 1024 * 1024


def _open_binary(path: Path) -> IO[bytes]:
    return path.open("rb")


@attrs.frozen
class UploadFile:
    """A file ready to send.

    Attributes:
        filename: the name the server will store.
        size: the exact size in bytes (sent as Content-Length).
        content_type: the MIME type.
        data: the bytes, when held in memory.
        path: the file to re-read on each attempt, when not in memory.
    """

    filename: str
    size: int
    content_type: str
    data: bytes | None = attrs.field(default=None, repr=False)
    path: Path | None = None

    async def chunks(self, chunk_size: int = DEFAULT_CHUNK) -> AsyncIterator[bytes]:
        """Yield the content in chunks; a path is opened afresh and closed at the end.

        Raises:
            ConfigurationError: the file changed size since it was checked.
        """
        if self.data is not None:
            for start in range(0, len(self.data), chunk_size):
                yield self.data[start : start + chunk_size]
            return
        assert self.path is not None
        handle = await asyncio.to_thread(_open_binary, self.path)
        sent = 0
        try:
            while chunk := await asyncio.to_thread(handle.read, chunk_size):
                sent += len(chunk)
                if sent > self.size:
                    break
                yield chunk
        finally:
            await asyncio.to_thread(handle.close)
        if sent != self.size:
            # The declared Content-Length would be wrong; fail rather than send a torn file.
            raise ConfigurationError(
                f"{self.path} changed size during the upload ({self.size} -> {sent} bytes)"
            )

    def body(self) -> Callable[[], Any]:
        """A zero-argument factory returning a fresh body for each attempt."""
        if self.data is not None:
            data = self.data
            return lambda: data
        return self.chunks


def guess_content_type(filename: str) -> str:
    """The MIME type for a file name, ``application/octet-stream`` when unknown."""
    guessed, _ = mimetypes.guess_type(filename, strict=False)
    return guessed or "application/octet-stream"


def _too_large(what: str, size: int, limit: int) -> LimitExceededError:
    return LimitExceededError(
        f"{what} is {size} bytes ({size / MB:.1f} MB); the limit is {limit} bytes "
        f"({limit / MB:.0f} MB)"
    )


def prepare_upload(
    source: FileInput,
    *,
    filename: str | None = None,
    content_type: str | None = None,
    limit: int,
    what: str = "the file",
) -> UploadFile:
    """Check a file against ``limit`` and describe it, before anything is sent.

    Args:
        source: the bytes, a path (``str`` or ``PathLike``), or a binary file object.
        filename: the name to store; defaults to the path's or file object's name.
        content_type: the MIME type; guessed from the file name when omitted.
        limit: the largest size accepted, in bytes.
        what: how to name the file in error messages.

    Returns:
        An :class:`UploadFile`.

    Raises:
        LimitExceededError: the file is larger than ``limit`` (names both sizes).
        ConfigurationError: the source is not a file we can read, or has no name.
    """
    data: bytes | None = None
    path: Path | None = None
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        size = len(data)
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            stat = path.stat()
        except OSError as exc:
            raise ConfigurationError(f"cannot read {what} {str(path)!r}: {exc.strerror}") from None
        if not path.is_file():
            raise ConfigurationError(f"{what} {str(path)!r} is not a regular file")
        size = stat.st_size
        filename = filename or path.name
    elif isinstance(source, io.IOBase) or hasattr(source, "read"):
        data = _read_bounded(source, limit, what)
        size = len(data)
        name = getattr(source, "name", None)
        if filename is None and isinstance(name, str | os.PathLike):
            filename = Path(name).name
    else:
        raise ConfigurationError(
            f"{what} must be bytes, a path or a binary file object, not {type(source).__name__}"
        )
    if size > limit:
        raise _too_large(what, size, limit)
    if not filename:
        raise ConfigurationError(f"{what} needs a filename= (it has no name of its own)")
    return UploadFile(
        filename=filename,
        size=size,
        content_type=content_type or guess_content_type(filename),
        data=data,
        path=path,
    )


def _read_bounded(handle: IO[bytes], limit: int, what: str) -> bytes:
    """Read a file object once, never more than ``limit + 1`` bytes."""
    remaining: int | None = None
    try:
        if handle.seekable():
            here = handle.tell()
            remaining = handle.seek(0, os.SEEK_END) - here
            handle.seek(here)
    except (OSError, ValueError):
        remaining = None
    if remaining is not None and remaining > limit:
        raise _too_large(what, remaining, limit)
    try:
        data = handle.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"cannot read {what}: {exc}") from None
    if not isinstance(data, bytes | bytearray):
        raise ConfigurationError(f"{what} must be opened in binary mode ('rb')")
    if len(data) > limit:
        raise LimitExceededError(f"{what} is larger than the limit of {limit} bytes")
    return bytes(data)


__all__ = ["MB", "FileInput", "UploadFile", "guess_content_type", "prepare_upload"]
