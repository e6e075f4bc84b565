"""What the transport hands back: status, headers and the body, already read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from . import bytes_decode, sansio

_NOT_DECODED: Any = object()


# Not attrs-frozen (its __init__ would cost three times as much, on every request); nothing
# changes a Response once the transport has made it.
@attrs.define(repr=False)
class Response:
    """One successful HTTP answer.

    Attributes:
        status: HTTP status.
        headers: response headers (case-insensitive mapping).
        body: the raw body bytes.
        method / path: what was asked, for error messages.
        already_gone: a DELETE retried after an ambiguous failure met 404: the earlier
            attempt deleted the object, so this stands in for its lost answer (no body).
    """

    status: int
    headers: Mapping[str, str]
    body: bytes
    method: str
    path: str
    already_gone: bool = False
    _decoded: Any = attrs.field(default=_NOT_DECODED, init=False, eq=False)

    def check_json(self) -> None:
        """Raise :class:`DecodeError` unless the body is JSON.

        A large body is only checked, not built, when msgspec is installed: a typed decoder
        may read it straight from bytes (see :mod:`smartsuite._core.bytes_decode`), and
        :meth:`json` parses it if asked. Any other body is parsed now and kept.
        """
        if (
            self._decoded is _NOT_DECODED
            and len(self.body) > bytes_decode.CHECK_ONLY_BYTES
            and bytes_decode.well_formed(self.body)
        ):
            return
        self.json()

    @property
    def is_parsed(self) -> bool:
        """Whether :meth:`json` has parsed the body already."""
        return self._decoded is not _NOT_DECODED

    def json(self) -> Any:
        """The decoded JSON body; :class:`DecodeError` when it is not JSON.

        The body is parsed once (the transport already checks it); later calls return the
        same object.
        """
        if self._decoded is _NOT_DECODED:
            self._decoded = sansio.loads(self.body, status=self.status)
        return self._decoded

    def __repr__(self) -> str:
        return f"Response({self.method} {self.path} -> {self.status}, {len(self.body)} bytes)"
