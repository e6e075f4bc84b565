"""Column types of the emulated AppSheet: parsing request values in the request's Locale and
rendering stored values back as the strings the API answers with.

The emulator knows ``en-US`` (MM/DD/YYYY) and ``en-GB`` (DD/MM/YYYY), the two locales the
AppSheet help uses as examples. It is written apart from the client's own conversion on purpose,
so tests compare two independent readings of the same documentation.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

#: Locale -> the order of month, day and year in its short date.
LOCALES = {"en-us": "MDY", "en-gb": "DMY"}

TEXT_TYPES = frozenset(
    {"Text", "LongText", "Name", "Email", "Phone", "Url", "Enum", "Ref", "Address", "Image"}
)
NUMBER_TYPES = frozenset({"Number"})
DECIMAL_TYPES = frozenset({"Decimal", "Price", "Percent"})
COLUMN_TYPES = (
    TEXT_TYPES
    | NUMBER_TYPES
    | DECIMAL_TYPES
    | frozenset({"Yes/No", "Date", "DateTime", "Time", "EnumList"})
)

# Seed 003, "Row Column Values": the spellings of a Yes/No value, case-insensitive.
YES = frozenset({"true", "t", "yes", "y"})
NO = frozenset({"false", "f", "no", "n"})

_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$")


class CoerceError(Exception):
    """A value that does not fit its column's type; the message is AppSheet's."""

    def __init__(self, value: Any, field: str, type_name: str) -> None:
        shown = value if isinstance(value, str) else _json_text(value)
        super().__init__(
            f"Value '{shown}' in field '{field}' cannot be converted to type '{type_name}'"
        )


def _json_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def date_order(locale: str | None) -> str | None:
    """``MDY`` / ``DMY`` for a known locale (en-US when None), None for an unknown one."""
    return LOCALES.get((locale or "en-US").lower())


def _date(text: str, order: str) -> dt.date:
    iso = _ISO.match(text)
    if iso:
        return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
    m = _DATE.match(text)
    if m is None:
        raise ValueError(text)
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    month, day = (first, second) if order == "MDY" else (second, first)
    return dt.date(year, month, day)


def _time(text: str) -> dt.time:
    m = _TIME.match(text)
    if m is None:
        raise ValueError(text)
    hour = int(m[1])
    if m[4]:
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if m[4].lower() == "p" else 0)
    return dt.time(hour, int(m[2]), int(m[3] or 0))


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip().lstrip("$£€").replace(",", "")
    percent = text.endswith("%")
    try:
        number = Decimal(text.rstrip("%"))
    except InvalidOperation:
        raise ValueError(value) from None
    if not number.is_finite():
        raise ValueError(value)
    return number / 100 if percent else number


def parse_bool(value: Any) -> bool | None:
    """A Yes/No value, or None when it is not one."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in YES:
            return True
        if word in NO:
            return False
    return None


def parse(type_name: str, value: Any, field: str, order: str) -> Any:
    """A request value as the stored Python value of a ``type_name`` column (None = blank).

    Raises:
        CoerceError: the value does not fit the type.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if type_name in TEXT_TYPES:
            if isinstance(value, dict | list):
                raise ValueError(value)
            return value if isinstance(value, str) else _json_text(value)
        if type_name in NUMBER_TYPES:
            number = _decimal(value)
            if number != number.to_integral_value():
                raise ValueError(value)
            return int(number)
        if type_name in DECIMAL_TYPES:
            return _decimal(value)
        if type_name == "Yes/No":
            flag = parse_bool(value)
            if flag is None:
                raise ValueError(value)
            return flag
        if type_name == "EnumList":
            if isinstance(value, list):
                return [str(v) for v in value]
            if not isinstance(value, str):
                raise ValueError(value)
            return [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, str):
            raise ValueError(value)
        text = value.strip()
        if type_name == "Date":
            return _date(text, order)
        if type_name == "Time":
            return _time(text)
        if type_name == "DateTime":
            day, _, clock = text.partition(" ")
            return dt.datetime.combine(_date(day, order), _time(clock.strip()))
    except ValueError:
        raise CoerceError(value, field, type_name) from None
    raise CoerceError(value, field, type_name)


def _format_date(value: dt.date, order: str) -> str:
    first, second = (value.month, value.day) if order == "MDY" else (value.day, value.month)
    return f"{first:02d}/{second:02d}/{value.year:04d}"


def render(type_name: str, value: Any, order: str) -> str:
    """A stored value as the string AppSheet answers with, in the request's locale."""
    if value is None:
        return ""
    if type_name == "Yes/No":
        return "Y" if value else "N"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        return f"{_format_date(value.date(), order)} {value.strftime('%H:%M:%S')}"
    if isinstance(value, dt.date):
        return _format_date(value, order)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, list):
        return " , ".join(str(v) for v in value)
    return str(value)


__all__ = [
    "COLUMN_TYPES",
    "LOCALES",
    "CoerceError",
    "date_order",
    "parse",
    "parse_bool",
    "render",
]
