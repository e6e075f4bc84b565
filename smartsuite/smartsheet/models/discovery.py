"""Finding things out: search results, the event stream and server constants."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import Model, track, unset


@attrs.define(on_setattr=track)
class SearchResultItem(Model):
    """One hit. ``object_type`` is ``sheet``, ``row``, ``folder``, ``workspace``,
    ``template``, ``report``, ``attachment``, ``discussion`` ...; for a row,
    ``parent_object_id`` is its sheet and ``context_data`` its primary value."""

    object_id: int | None = unset
    object_type: str | None = unset
    text: str | None = unset
    context_data: list[str] | None = unset
    parent_object_id: int | None = unset
    parent_object_name: str | None = unset
    parent_object_type: str | None = unset
    parent_object_favorite: bool | None = unset
    favorite: bool | None = unset
    proof_url: str | None = unset


@attrs.define(on_setattr=track)
class SearchResult(Model):
    """What a search found (at most 100 hits; ``total_count`` says how many)."""

    results: list[SearchResultItem] = unset
    total_count: int | None = unset


@attrs.define(on_setattr=track)
class Event(Model):
    """One event of the organisation's event stream.

    ``object_type`` (``SHEET``, ``WORKSPACE``, ``FOLDER``, ``USER`` ...) and ``action``
    (``CREATE``, ``UPDATE``, ``DELETE``, ``LOAD`` ...) are strings: new kinds still decode.
    """

    event_id: str | None = unset
    object_type: str | None = unset
    action: str | None = unset
    object_id: str | None = unset
    #: The object's id as a string; alphanumeric ids only appear here (``object_id`` is then
    #: -1; it is deprecated, not removed: developers.smartsheet.com list-events).
    object_id_str: str | None = unset
    event_time_stamp: dt.datetime | None = unset
    user_id: int | None = unset
    request_user_id: int | None = unset
    access_token_name: str | None = unset
    source: str | None = unset
    additional_details: dict[str, Any] | None = unset


@attrs.define(on_setattr=track)
class Currency(Model):
    """A currency of the format tables."""

    code: str | None = unset
    symbol: str | None = unset


@attrs.define(on_setattr=track)
class FontFamily(Model):
    """A font of the format tables."""

    name: str | None = unset
    traits: list[str] | None = unset


@attrs.define(on_setattr=track)
class FormatTables(Model):
    """The lookup tables that cell ``format`` descriptors index into."""

    defaults: str | None = unset
    bold: list[str] | None = unset
    color: list[str] | None = unset
    currency: list[Currency] | None = unset
    date_format: list[str] | None = unset
    decimal_count: list[str] | None = unset
    font_family: list[FontFamily] | None = unset
    font_size: list[str] | None = unset
    horizontal_align: list[str] | None = unset
    italic: list[str] | None = unset
    number_format: list[str] | None = unset
    strikethrough: list[str] | None = unset
    text_wrap: list[str] | None = unset
    thousands_separator: list[str] | None = unset
    underline: list[str] | None = unset
    vertical_align: list[str] | None = unset


@attrs.define(on_setattr=track)
class ServerInfo(Model):
    """Application constants: format tables and supported locales."""

    formats: FormatTables | None = unset
    supported_locales: list[str] | None = unset
