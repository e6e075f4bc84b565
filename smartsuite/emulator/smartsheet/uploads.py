"""Reading upload requests as Smartsheet does: simple uploads (file body with
Content-Disposition), multipart/form-data, and JSON link attachments."""

from __future__ import annotations

import json
import mimetypes
import re
from typing import Any
from urllib.parse import unquote

import attrs
from aiohttp import web

from .collab_state import MAX_UPLOAD_BYTES
from .state import ApiFailure

_PARAM = re.compile(r';\s*([\w*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')
_BOUNDARY = re.compile(r'boundary="?([^";]+)"?', re.I)

LINK_TYPES = frozenset(
    {"LINK", "BOX_COM", "DROPBOX", "EGNYTE", "EVERNOTE", "GOOGLE_DRIVE", "ONEDRIVE", "TRELLO"}
)


@attrs.frozen
class FileData:
    filename: str
    content_type: str
    data: bytes = attrs.field(repr=False)


@attrs.frozen
class Upload:
    """What an upload request carried: a JSON document, a file, or both (multipart)."""

    document: Any = None
    file: FileData | None = None


def disposition_filename(value: str) -> str | None:
    """The file name in a Content-Disposition value; ``filename*`` wins (RFC 6266)."""
    params: dict[str, str] = {}
    for key, raw in _PARAM.findall(value):
        raw = raw.strip()
        if raw.startswith('"'):
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        params[key.lower()] = raw
    extended = params.get("filename*")
    if extended and "''" in extended:
        charset, _, encoded = extended.partition("''")
        return unquote(encoded, encoding=charset or "utf-8", errors="strict")
    plain = params.get("filename")
    # Smartsheet documents the plain filename as URL-encoded.
    return unquote(plain) if plain else None


def _part_name(value: str) -> str | None:
    for key, raw in _PARAM.findall(value):
        if key.lower() == "name":
            raw = raw.strip()
            return str(raw[1:-1] if raw.startswith('"') else raw)
    return None


def _guess(filename: str, given: str | None) -> str:
    if given and given != "application/octet-stream":
        return given
    return mimetypes.guess_type(filename)[0] or given or "application/octet-stream"


def _too_large(size: int) -> ApiFailure:
    return ApiFailure(
        400,
        1074,
        f"You are trying to upload a file of {size} bytes, but the API currently only "
        f"supports {MAX_UPLOAD_BYTES} bytes.",
    )


def parse_multipart(content_type: str, body: bytes, json_name: str | None) -> Upload:
    match = _BOUNDARY.search(content_type)
    if not match:
        raise ApiFailure(400, 1145, "Multipart upload request was invalid: no boundary.")
    delimiter = b"--" + match.group(1).encode()
    chunks = body.split(delimiter)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise ApiFailure(400, 1145, "Multipart upload request was invalid.")
    document: Any = None
    file: FileData | None = None
    seen: set[str] = set()
    for chunk in chunks[1:-1]:
        head, sep, content = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not sep or not content.endswith(b"\r\n"):
            raise ApiFailure(400, 1145, "Multipart upload request was invalid.")
        content = content[:-2]
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        name = _part_name(disposition)
        if not name:
            raise ApiFailure(400, 1125, "Each part in a multipart payload must have a name.")
        if name in seen:
            raise ApiFailure(
                400, 1126, f"Multipart payload contained duplicate part names: {name}."
            )
        seen.add(name)
        if name == "file":
            if len(content) > MAX_UPLOAD_BYTES:
                raise ApiFailure(400, 1128, "Multipart upload size limit exceeded.")
            filename = disposition_filename(disposition) or "file"
            file = FileData(filename, _guess(filename, headers.get("content-type")), content)
        elif json_name is not None and name == json_name:
            try:
                document = json.loads(content)
            except ValueError as exc:
                raise ApiFailure(400, 1008, f"Unable to parse request. {exc}") from None
        else:
            raise ApiFailure(
                400, 1147, f"Multipart request contained an invalid part name: '{name}'"
            )
    if json_name is not None and document is None:
        raise ApiFailure(400, 1127, f"Required multipart part was missing: '{json_name}'")
    return Upload(document, file)


async def read_upload(request: web.Request, *, json_name: str | None = None) -> Upload:
    """Read an upload. ``json_name`` is the JSON part's name for multipart requests that
    create an object (``comment``, ``discussion``); None when only a file is expected."""
    body = await request.read()
    content_type = request.headers.get("Content-Type", "")
    media = content_type.split(";")[0].strip().lower()
    if media == "multipart/form-data":
        return parse_multipart(content_type, body, json_name)
    if media == "application/json":
        try:
            return Upload(document=json.loads(body))
        except ValueError as exc:
            raise ApiFailure(400, 1008, f"Unable to parse request. {exc}") from None
    disposition = request.headers.get("Content-Disposition", "")
    filename = disposition_filename(disposition)
    if not disposition.lower().startswith("attachment") or not filename:
        raise ApiFailure(
            400,
            1008,
            "Unable to parse request. A file upload needs "
            'Content-Disposition: attachment; filename="..."',
        )
    declared = request.headers.get("Content-Length")
    if declared is None:
        raise ApiFailure(400, 1339, "Missing file size in request.")
    if int(declared) != len(body):
        raise ApiFailure(400, 1075, "The Content-Size provided did not match the file uploaded.")
    if len(body) > MAX_UPLOAD_BYTES:
        raise _too_large(len(body))
    return Upload(file=FileData(filename, _guess(filename, media or None), body))


def link_wire(document: Any) -> dict[str, Any]:
    """Validate a JSON link attachment and return its stored form."""
    if not isinstance(document, dict) or not isinstance(document.get("url"), str):
        raise ApiFailure(400, 1012, "A required object attribute is missing: url")
    kind = document.get("attachmentType", "LINK")
    if kind == "FILE":
        raise ApiFailure(400, 1051, "Attachments of type FILE cannot be created using JSON.")
    if kind not in LINK_TYPES:
        raise ApiFailure(400, 1255, f"Attachment type '{kind}' is not supported.")
    wire = {
        "attachmentType": kind,
        "name": document.get("name") or document["url"],
        "url": document["url"],
    }
    for key in ("attachmentSubType", "description"):
        if document.get(key) is not None:
            wire[key] = document[key]
    return wire


def file_wire(file: FileData) -> dict[str, Any]:
    return {"attachmentType": "FILE", "name": file.filename, "mimeType": file.content_type}
