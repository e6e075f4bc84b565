"""Sheet summary fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from ..._core.model import UNSET, Model, track


@attrs.define(on_setattr=track)
class SummaryField(Model):
    """One sheet summary field: a titled value (or formula) beside the grid. Its value is
    ``object_value`` (a plain string or number, or an object value); ``display_value`` is
    what users see.

    ``type`` takes the column types (TEXT_NUMBER, DATE, CHECKBOX, PICKLIST ...).
    """

    id: int = UNSET
    title: str | None = UNSET
    type: str | None = UNSET
    index: int | None = UNSET
    display_value: str | None = UNSET
    formula: str | None = UNSET
    object_value: Any = UNSET
    hyperlink: dict[str, Any] | None = UNSET
    image: dict[str, Any] | None = UNSET
    options: list[str] | None = UNSET
    contact_options: list[dict[str, Any]] | None = UNSET
    symbol: str | None = UNSET
    format: str | None = UNSET
    locked: bool | None = UNSET
    locked_for_user: bool | None = UNSET
    validation: bool | None = UNSET
    created_at: dt.datetime | None = UNSET
    created_by: dict[str, Any] | None = UNSET
    modified_at: dt.datetime | None = UNSET
    modified_by: dict[str, Any] | None = UNSET


@attrs.define(on_setattr=track)
class SheetSummary(Model):
    """All summary fields of a sheet."""

    fields: list[SummaryField] | None = UNSET

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
