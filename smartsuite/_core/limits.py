"""Bounds on what a server can make the client hold: body sizes, JSON depth, page walks.

A hostile or broken server must not be able to exhaust memory (a gzip bomb, an endless body),
the stack (a 200,000-deep array) or time (a walk that always has one more page).
"""

from __future__ import annotations

import re

import attrs

from .errors import ConfigurationError

MiB = 1 << 20

#: A page walk longer than this is cut off with ``PagingError``. At Smartsheet's default 300
#: requests a minute 1,000 pages take 3.3 minutes (RM at 120/min: 8.3; AppSheet answers in
#: one page), and at the largest page sizes (1,000 rows, 1,000 RM records) it is a million
#: items, more than any real collection: the old 100,000 kept a looping job alive 5.5 hours.
DEFAULT_MAX_PAGES = 1_000

#: Nesting deeper than this in a webhook body is refused before parsing; real callbacks nest
#: four levels (callback, events, event, fields).
DEFAULT_MAX_JSON_DEPTH = 64


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"Limits.{attribute.name} must be an integer >= 1, got {value!r}")


@attrs.frozen
class Limits:
    """Per-client caps on answers, passed as ``limits=Limits(...)`` to any client.

    Both body caps are enforced while the body is read, so memory stays near the cap whatever
    the server sends; going past one raises :class:`ResponseTooLargeError` naming it. They
    apply to bodies decoded in memory; downloads and attachments stream and are exempt.

    Attributes:
        max_body_bytes: the largest body accepted on the wire (checked against
            ``Content-Length`` first, then counted while reading). Default 512 MiB.
        max_decoded_bytes: the largest body accepted after gzip/deflate/br decoding (a 1 MB
            gzip can inflate to 1 GiB). Default 512 MiB.
        max_pages: a page walk longer than this raises ``PagingError`` (see
            :data:`DEFAULT_MAX_PAGES`).
    """

    max_body_bytes: int = attrs.field(default=512 * MiB, validator=_positive)
    max_decoded_bytes: int = attrs.field(default=512 * MiB, validator=_positive)
    max_pages: int = attrs.field(default=DEFAULT_MAX_PAGES, validator=_positive)


DEFAULT_LIMITS = Limits()

# A JSON string (escapes included; an unterminated one runs to the end). The possessive loop
# always stops at an unescaped quote or the end, so the scan never backtracks: linear time.
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.?)*+(?:"|\Z)', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPEN = frozenset(b"[{")


def json_depth_exceeds(body: bytes, max_depth: int) -> bool:
    """Whether ``body``'s brackets nest deeper than ``max_depth`` (strings ignored).

    Linear in the body and stops at the first bracket past the limit, so a 200,000-deep array
    is refused after ``max_depth`` steps instead of exhausting the parser's recursion.
    """
    skeleton = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    depth = 0
    for byte in skeleton:
        if byte in _OPEN:
            depth += 1
            if depth > max_depth:
                return True
        else:
            depth -= 1
    return False


__all__ = ["DEFAULT_LIMITS", "DEFAULT_MAX_JSON_DEPTH", "DEFAULT_MAX_PAGES", "Limits", "MiB"]
