"""URL path segments built from caller-supplied values.

A value placed between two ``/`` must stay one segment: ``/``, ``?``, ``#`` and ``%`` are
percent-encoded, and ``.`` / ``..`` are refused because the URL library normalises them away
(even when written ``%2E%2E``), which would silently address a different resource.
"""

from __future__ import annotations

from urllib.parse import quote

from .errors import ConfigurationError

_DOT_SEGMENTS = frozenset({"", ".", ".."})


def segment(value: object, what: str = "path segment") -> str:
    """``value`` as one percent-encoded URL path segment.

    Args:
        value: the caller's value; ``str(value)`` is encoded with nothing left safe.
        what: the argument's name, for the error message.

    Returns:
        The encoded segment, e.g. ``"a%2Fb%3F%23"`` for ``"a/b?#"``.

    Raises:
        ConfigurationError: the value is empty, ``.`` or ``..``.
    """
    text = str(value)
    if text in _DOT_SEGMENTS:
        raise ConfigurationError(f"{what} cannot be {text!r}: it does not name one path segment")
    return quote(text, safe="")
