"""The Smartsheet resource base: IndexResult paging and Result envelopes."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

from .._core.client import Resource
from .._core.errors import DecodeError
from .._core.operations import declare
from .._core.paging import AsyncPaginator, Page
from .._core.response import Response
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


#: What an upload or a cell-history read counts as against the rate limit.
_HEAVY_COST = 10

#: Page size for walks: the largest the API serves without ``includeAll``.
WALK_PAGE_SIZE = 1000


class SmartsheetResource(Resource):
    _converter = CONVERTER

    async def _request(self, method: str, path: str, **kwargs: Any) -> Response:
        agent = getattr(self._client, "change_agent", None)
        if agent and method != "GET":
            # Lets webhook receivers recognise (and skip) changes this client made.
            kwargs["headers"] = {"Smartsheet-Change-Agent": agent, **(kwargs.get("headers") or {})}
        if _is_file_upload(kwargs.get("headers")) or path.endswith("/history"):
            # Smartsheet counts file uploads and cell history as 10 requests each against the
            # 300/minute limit (https://developers.smartsheet.com/api/smartsheet/guides/basics/
            # rate-limiting): pace them as such instead of earning 429s.
            kwargs.setdefault("cost", _HEAVY_COST)
        return await super()._request(method, path, **kwargs)

    async def _get(self, path: str, cls: type[T], params: Mapping[str, Any] | None = None) -> T:
        response = await self._request("GET", path, params=params)
        return self._decode(response.json(), cls)

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
    ) -> Result:
        response = await self._request(
            method, path, json=json, params=params, headers=headers, content=content
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
    ) -> AsyncPaginator[T]:
        """Walk an IndexResult collection by ``page``/``totalPages``
        (https://developers.smartsheet.com/api/smartsheet/guides/basics/pagination)."""
        base = {k: v for k, v in (params or {}).items() if v is not None}
        size = page_size or WALK_PAGE_SIZE

        async def fetch(cursor: Hashable | None) -> Page[T]:
            number = cursor if isinstance(cursor, int) else 1
            response = await self._request(
                "GET", path, params={**base, "page": number, "pageSize": size}
            )
            return self._index_page(response.json(), cls, response.body)

        return AsyncPaginator(fetch)

    def _index_page(self, data: Any, cls: type[T], body: bytes) -> Page[T]:
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise DecodeError("expected an IndexResult with a 'data' list", body=body)
        items = self._decode(data["data"], list[cls])  # type: ignore[valid-type]
        number = data.get("pageNumber")
        total_pages = data.get("totalPages")
        has_next = isinstance(number, int) and isinstance(total_pages, int) and number < total_pages
        return Page(
            items,
            number + 1 if has_next and isinstance(number, int) else None,
            _count(data.get("totalCount")),
            _count(number),
            _count(total_pages),
            _count(data.get("pageSize")),
        )


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _is_file_upload(headers: Mapping[str, str] | None) -> bool:
    if not headers:
        return False
    lowered = {k.lower(): v for k, v in headers.items()}
    return "content-disposition" in lowered or lowered.get("content-type", "").startswith(
        "multipart/"
    )
