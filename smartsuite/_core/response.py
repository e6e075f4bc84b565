"""What the transport hands back: status, headers and the body, already read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from . import sansio


@attrs.frozen(repr=False)
class Response:
    """One successful HTTP answer.

    Attributes:
        status: HTTP status.
        headers: response headers (case-insensitive mapping).
        body: the raw body bytes.
        method / path: what was asked, for error messages.
    """

    status: int
    headers: Mapping[str, str]
    body: bytes
    method: str
    path: str

    def json(self) -> Any:
        """The decoded JSON body; :class:`DecodeError` when it is not JSON."""
        return sansio.loads(self.body, status=self.status)

    def __repr__(self) -> str:
        return f"Response({self.method} {self.path} -> {self.status}, {len(self.body)} bytes)"
