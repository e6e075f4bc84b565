"""Strict scalar hooks for the converters: a value is never coerced into a different meaning
(ints are not bools, floats are not ints, strings are not numbers), and the looser forms the
APIs document are read on purpose (a JSON integer as a float, ``numericDates`` milliseconds, ids
as text or numbers, a timestamp where a date is documented)."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

import cattrs

from .fields import IntId, TextId, _Unset


def _int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    raise TypeError(f"expected an integer, got {type(value).__name__}")


def _float(value: Any, _: Any) -> float:
    # A JSON integer in a number field is the same number (JSON has one number type).
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"expected a number, got {type(value).__name__}")


def _bool(value: Any, _: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"expected a boolean, got {type(value).__name__}")


def _str(value: Any, _: Any) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a string, got {type(value).__name__}")


def _parse_datetime(value: Any, _: Any) -> dt.datetime:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a timestamp")
    if isinstance(value, int | float):  # numericDates: milliseconds since the epoch
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
    if isinstance(value, str):
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    raise TypeError(f"expected a timestamp, got {type(value).__name__}")


def _parse_date(value: Any, _: Any) -> dt.date:
    """A calendar date: ``YYYY-MM-DD`` exactly (a timestamp is not a date: its time of day
    would be lost), or numericDates milliseconds at UTC midnight."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a date")
    if isinstance(value, int | float):
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC).date()
    if isinstance(value, str):
        if len(value) != 10:
            raise ValueError("expected a date YYYY-MM-DD")
        return dt.date.fromisoformat(value)
    raise TypeError(f"expected a date string, got {type(value).__name__}")


def _date_or_timestamp(value: Any, tp: Any) -> dt.date:
    """A field documented as a date that the API also sends as a timestamp: a plain date stays
    a date, a timestamp stays a timestamp (its time of day kept)."""
    if isinstance(value, str) and len(value) == 10:
        return _parse_date(value, tp)
    return _parse_datetime(value, tp)


_SCALAR_TYPES = (int, float, bool, str)


def _scalar_union(tp: Any) -> bool:
    args = (
        typing.get_args(tp)
        if typing.get_origin(tp) is typing.Union or isinstance(tp, types.UnionType)
        else ()
    )
    return bool(args) and all(a in _SCALAR_TYPES for a in args)


def _one_of(value: Any, tp: Any) -> Any:
    """A union of JSON scalars (``int | str`` ...): the value as sent, if its type is a member."""
    allowed = typing.get_args(tp)
    kind = type(value)
    if kind in allowed or (kind is int and float in allowed):
        return value
    names = " or ".join(a.__name__ for a in allowed)
    raise TypeError(f"expected {names}, got {kind.__name__}")


def _text_id(value: Any, _: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"expected an id (text or number), got {type(value).__name__}")


def _int_id(value: Any, _: Any) -> int:
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 20:
        return int(value)
    return _int(value, None)


def _to_iso(value: dt.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return value.isoformat(timespec="seconds")


def register(conv: cattrs.Converter) -> None:
    """Register the scalar, date and id hooks on ``conv``."""
    for tp, hook in ((int, _int), (float, _float), (bool, _bool), (str, _str)):
        conv.register_structure_hook(tp, hook)
    conv.register_structure_hook(dt.datetime, _parse_datetime)
    conv.register_structure_hook(dt.date, _parse_date)
    conv.register_structure_hook_func(_scalar_union, _one_of)
    conv.register_structure_hook_func(lambda t: t == TextId, _text_id)
    conv.register_structure_hook_func(lambda t: t == IntId, _int_id)
    conv.register_structure_hook_func(lambda t: t == dt.date | dt.datetime, _date_or_timestamp)
    conv.register_unstructure_hook(dt.datetime, _to_iso)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(_Unset, lambda _: None)
