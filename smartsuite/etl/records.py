"""Records, keys and value comparison shared by every adapter.

A record is a mapping of field name (a Smartsheet column title, an AppSheet column, an RM
attribute) to value. Keys and values are compared in a normalised text form, so ``"85000"``
read from a CSV file equals ``85000`` read back from a service, and ``""`` equals an empty
cell.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .._core.errors import ConfigurationError

_DECIMAL = re.compile(r"-?\d+\.\d+")

Record = Mapping[str, Any]
#: A record's key: the normalised values of the key fields, in order.
Key = tuple[str, ...]


def key_fields(key: str | Sequence[str]) -> tuple[str, ...]:
    """The key field names from ``key="Employee ID"`` or ``key=("user_id", "date")``.

    Raises:
        ConfigurationError: no field, or an empty name.
    """
    fields = (key,) if isinstance(key, str) else tuple(key)
    if not fields or any(not isinstance(f, str) or not f for f in fields):
        raise ConfigurationError(f"key must name one or more fields, got {key!r}")
    return fields


def normalize(value: Any) -> str:
    """The comparable text form of a value.

    None and ``""`` are both ``""``; integral floats lose their ``.0`` and so do decimal
    strings (``"8.50"`` is ``"8.5"``); booleans are ``true``/``false``; containers are
    canonical JSON.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, str):
        if _DECIMAL.fullmatch(value):  # "8.50" from a file equals 8.5 from a service
            return value.rstrip("0").rstrip(".")
        return str(value)
    if isinstance(value, Mapping | list | tuple):
        return json.dumps(value, sort_keys=True, default=str)
    return str(value)


def same(a: Any, b: Any) -> bool:
    """Whether two values are equal once normalised."""
    return normalize(a) == normalize(b)


def key_of(record: Record, fields: Sequence[str]) -> Key | None:
    """The record's key, or None when a key field is missing or empty."""
    parts = []
    for field in fields:
        text = normalize(record.get(field))
        if text == "":
            return None
        parts.append(text)
    return tuple(parts)


def changed_fields(record: Record, current: Record, skip: Sequence[str] = ()) -> list[str]:
    """The fields of ``record`` whose value differs from ``current`` (in record order)."""
    return [f for f, v in record.items() if f not in skip and not same(v, current.get(f))]


def show_key(key: Key | None) -> str:
    """A key for messages: ``'E1'`` or ``('u1', '2024-01-02')``."""
    if key is None:
        return "<none>"
    return repr(key[0]) if len(key) == 1 else repr(key)
