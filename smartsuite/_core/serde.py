"""cattrs converters. Models are plain attrs classes with snake_case attributes; the wire names
(camelCase for Smartsheet, snake_case for Resource Management) live only here.

``UNSET`` marks "not sent": unstructuring drops attributes that are UNSET, so a model built for a
request carries only what the caller set. Unknown fields from the server are ignored.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .errors import DecodeError

T = TypeVar("T")


class _Unset(enum.Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Final = _Unset.UNSET
Unset = Literal[_Unset.UNSET]

_CAMEL = re.compile(r"_([a-z0-9])")


def to_camel(name: str) -> str:
    """``row_number`` -> ``rowNumber``; a trailing underscore (``from_``) is dropped."""
    return _CAMEL.sub(lambda m: m.group(1).upper(), name.rstrip("_"))


def _parse_datetime(value: Any, _: type) -> dt.datetime:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a timestamp")
    if isinstance(value, int | float):  # numericDates: milliseconds since the epoch
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC)
    if isinstance(value, str):
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    raise TypeError(f"expected a timestamp, got {type(value).__name__}")


def _parse_date(value: Any, _: type) -> dt.date:
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    raise TypeError(f"expected a date string, got {type(value).__name__}")


def _to_iso(value: dt.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return value.isoformat(timespec="seconds")


def make_converter(*, camel_case: bool) -> cattrs.Converter:
    """A converter for one service's wire names.

    Args:
        camel_case: rename snake_case attributes to camelCase on the wire (Smartsheet).
    """
    conv = cattrs.Converter(forbid_extra_keys=False)
    conv.register_structure_hook(dt.datetime, _parse_datetime)
    conv.register_structure_hook(dt.date, _parse_date)
    conv.register_unstructure_hook(dt.datetime, _to_iso)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(_Unset, lambda _: None)

    def rename(cls: type) -> dict[str, Any]:
        if not camel_case:
            return {}
        return {
            a.name: override(rename=to_camel(a.name))
            for a in attrs.fields(cls)
            if to_camel(a.name) != a.name
        }

    def structure_factory(cls: type) -> Callable[[Any, type], Any]:
        fn: Callable[[Any, type], Any] = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=False, **rename(cls)
        )

        def structure_object(data: Any, tp: type) -> Any:
            # cattrs only tests `"name" in data`: a list, or a string without the field names
            # as substrings, would pass as an object with every field at its default.
            if not isinstance(data, Mapping):
                raise TypeError(f"expected a JSON object, got {type(data).__name__}")
            return fn(data, tp)

        return structure_object

    def unstructure_factory(cls: type) -> Callable[[Any], Any]:
        base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv, **rename(cls))

        def unstructure(obj: Any) -> dict[str, Any]:
            return {k: v for k, v in base(obj).items() if v is not None}

        return unstructure

    conv.register_structure_hook_factory(attrs.has, structure_factory)
    conv.register_unstructure_hook_factory(attrs.has, unstructure_factory)
    return conv


def structure(converter: cattrs.Converter, data: Any, cls: type[T]) -> T:
    """Decode ``data`` into ``cls``; any mismatch becomes a :class:`DecodeError`."""
    try:
        return converter.structure(data, cls)
    except RecursionError:
        raise DecodeError(f"cannot decode {cls.__name__}: data nested too deeply") from None
    except Exception as exc:  # cattrs raises many kinds; callers get exactly one
        raise DecodeError(
            f"cannot decode {getattr(cls, '__name__', cls)}: {_describe(exc)}"
        ) from None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        notes = cattrs.transform_error(exc)
        return "; ".join(notes[:3]) if notes else str(exc)
    return f"{type(exc).__name__}: {exc}"
