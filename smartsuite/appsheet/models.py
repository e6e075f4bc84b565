"""Request Properties and the results of AppSheet actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from .._core.bulk import BulkResult
from .._core.errors import ConfigurationError

T = TypeVar("T")

#: A row as AppSheet sends it: column name -> value (a string, for rows the API returns).
Row = dict[str, Any]


def _location(value: str | tuple[float, float] | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, tuple) and len(value) == 2:
        lat, lon = value
        return f"{float(lat):.6f}, {float(lon):.6f}"
    raise ConfigurationError(f"location must be 'lat, lon' or a (lat, lon) tuple, got {value!r}")


def _mapping(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else dict(value)


@attrs.frozen
class Properties:
    """The ``Properties`` of an Action request. None means "not sent" (AppSheet's default).

    Attributes:
        locale: validates and formats Date, DateTime, Time, Decimal, Percent and Price values
            (AppSheet's default is ``en-US``).
        location: ``"47.623098, -122.330184"`` or a ``(lat, lon)`` tuple, for ChangeLocation.
        timezone: the client's timezone, for example ``"Pacific Standard Time"`` (default UTC).
        run_as_user_email: act as this user (data partitions keyed on ``USEREMAIL()``).
        user_settings: values for ``USERSETTINGS()``.
        extra: other properties, sent as given.

    See https://support.google.com/appsheet/answer/10105770 (Request body).
    """

    locale: str | None = None
    location: str | None = attrs.field(default=None, converter=_location)
    timezone: str | None = None
    run_as_user_email: str | None = None
    user_settings: dict[str, Any] | None = attrs.field(default=None, converter=_mapping)
    extra: dict[str, Any] = attrs.field(factory=dict, converter=dict)

    def merged(self, override: Properties | None) -> Properties:
        """These properties with every field ``override`` sets taking its place."""
        if override is None:
            return self
        changes = {
            a.name: getattr(override, a.name)
            for a in attrs.fields(Properties)
            if a.name != "extra" and getattr(override, a.name) is not None
        }
        return attrs.evolve(self, **changes, extra={**self.extra, **override.extra})

    def to_wire(self) -> dict[str, Any]:
        """The JSON ``Properties`` object."""
        out: dict[str, Any] = dict(self.extra)
        for name, wire in _WIRE_NAMES.items():
            value = getattr(self, name)
            if value is not None:
                out[wire] = value
        return out


_WIRE_NAMES = {
    "locale": "Locale",
    "location": "Location",
    "timezone": "Timezone",
    "run_as_user_email": "RunAsUserEmail",
    "user_settings": "UserSettings",
}


@attrs.define(repr=False)
class ActionResult(BulkResult[T]):
    """Per-row results of an Add, Edit, Delete or custom action, in input order.

    Each item's ``value`` is the row AppSheet returned for that input row (with every column,
    virtual ones and ``_RowNumber`` included).

    Attributes:
        warnings: the ``Warnings`` AppSheet sent with any batch.
    """

    warnings: list[str] = attrs.field(factory=list)

    def summary(self) -> str:
        text = super().summary()
        return f"{text}, {len(self.warnings)} warnings" if self.warnings else text


@attrs.frozen
class ActionResponse:
    """One Action answer: the rows and any warnings.

    Attributes:
        rows: the returned rows (Find's bare array, or the ``Rows`` of the other actions).
        warnings: the ``Warnings`` list, when the answer had one.
    """

    rows: list[Row]
    warnings: list[str] = attrs.field(factory=list)


__all__ = ["ActionResponse", "ActionResult", "Properties", "Row"]
