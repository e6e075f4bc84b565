"""Row values in both directions, in the request's Locale.

AppSheet validates Date, DateTime, Time, Decimal, Percent and Price values against the request's
``Locale`` (``en-US`` wants ``MM/DD/YYYY``, ``en-GB`` wants ``DD/MM/YYYY``) and answers every value
as a string. :func:`to_wire` turns Python values into what AppSheet accepts; the ``parse_*``
functions turn its strings back into Python values.
See https://support.google.com/appsheet/answer/10105770 (Request body, Locale).
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Mapping, Set
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import attrs

from .._core.errors import ConfigurationError, DecodeError

DateOrder = Literal["MDY", "DMY", "YMD"]

#: What AppSheet returns for EnumList values, and accepts: items joined by " , ".
LIST_SEPARATOR = " , "


@attrs.frozen
class LocaleFormat:
    """How one locale writes dates and decimals.

    Attributes:
        code: the locale name sent as ``Properties.Locale`` (``en-US``).
        date_order: the order of day, month and year in a short date.
        date_sep: the separator between them.
        decimal_sep: the decimal separator.
        group_sep: the thousands separator (accepted when parsing, never written).
    """

    code: str
    date_order: DateOrder
    date_sep: str = "/"
    decimal_sep: str = "."
    group_sep: str = ","


# Short date patterns follow the .NET culture data AppSheet's validation uses (en-US M/d/yyyy,
# en-GB dd/MM/yyyy, de-DE dd.MM.yyyy ...). Others can be added with register_locale().
_LOCALES: dict[str, LocaleFormat] = {
    f.code.lower(): f
    for f in (
        LocaleFormat("en-US", "MDY"),
        LocaleFormat("en-GB", "DMY"),
        LocaleFormat("en-AU", "DMY"),
        LocaleFormat("en-NZ", "DMY"),
        LocaleFormat("en-IE", "DMY"),
        LocaleFormat("de-DE", "DMY", ".", ",", "."),
        LocaleFormat("fr-FR", "DMY", "/", ",", "\u202f"),
        LocaleFormat("es-ES", "DMY", "/", ",", "."),
        LocaleFormat("it-IT", "DMY", "/", ",", "."),
        LocaleFormat("pt-BR", "DMY", "/", ",", "."),
        LocaleFormat("nl-NL", "DMY", "-", ",", "."),
        LocaleFormat("ja-JP", "YMD", "/", ".", ","),
    )
}

DEFAULT_LOCALE = "en-US"


def register_locale(fmt: LocaleFormat) -> None:
    """Teach the value conversion another locale (replaces one of the same code)."""
    _LOCALES[fmt.code.lower()] = fmt


def locale_format(locale: str | None) -> LocaleFormat:
    """The format of ``locale`` (``en-US`` when None).

    Raises:
        ConfigurationError: the locale is not known; register it with :func:`register_locale`.
    """
    code = (locale or DEFAULT_LOCALE).strip()
    try:
        return _LOCALES[code.lower()]
    except KeyError:
        known = ", ".join(sorted(f.code for f in _LOCALES.values()))
        raise ConfigurationError(
            f"unknown locale {code!r}: known are {known}; add one with register_locale()"
        ) from None


# -- Python -> AppSheet ----------------------------------------------------------------------


def format_date(value: dt.date, locale: str | None = None) -> str:
    """``date(2014, 10, 31)`` -> ``10/31/2014`` (en-US) or ``31/10/2014`` (en-GB)."""
    fmt = locale_format(locale)
    parts = {"D": f"{value.day:02d}", "M": f"{value.month:02d}", "Y": f"{value.year:04d}"}
    return fmt.date_sep.join(parts[c] for c in fmt.date_order)


def format_time(value: dt.time) -> str:
    """``time(18, 30, 33)`` -> ``18:30:33`` (24-hour, as the API's examples write it)."""
    return f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"


def format_datetime(
    value: dt.datetime, locale: str | None = None, timezone: str | None = None
) -> str:
    """``datetime(2017, 8, 31, 23, 59, 59)`` -> ``08/31/2017 23:59:59`` (en-US).

    A naive datetime is sent as the wall-clock time in the request's Timezone. An aware one is
    converted to UTC, which is only right when the request's Timezone is UTC (AppSheet's default).

    Raises:
        ConfigurationError: an aware datetime with a Timezone other than UTC.
    """
    if value.tzinfo is not None:
        if timezone not in (None, "UTC", "Etc/UTC"):
            raise ConfigurationError(
                f"cannot send the aware datetime {value.isoformat()} with Timezone {timezone!r}: "
                "pass a naive datetime in that timezone"
            )
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return f"{format_date(value.date(), locale)} {format_time(value.time())}"


def format_decimal(value: Decimal | float | int, locale: str | None = None) -> str:
    """A number in plain notation with the locale's decimal separator (``3333,45`` in de-DE).

    Raises:
        ConfigurationError: NaN or infinity.
    """
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not number.is_finite():
        raise ConfigurationError(f"cannot send the number {value!r}: it is not finite")
    return format(number, "f").replace(".", locale_format(locale).decimal_sep)


def to_wire(
    value: Any, locale: str | None = None, *, timezone: str | None = None, column: str = ""
) -> Any:
    """One Python value as the JSON value AppSheet accepts for it in ``locale``.

    None becomes ``""`` (blank); booleans stay JSON booleans (a Yes/No column accepts them);
    ints and floats stay JSON numbers; Decimals, dates, times and datetimes become locale
    strings; lists, tuples and sets become an EnumList (``"a , b"``); enums send their value.

    Raises:
        ConfigurationError: a value of a type AppSheet has no column for, or a non-finite number.
    """
    where = f" for column {column!r}" if column else ""
    if value is None:
        return ""
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ConfigurationError(f"cannot send {value!r}{where}: it is not finite")
        return value
    if isinstance(value, Decimal):
        return format_decimal(value, locale)
    if isinstance(value, dt.datetime):
        return format_datetime(value, locale, timezone)
    if isinstance(value, dt.date):
        return format_date(value, locale)
    if isinstance(value, dt.time):
        return format_time(value)
    if isinstance(value, enum.Enum):
        return to_wire(value.value, locale, timezone=timezone, column=column)
    if isinstance(value, list | tuple | Set) and not isinstance(value, Mapping):
        items = sorted(value, key=str) if isinstance(value, Set) else list(value)
        return LIST_SEPARATOR.join(
            str(to_wire(v, locale, timezone=timezone, column=column)) for v in items
        )
    raise ConfigurationError(f"cannot send a {type(value).__name__} value{where} to AppSheet")


def row_to_wire(
    row: Mapping[str, Any], locale: str | None = None, *, timezone: str | None = None
) -> dict[str, Any]:
    """Every value of a row through :func:`to_wire`.

    Raises:
        ConfigurationError: a column name that is not a non-empty string, or a value AppSheet
            cannot take.
    """
    out: dict[str, Any] = {}
    for name, value in row.items():
        if not isinstance(name, str) or not name:
            raise ConfigurationError(f"column names must be non-empty strings, got {name!r}")
        out[name] = to_wire(value, locale, timezone=timezone, column=name)
    return out


# -- AppSheet -> Python ----------------------------------------------------------------------

#: The Yes/No values AppSheet accepts, compared case-insensitively (seed 003, "Row Column
#: Values": true, "True", "T", "Yes", "Y" and their false twins).
TRUE_WORDS = frozenset({"true", "t", "yes", "y"})
FALSE_WORDS = frozenset({"false", "f", "no", "n"})


def parse_bool(value: Any) -> bool:
    """A Yes/No value: ``"Y"``, ``"TRUE"``, ``"yes"``, ``true`` -> True; ``"N"``, ``"f"`` -> False.

    Raises:
        DecodeError: anything else (a blank included: decide what blank means yourself).
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    raise DecodeError(f"{value!r} is not a Yes/No value (expected Y/N, TRUE/FALSE, Yes/No, T/F)")


_DATE = re.compile(r"^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?$")


def _text(value: Any, what: str) -> str:
    if isinstance(value, str):
        return value.strip()
    raise DecodeError(f"expected a {what} string, got {type(value).__name__} {value!r}")


def parse_date(value: Any, locale: str | None = None) -> dt.date:
    """A date in the locale's short format (``10/31/2014`` in en-US), or ISO ``2014-10-31``.

    Raises:
        DecodeError: the text is not a valid date in that locale.
    """
    text = _text(value, "date")
    fmt = locale_format(locale)
    iso = _ISO_DATE.match(text)
    try:
        if iso and fmt.date_order != "YMD":
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        m = _DATE.match(text)
        if m is None:
            raise ValueError("not a date")
        parts = dict(zip(fmt.date_order, (int(m[1]), int(m[2]), int(m[3])), strict=True))
        if parts["Y"] < 100:
            raise ValueError("two-digit year")
        return dt.date(parts["Y"], parts["M"], parts["D"])
    except ValueError:
        example = format_date(dt.date(2014, 10, 31), fmt.code)
        raise DecodeError(
            f"{text!r} is not a date in {fmt.code} (expected like {example!r})"
        ) from None


def parse_time(value: Any) -> dt.time:
    """``18:30:33``, ``8:15``, ``6:30:33 PM`` -> a time.

    Raises:
        DecodeError: the text is not a time of day.
    """
    text = _text(value, "time")
    m = _TIME.match(text)
    try:
        if m is None:
            raise ValueError("not a time")
        hour = int(m[1])
        if m[5]:
            if not 1 <= hour <= 12:
                raise ValueError("bad 12-hour clock")
            hour = hour % 12 + (12 if m[5].lower() == "p" else 0)
        micro = int((m[4] or "0").ljust(6, "0"))
        return dt.time(hour, int(m[2]), int(m[3] or 0), micro)
    except ValueError:
        raise DecodeError(f"{text!r} is not a time (expected like '18:30:33')") from None


def parse_datetime(value: Any, locale: str | None = None) -> dt.datetime:
    """``08/31/2017 23:59:59`` (en-US) -> a naive datetime in the request's Timezone.

    Raises:
        DecodeError: the text is not a date and time in that locale.
    """
    text = _text(value, "datetime")
    date_part, _, time_part = text.partition(" ")
    if "T" in date_part and not time_part:  # ISO 8601, as some sources write it
        date_part, _, time_part = date_part.partition("T")
    day = parse_date(date_part, locale)
    return dt.datetime.combine(day, parse_time(time_part) if time_part else dt.time())


_CURRENCY = "$€£¥₹"


def parse_decimal(value: Any, locale: str | None = None) -> Decimal:
    """``3333.45`` (en-US), ``3.333,45`` (de-DE), ``$1,250.00``, ``95%`` -> a Decimal.

    A percent sign divides by 100; a leading currency symbol is dropped.

    Raises:
        DecodeError: the text is not a number in that locale.
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = _text(value, "number")
    fmt = locale_format(locale)
    body = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    percent = body.endswith("%")
    body = body.rstrip("%").lstrip(_CURRENCY)
    if body[:1] in "+-" and body[1:2] in tuple(_CURRENCY):
        body = body[0] + body[2:]
    if fmt.group_sep.strip():
        body = body.replace(fmt.group_sep, "")
    body = body.replace(fmt.decimal_sep, ".")
    try:
        number = Decimal(body)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", body):
        raise DecodeError(f"{text!r} is not a number in {fmt.code}")
    return number / 100 if percent else number


def parse_int(value: Any, locale: str | None = None) -> int:
    """A Number column value (``"1,250"`` in en-US) -> int.

    Raises:
        DecodeError: not a whole number.
    """
    number = parse_decimal(value, locale)
    if number != number.to_integral_value():
        raise DecodeError(f"{value!r} is not a whole number")
    return int(number)


def parse_list(value: Any) -> list[str]:
    """An EnumList value ``"a , b"`` -> ``["a", "b"]`` (blank -> ``[]``)."""
    if isinstance(value, list):
        return [str(v) for v in value]
    text = _text(value, "list")
    sep = LIST_SEPARATOR.strip() if LIST_SEPARATOR not in text else LIST_SEPARATOR
    return [part.strip() for part in text.split(sep) if part.strip()]


__all__ = [
    "DEFAULT_LOCALE",
    "FALSE_WORDS",
    "LIST_SEPARATOR",
    "TRUE_WORDS",
    "LocaleFormat",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_time",
    "locale_format",
    "parse_bool",
    "parse_date",
    "parse_datetime",
    "parse_decimal",
    "parse_int",
    "parse_list",
    "parse_time",
    "register_locale",
    "row_to_wire",
    "to_wire",
]
