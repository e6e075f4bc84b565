"""Sheet summary fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs


@attrs.define
class SummaryField:
    """One sheet summary field: a titled value (or formula) beside the grid. Its value is
    ``object_value`` (a plain string or number, or an object value); ``display_value`` is
    what users see.

    ``type`` takes the column types (TEXT_NUMBER, DATE, CHECKBOX, PICKLIST ...).
    """

    id: int | None = None
    title: str | None = None
    type: str | None = None
    index: int | None = None
    display_value: str | None = None
    formula: str | None = None
    object_value: Any = None
    hyperlink: dict[str, Any] | None = None
    image: dict[str, Any] | None = None
    options: list[str] | None = None
    contact_options: list[dict[str, Any]] | None = None
    symbol: str | None = None
    format: str | None = None
    locked: bool | None = None
    locked_for_user: bool | None = None
    validation: bool | None = None
    created_at: dt.datetime | None = None
    created_by: dict[str, Any] | None = None
    modified_at: dt.datetime | None = None
    modified_by: dict[str, Any] | None = None


@attrs.define
class SheetSummary:
    """All summary fields of a sheet."""

    fields: list[SummaryField] | None = None

    def field(self, title: str) -> SummaryField | None:
        """The field titled ``title``, or None."""
        for f in self.fields or ():
            if f.title == title:
                return f
        return None
