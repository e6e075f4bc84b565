"""The Smartsheet resource base: IndexResult paging and Result envelopes."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

from .._core.bytes_decode import decode_response
from .._core.client import Resource
from .._core.errors import ConfigurationError, DecodeError
from .._core.operations import declare
from .._core.paging import AsyncPaginator, Page
from .._core.response import Response
from ._choices import check_choices
from ._converter import CONVERTER
from .models.common import Result

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def operation(
    operation_id: str,
    method: str,
    path: str,
    *,
    idempotent: bool | None = None,
    cost: int = 1,
) -> Callable[[F], F]:
    """Declare the Smartsheet operation a client method performs (see
    :func:`smartsuite._core.operations.declare`: retry safety, cost and id checks).

    The operation table in the README is generated from these tags, and a test checks that
    every operationId of the API has exactly one tagged method reaching its method and path.
    """
    declared = declare("smartsheet", operation_id, method, path, idempotent=idempotent, cost=cost)

    def tag(fn: F) -> F:
        wrapped = declared(fn)
        wrapped.__smartsheet_operation__ = (operation_id, method, path)  # type: ignore[attr-defined]
        return wrapped

    return tag


#: What attaching a file or reading cell history counts as against the 300/minute limit
#: (https://developers.smartsheet.com/api/smartsheet/guides/basics/rate-limiting: "Certain
#: resource intensive operations, such as attaching a file and getting cell history, count as
#: 10 requests"). Declared with ``@operation(cost=UPLOAD_COST)`` on those operations, and on the
#: other uploads (imports, images, proofs), where the docs are silent and the dearer guess is
#: the safer one.
UPLOAD_COST = 10

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_JSON = "application/json"

#: Page size for walks: the largest the API serves without ``includeAll``.
WALK_PAGE_SIZE = 1000


class SmartsheetResource(Resource):
    _converter = CONVERTER

    async def _request(self, method: str, path: str, **kwargs: Any) -> Response:
        check_choices(method, kwargs.get("params"))
        agent = getattr(self._client, "change_agent", None)
        if agent and method != "GET":
            # Lets webhook receivers recognise (and skip) changes this client made.
            kwargs["headers"] = {"Smartsheet-Change-Agent": agent, **(kwargs.get("headers") or {})}
        if (
            method in _BODY_METHODS
            and kwargs.get("json") is None
            and kwargs.get("content") is None
            and not _has_content_type(kwargs.get("headers"))
        ):
            # A POST without a body still says it is JSON, as Smartsheet's SDKs do; left alone,
            # aiohttp labels the empty body application/octet-stream (deactivate, reactivate).
            kwargs["headers"] = {**(kwargs.get("headers") or {}), "Content-Type": _JSON}
        return await super()._request(method, path, **kwargs)

    async def _get(self, path: str, cls: type[T], params: Mapping[str, Any] | None = None) -> T:
        response = await self._request("GET", path, params=params)
        return decode_response(self._converter, response, cls)

    async def _send(
        self,
        method: str,
        path: str,
        cls: type[T],
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> T:
        """A write answered by a Result envelope; returns its decoded ``result``."""
        result = await self._result(method, path, json=json, params=params, headers=headers)
        return self._decode(result.result, cls)

    async def _result(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        content: Any = None,
        cost: int | None = None,
    ) -> Result:
        response = await self._request(
            method, path, json=json, params=params, headers=headers, content=content, cost=cost
        )
        if response.already_gone:
            return Result(message="SUCCESS", result_code=0)
        data = response.json()
        if not isinstance(data, dict):
            raise DecodeError(f"expected a Result object from {method} {path}", body=response.body)
        return self._decode(data, Result)

    def _paginate(
        self,
        path: str,
        cls: type[T],
        params: Mapping[str, Any] | None = None,
        *,
        page_size: int | None = None,
        trust_totals: bool = True,
    ) -> AsyncPaginator[T]:
        """Walk an IndexResult collection by ``page``/``totalPages``
        (https://developers.smartsheet.com/api/smartsheet/guides/basics/pagination).

        With ``trust_totals=False`` (the webhook list, whose totals are -1 since 2026-06-03)
        the walk goes on while pages come back full and stops at the first short one.
        """
        check_choices("GET", params)  # at the call, not at the first page
        base = {k: v for k, v in (params or {}).items() if v is not None}
        size = page_size or WALK_PAGE_SIZE

        async def fetch(cursor: Hashable | None) -> Page[T]:
            number = cursor if isinstance(cursor, int) else 1
            response = await self._request(
                "GET", path, params={**base, "page": number, "pageSize": size}
            )
            full = size if not trust_totals else None
            return self._index_page(response.json(), cls, response.body, full_page=full)

        return AsyncPaginator(fetch, max_pages=self._transport.limits.max_pages)

    def _token_paginate(
        self,
        path: str,
        cls: type[T],
        params: Mapping[str, Any] | None = None,
        *,
        max_items: int | None = None,
        items_key: str = "data",
        pagination_type: bool = False,
        decode: Callable[[Any], T] | None = None,
    ) -> AsyncPaginator[T]:
        """Walk a token-paged collection: ``maxItems`` and ``lastKey`` out, ``{data|items,
        lastKey}`` back, no totals; the last page has no ``lastKey``
        (https://developers.smartsheet.com/api/smartsheet/guides/basics/pagination).

        Each :class:`Page` carries the ``lastKey`` as ``next_cursor``; resume a walk with
        ``paginator.resume(saved_last_key)``.

        Args:
            pagination_type: also send ``paginationType=token`` (only ``GET /workspaces``
                needs it; the SDKs hard-code it there).
            decode: builds one item from its JSON (children pick a model per item).
        """
        size = max_items_param(max_items)
        base = {k: v for k, v in (params or {}).items() if v is not None}
        if pagination_type:
            base["paginationType"] = "token"

        async def fetch(cursor: Hashable | None) -> Page[T]:
            query = {**base, "maxItems": size}
            if cursor is not None:
                query["lastKey"] = cursor
            response = await self._request("GET", path, params=query)
            data = response.json()
            if not isinstance(data, dict) or not isinstance(data.get(items_key), list):
                raise DecodeError(
                    f"expected a token-paged result with an {items_key!r} list", body=response.body
                )
            raw = data[items_key]
            if decode is not None:
                items = [decode(item) for item in raw]
            else:
                items = self._decode(raw, list[cls])  # type: ignore[valid-type]
            return Page(items, last_key_of(data, response.body))

        return AsyncPaginator(fetch)

    def _index_page(
        self, data: Any, cls: type[T], body: bytes, *, full_page: int | None = None
    ) -> Page[T]:
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise DecodeError("expected an IndexResult with a 'data' list", body=body)
        items = self._decode(data["data"], list[cls])  # type: ignore[valid-type]
        number = data.get("pageNumber")
        total_pages = data.get("totalPages")
        if full_page is not None:
            has_next = isinstance(number, int) and len(items) >= full_page > 0
            total_pages = total_pages if isinstance(total_pages, int) and total_pages >= 0 else None
            total = data.get("totalCount")
            data = {**data, "totalCount": total if isinstance(total, int) and total >= 0 else None}
        else:
            has_next = (
                isinstance(number, int) and isinstance(total_pages, int) and number < total_pages
            )
        return Page(
            items,
            number + 1 if has_next and isinstance(number, int) else None,
            _count(data.get("totalCount")),
            _count(number),
            _count(total_pages),
            _count(data.get("pageSize")),
        )


#: The most a ``lastKey`` may be: it is sent back verbatim in the next URL.
MAX_LAST_KEY = 4096

#: The largest ``maxItems`` sent unless told otherwise.
MAX_ITEMS_DEFAULT = 1000


def max_items_param(value: int | None) -> int:
    """``maxItems`` for a token-paged call: a positive integer (the SDKs refuse 0 or less)."""
    if value is None:
        return MAX_ITEMS_DEFAULT
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigurationError(f"max_items must be a positive integer, not {value!r}")
    return value


def last_key_of(data: Mapping[str, Any], body: bytes) -> str | None:
    """The cursor of the next page: the ``lastKey``, None when absent or empty (the end)."""
    key = data.get("lastKey")
    if key is None or key == "":
        return None
    if not isinstance(key, str) or len(key) > MAX_LAST_KEY:
        raise DecodeError("lastKey is not a string of at most 4096 characters", body=body)
    return key


def _has_content_type(headers: Mapping[str, str] | None) -> bool:
    return bool(headers) and any(k.lower() == "content-type" for k in headers or ())


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
