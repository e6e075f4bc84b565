"""``sheet.refresh()``: re-read a fetched sheet in place.

``ss.sheets.get`` records, for each Sheet it returns, which client namespace fetched it and
with which query; the record lives as long as the Sheet (a weak reference, dropped when the
Sheet is collected), so a Sheet never keeps a client alive.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._core.errors import ConfigurationError

if TYPE_CHECKING:
    from .models.sheets import Sheet
    from .resources.sheets import Sheets

#: id(sheet) -> (weak sheet, weak namespace, the query it was read with).
_SOURCES: dict[int, tuple[weakref.ref[Any], weakref.ref[Any], dict[str, Any]]] = {}


def remember(sheet: Sheet, sheets: Sheets, params: Mapping[str, Any]) -> None:
    """Note where ``sheet`` came from (called by ``ss.sheets.get``)."""
    key = id(sheet)
    query = {k: v for k, v in params.items() if v is not None and k != "ifVersionAfter"}
    _SOURCES[key] = (weakref.ref(sheet), weakref.ref(sheets), query)
    weakref.finalize(sheet, _SOURCES.pop, key, None)


async def refresh(sheet: Sheet) -> Sheet:
    """Fetch ``sheet`` again with the query it was first read with and copy every field of
    the fresh copy onto it; returns the same object.

    Raises:
        ConfigurationError: the sheet was not fetched by ``ss.sheets.get`` (or its client is
            gone).
        NotFoundError: the sheet was deleted meanwhile.
    """
    entry = _SOURCES.get(id(sheet))
    namespace = entry[1]() if entry is not None and entry[0]() is sheet else None
    if entry is None or namespace is None or sheet.id is None:
        raise ConfigurationError(
            "refresh() works on a sheet fetched with ss.sheets.get while its client is alive"
        )
    path = f"/sheets/{int(sheet.id)}"
    fresh = await namespace._object(method="GET", path=path, cast_to=type(sheet), params=entry[2])
    for field in attrs.fields(type(sheet)):
        object.__setattr__(sheet, field.name, getattr(fresh, field.name))
    sheet._index = None
    for row in sheet.rows or ():
        row._index = sheet.column_index()
    return sheet
