"""What the three clients share: lifecycle, ``with_options`` and the resource base class."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self, TypeVar

import cattrs

from . import serde
from .config import RetryConfig, Timeouts
from .response import Response
from .transport import Transport, TransportStats

T = TypeVar("T")


class BaseClient:
    """Async context manager around one :class:`Transport`."""

    _transport: Transport

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the client's own HTTP session (a borrowed one is left open)."""
        await self._transport.aclose()

    @property
    def stats(self) -> TransportStats:
        """Request counters shared by this client and its ``with_options`` views."""
        return self._transport.stats

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    def with_options(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        retry: RetryConfig | None = None,
        timeouts: Timeouts | None = None,
    ) -> Self:
        """A sibling client with other headers, retry policy or timeouts, sharing the session,
        the rate limiter and the write locks. Close the original, not the view."""
        view = copy.copy(self)
        view.__dict__ = {k: v for k, v in self.__dict__.items() if not isinstance(v, Resource)}
        view._transport = self._transport.with_options(
            headers=headers, retry=retry, timeouts=timeouts
        )
        return view

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._transport.base_url!r})"


class Resource:
    """Base of the resource namespaces (``ss.sheets``, ``rm.projects`` ...).

    Subclasses set ``_converter`` and keep each method short: build the path and parameters,
    call ``_request``/``_get``, name the model to decode.
    """

    _converter: cattrs.Converter

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    @property
    def _transport(self) -> Transport:
        return self._client._transport

    async def _request(self, method: str, path: str, **kwargs: Any) -> Response:
        return await self._transport.request(method, path, **kwargs)

    def _decode(self, data: Any, cls: type[T]) -> T:
        return serde.structure(self._converter, data, cls)

    def _encode(self, obj: Any) -> Any:
        return self._converter.unstructure(obj)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
