"""Attachments: files and links on sheets, rows, comments and proofs."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from .recipients import MiniUser


class AttachmentType(enum.StrEnum):
    """Known ``attachmentType`` values (the API may add more; fields stay ``str``)."""

    BOX_COM = "BOX_COM"
    DROPBOX = "DROPBOX"
    EGNYTE = "EGNYTE"
    EVERNOTE = "EVERNOTE"
    FILE = "FILE"
    GOOGLE_DRIVE = "GOOGLE_DRIVE"
    LINK = "LINK"
    ONEDRIVE = "ONEDRIVE"
    TRELLO = "TRELLO"


class AttachmentSubType(enum.StrEnum):
    """Known ``attachmentSubType`` values (FOLDER is for Egnyte, the rest for Google Drive)."""

    DOCUMENT = "DOCUMENT"
    DRAWING = "DRAWING"
    FOLDER = "FOLDER"
    PDF = "PDF"
    PRESENTATION = "PRESENTATION"
    SPREADSHEET = "SPREADSHEET"


@attrs.define
class Attachment:
    """An attachment. For files, ``url`` is a temporary download link valid for
    ``url_expires_in_millis``; it is only present when one attachment is fetched."""

    id: int | None = None
    parent_id: int | None = None
    parent_type: str | None = None
    attachment_type: str | None = None
    attachment_sub_type: str | None = None
    mime_type: str | None = None
    name: str | None = None
    size_in_kb: int | None = None
    url: str | None = None
    url_expires_in_millis: int | None = None
    created_at: dt.datetime | None = None
    created_by: MiniUser | None = None
    description: str | None = None


@attrs.define
class UrlAttachment:
    """A link to attach (``LINK``, ``BOX_COM``, ``DROPBOX``, ``EGNYTE``, ``EVERNOTE``,
    ``GOOGLE_DRIVE``, ``ONEDRIVE`` ...), sent as JSON.

    Attributes:
        url: the link.
        attachment_type: the kind of link; ``LINK`` for an ordinary URL.
        name: the name shown in Smartsheet (defaults to the URL).
        attachment_sub_type: for Google Drive (DOCUMENT, SPREADSHEET ...) or Egnyte (FOLDER).
        description: free text.
    """

    url: str
    attachment_type: str = AttachmentType.LINK
    name: str | None = None
    attachment_sub_type: str | None = None
    description: str | None = None
