"""Finding things out: search results, the event stream and server constants."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import UNSET, Model, track


@attrs.define(on_setattr=track)
class SearchResultItem(Model):
    """One hit. ``object_type`` is ``sheet``, ``row``, ``folder``, ``workspace``,
    ``template``, ``report``, ``attachment``, ``discussion`` ...; for a row,
    ``parent_object_id`` is its sheet and ``context_data`` its primary value."""

    object_id: int | None = UNSET
    object_type: str | None = UNSET
    text: str | None = UNSET
    context_data: list[str] | None = UNSET
    parent_object_id: int | None = UNSET
    parent_object_name: str | None = UNSET
    parent_object_type: str | None = UNSET
    parent_object_favorite: bool | None = UNSET
    favorite: bool | None = UNSET
    proof_url: str | None = UNSET


@attrs.define(on_setattr=track)
class SearchResult(Model):
    """What a search found (at most 100 hits; ``total_count`` says how many)."""

    results: list[SearchResultItem] = UNSET
    total_count: int | None = UNSET


@attrs.define(on_setattr=track)
class Event(Model):
    """One event of the organisation's event stream.

    ``object_type`` (``SHEET``, ``WORKSPACE``, ``FOLDER``, ``USER`` ...) and ``action``
    (``CREATE``, ``UPDATE``, ``DELETE``, ``LOAD`` ...) are strings: new kinds still decode.
    """

    event_id: str | None = UNSET
    object_type: str | None = UNSET
    action: str | None = UNSET
    object_id: str | None = UNSET
    event_time_stamp: dt.datetime | None = UNSET
    user_id: int | None = UNSET
    request_user_id: int | None = UNSET
    access_token_name: str | None = UNSET
    source: str | None = UNSET
    additional_details: dict[str, Any] | None = UNSET


@attrs.define(on_setattr=track)
class Currency(Model):
    """A currency of the format tables."""

    code: str | None = UNSET
    symbol: str | None = UNSET


@attrs.define(on_setattr=track)
class FontFamily(Model):
    """A font of the format tables."""

    name: str | None = UNSET
    traits: list[str] | None = UNSET


@attrs.define(on_setattr=track)
class FormatTables(Model):
    """The lookup tables that cell ``format`` descriptors index into."""

    defaults: str | None = UNSET
    bold: list[str] | None = UNSET
    color: list[str] | None = UNSET
    currency: list[Currency] | None = UNSET
    date_format: list[str] | None = UNSET
    decimal_count: list[str] | None = UNSET
    font_family: list[FontFamily] | None = UNSET
    font_size: list[str] | None = UNSET
    horizontal_align: list[str] | None = UNSET
    italic: list[str] | None = UNSET
    number_format: list[str] | None = UNSET
    strikethrough: list[str] | None = UNSET
    text_wrap: list[str] | None = UNSET
    thousands_separator: list[str] | None = UNSET
    underline: list[str] | None = UNSET
    vertical_align: list[str] | None = UNSET


@attrs.define(on_setattr=track)
class ServerInfo(Model):
    """Application constants: format tables and supported locales."""

    formats: FormatTables | None = UNSET
    supported_locales: list[str] | None = UNSET
