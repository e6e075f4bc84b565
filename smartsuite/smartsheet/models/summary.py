"""Sheet summary fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import Model, track, unset


@attrs.define(on_setattr=track)
class SummaryField(Model):
    """One sheet summary field: a titled value (or formula) beside the grid. Its value is
    ``object_value`` (a plain string or number, or an object value); ``display_value`` is
    what users see.

    ``type`` takes the column types (TEXT_NUMBER, DATE, CHECKBOX, PICKLIST ...).
    """

    id: int = unset
    title: str | None = unset
    type: str | None = unset
    index: int | None = unset
    display_value: str | None = unset
    formula: str | None = unset
    object_value: Any = unset
    hyperlink: dict[str, Any] | None = unset
    image: dict[str, Any] | None = unset
    options: list[str] | None = unset
    contact_options: list[dict[str, Any]] | None = unset
    symbol: str | None = unset
    format: str | None = unset
    locked: bool | None = unset
    locked_for_user: bool | None = unset
    validation: bool | None = unset
    created_at: dt.datetime | None = unset
    created_by: dict[str, Any] | None = unset
    modified_at: dt.datetime | None = unset
    modified_by: dict[str, Any] | None = unset


@attrs.define(on_setattr=track)
class SheetSummary(Model):
    """All summary fields of a sheet."""

    fields: list[SummaryField] | None = unset

    def field(self, title: str) -> SummaryField:
        """The field titled ``title``.

        Raises:
            KeyError: no field has that title (the message lists the titles).
        """
        for f in self.fields or ():
            if isinstance(f, SummaryField) and f.title == title:
                return f
        titles = ", ".join(repr(f.title) for f in self.fields or () if isinstance(f, SummaryField))
        raise KeyError(f"no summary field titled {title!r} (fields: {titles})")
