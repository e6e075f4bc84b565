"""Finding things out: search results, the event stream and server constants."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs


@attrs.define
class SearchResultItem:
    """One hit. ``object_type`` is ``sheet``, ``row``, ``folder``, ``workspace``,
    ``template``, ``report``, ``attachment``, ``discussion`` ...; for a row,
    ``parent_object_id`` is its sheet and ``context_data`` its primary value."""

    object_id: int | None = None
    object_type: str | None = None
    text: str | None = None
    context_data: list[str] | None = None
    parent_object_id: int | None = None
    parent_object_name: str | None = None
    parent_object_type: str | None = None
    parent_object_favorite: bool | None = None
    favorite: bool | None = None
    proof_url: str | None = None


@attrs.define
class SearchResult:
    """What a search found (at most 100 hits; ``total_count`` says how many)."""

    results: list[SearchResultItem] | None = None
    total_count: int | None = None


@attrs.define
class Event:
    """One event of the organisation's event stream.

    ``object_type`` (``SHEET``, ``WORKSPACE``, ``FOLDER``, ``USER`` ...) and ``action``
    (``CREATE``, ``UPDATE``, ``DELETE``, ``LOAD`` ...) are strings: new kinds still decode.
    """

    event_id: str | None = None
    object_type: str | None = None
    action: str | None = None
    object_id: str | None = None
    #: The object's id as a string; alphanumeric ids only appear here (``object_id`` is then
    #: -1; it is deprecated, not removed: developers.smartsheet.com list-events).
    object_id_str: str | None = None
    event_time_stamp: dt.datetime | None = None
    user_id: int | None = None
    request_user_id: int | None = None
    access_token_name: str | None = None
    source: str | None = None
    additional_details: dict[str, Any] | None = None


@attrs.define
class Currency:
    """A currency of the format tables."""

    code: str | None = None
    symbol: str | None = None


@attrs.define
class FontFamily:
    """A font of the format tables."""

    name: str | None = None
    traits: list[str] | None = None


@attrs.define
class FormatTables:
    """The lookup tables that cell ``format`` descriptors index into."""

    defaults: str | None = None
    bold: list[str] | None = None
    color: list[str] | None = None
    currency: list[Currency] | None = None
    date_format: list[str] | None = None
    decimal_count: list[str] | None = None
    font_family: list[FontFamily] | None = None
    font_size: list[str] | None = None
    horizontal_align: list[str] | None = None
    italic: list[str] | None = None
    number_format: list[str] | None = None
    strikethrough: list[str] | None = None
    text_wrap: list[str] | None = None
    thousands_separator: list[str] | None = None
    underline: list[str] | None = None
    vertical_align: list[str] | None = None


@attrs.define
class ServerInfo:
    """Application constants: format tables and supported locales."""

    formats: FormatTables | None = None
    supported_locales: list[str] | None = None
