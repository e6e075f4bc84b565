"""The one rule for ids a caller passes: checked before anything is sent.

Smartsheet and Resource Management ids are positive 64-bit integers. Anything that is an
integer by ``operator.index`` (``int``, ``numpy.int64``) is accepted; ``True``, ``1.9``,
``"12"`` and negative numbers are refused with an error naming the argument, so that
``sheets.get(1.5)`` can never read sheet 1.
"""

from __future__ import annotations

import operator

from .errors import ConfigurationError

#: The largest id either API hands out (a signed 64-bit integer).
MAX_ID = (1 << 63) - 1


def ident(value: object, name: str) -> int:
    """``value`` as an integer id.

    Args:
        value: the caller's id.
        name: the argument's name, for the error message.

    Raises:
        ConfigurationError: ``value`` is a bool, not an integer, negative or too large.
    """
    if isinstance(value, bool):
        raise ConfigurationError(f"{name} must be an integer id, got {value!r}")
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise ConfigurationError(
            f"{name} must be an integer id, got {type(value).__name__} {value!r}"
        ) from None
    if number < 0 or number > MAX_ID:
        raise ConfigurationError(f"{name} must be a non-negative 64-bit id, got {number}")
    return number


def idents(values: object, name: str) -> list[int]:
    """Each of ``values`` as an integer id (see :func:`ident`).

    Raises:
        ConfigurationError: ``values`` is a string or not iterable, or one id is invalid.
    """
    if isinstance(values, str | bytes) or not hasattr(values, "__iter__"):
        raise ConfigurationError(f"{name} must be a list of integer ids, got {values!r}")
    return [ident(v, name) for v in values]


def text_id(value: object, name: str) -> str:
    """A string id, for the operations whose ids are strings (share ids, AppSheet keys).

    Raises:
        ConfigurationError: ``value`` is not a non-empty string.
    """
    if not isinstance(value, str) or not value:
        raise ConfigurationError(f"{name} must be a non-empty string id, got {value!r}")
    return value


def key_value(value: object, name: str) -> object:
    """A row key for AppSheet (whose keys are the key column's values: text or numbers).

    Returns ``value`` unchanged when it can be a key.

    Raises:
        ConfigurationError: ``value`` is None, a bool, an empty string, a fractional number or
            a container.
    """
    if isinstance(value, str):
        if not value.strip():
            raise ConfigurationError(f"{name} must be a non-empty key, got {value!r}")
        return value
    if value is None or isinstance(value, bool | bytes | dict | list | tuple | set):
        raise ConfigurationError(f"{name} must be a text or integer key, got {value!r}")
    if isinstance(value, float) and not value.is_integer():
        raise ConfigurationError(f"{name} must be a text or integer key, got {value!r}")
    return value
