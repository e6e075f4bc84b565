"""Attachments: files and links on sheets, rows, comments and proofs."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..._core.model import Model, track, unset
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


@attrs.define(on_setattr=track)
class Attachment(Model):
    """An attachment. For files, ``url`` is a temporary download link valid for
    ``url_expires_in_millis``; it is only present when one attachment is fetched."""

    id: int = unset
    parent_id: int | None = unset
    parent_type: str | None = unset
    attachment_type: str | None = unset
    attachment_sub_type: str | None = unset
    mime_type: str | None = unset
    name: str | None = unset
    size_in_kb: int | None = unset
    url: str | None = unset
    url_expires_in_millis: int | None = unset
    created_at: dt.datetime | None = unset
    created_by: MiniUser | None = unset
    description: str | None = unset


@attrs.define(on_setattr=track)
class UrlAttachment(Model):
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
    name: str | None = unset
    attachment_sub_type: str | None = unset
    description: str | None = unset
