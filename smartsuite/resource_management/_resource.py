"""The Resource Management resource base: ``data``/``paging`` envelopes, ``paging.next`` walks,
query and body building, and the ``@operation`` tag."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Awaitable, Callable, Hashable, Iterable, Mapping
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

from .._core.client import Resource
from .._core.errors import ConfigurationError, DecodeError, PagingError
from .._core.model import Model
from .._core.operations import declare
from .._core.paging import AsyncPaginator, Page
from .._core.serde import UNSET
from ._converter import CONVERTER
from .models.common import Nested, Paging

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

#: The API's own path prefix; ``paging`` links start with it.
API_PREFIX = "/api/v1"

#: ``sort_order`` values every sortable listing accepts.
SortOrder = Literal["ascending", "descending"]
SORT_ORDERS = ("ascending", "descending")

#: The largest page the API serves, and the page size of every walk unless asked otherwise.
MAX_PER_PAGE = 1000


def operation(
    resource: str,
    method: str,
    path: str,
    *,
    idempotent: bool | None = None,
    cost: int = 1,
) -> Callable[[F], F]:
    """Declare the Resource Management operation a client method performs (see
    :func:`smartsuite._core.operations.declare`: retry safety, cost and id checks).

    ``resource``, ``method`` and ``path`` match a row of the operation table; a test checks
    that every row has a tagged method and that the method reaches that path.
    """
    declared = declare(
        "resource_management",
        f"{resource} {method} {path}",
        method,
        path,
        idempotent=idempotent,
        cost=cost,
    )

    def tag(fn: F) -> F:
        wrapped = declared(fn)
        wrapped.__rm_operation__ = (resource, method, path)  # type: ignore[attr-defined]
        return wrapped

    return tag


def clamp_per_page(per_page: int | None) -> int:
    """The page size to ask for: default and ceiling 1000.

    Raises:
        ConfigurationError: ``per_page`` is below 1.
    """
    if per_page is None:
        return MAX_PER_PAGE
    if isinstance(per_page, bool) or not isinstance(per_page, int) or per_page < 1:
        raise ConfigurationError(f"per_page must be an integer >= 1, got {per_page!r}")
    return min(per_page, MAX_PER_PAGE)


def date_param(value: dt.date | None, name: str) -> str | None:
    """A ``YYYY-MM-DD`` query value.

    Raises:
        ConfigurationError: the value is not a ``datetime.date`` (a datetime is refused too:
            the API wants calendar dates).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ConfigurationError(f"{name} must be a datetime.date, got {value!r}")
    return value.isoformat()


def choice(value: str | None, allowed: Iterable[str], name: str) -> str | None:
    """Check an enumerated parameter locally, naming the accepted values."""
    if value is None:
        return None
    options = list(allowed)
    if value not in options:
        raise ConfigurationError(f"{name} must be one of {options}, got {value!r}")
    return str(value)


def sort_params(
    sort_field: str | None, allowed_fields: Iterable[str], sort_order: str | None
) -> dict[str, str | None]:
    """The ``sort_field`` and ``sort_order`` query values, each checked against its choices."""
    return {
        "sort_field": choice(sort_field, allowed_fields, "sort_field"),
        "sort_order": choice(sort_order, SORT_ORDERS, "sort_order"),
    }


def fields_param(fields: Iterable[str] | None, allowed: Iterable[str]) -> str | None:
    """The comma-separated ``fields`` value, each name checked."""
    if fields is None:
        return None
    if isinstance(fields, str):
        fields = [fields]
    names = list(fields)
    options = set(allowed)
    unknown = [f for f in names if f not in options]
    if unknown:
        raise ConfigurationError(f"unknown fields {unknown}; use any of {sorted(options)}")
    return ",".join(names) or None


def next_link(base_url: str, link: str) -> str:
    """Where a ``paging.next`` link points, as a path the transport accepts.

    The API writes links from its own root (``/api/v1/users?page=2``). When the client's base
    URL mounts the API elsewhere (a proxy at ``/rm/api/v1``), a link carrying the plain
    ``/api/v1`` prefix is resolved relative to the base URL's path instead.
    """
    base_path = urlsplit(base_url).path.rstrip("/")
    if link.startswith(("http://", "https://", "//")):
        return link
    if base_path and link.startswith(base_path + "/"):
        return link
    if link.startswith(API_PREFIX + "/") or link.startswith(API_PREFIX + "?"):
        return link[len(API_PREFIX) :]
    return link


class RMResource(Resource):
    _converter = CONVERTER

    # -- building requests -----------------------------------------------------------------

    def _body(self, **fields: Any) -> dict[str, Any]:
        """A JSON body of the fields that were set (UNSET dropped; None sent as null)."""
        return {k.rstrip("_"): self._encode(v) for k, v in fields.items() if v is not UNSET}

    async def _save(self, obj: Model, update: Callable[..., Awaitable[T]]) -> T:
        """``update(obj.id, ...)`` with the fields assigned since ``obj`` was read (a built
        object: the fields it was given). Nulls the server sent are not sent back; a field
        assigned ``None`` is sent as null."""
        names = obj.assigned_fields() - set(obj.identity_fields)
        allowed = inspect.signature(update).parameters
        fixed = sorted(n for n in names if n not in allowed)
        if fixed:
            raise ConfigurationError(
                f"{type(obj).__name__} fields {fixed} cannot be changed by {update.__name__}"
            )
        ident: int = obj.id  # type: ignore[attr-defined]  # every RM model has an id
        return await update(ident, **{n: getattr(obj, n) for n in sorted(names)})

    # -- reading answers -------------------------------------------------------------------

    def _one(self, data: Any, cls: type[T], what: str) -> T:
        # Writes sometimes answer with the object wrapped in a collection (POST /assignments).
        if isinstance(data, dict) and isinstance(data.get("data"), list) and "id" not in data:
            if not data["data"]:
                raise DecodeError(f"{what}: the answer's 'data' list is empty")
            data = data["data"][0]
        return self._decode(data, cls)

    def _many(self, data: Any, cls: type[T], what: str) -> list[T]:
        if isinstance(data, dict) and isinstance(data.get("data"), list):
            data = data["data"]
        elif isinstance(data, dict):
            data = [data]
        if not isinstance(data, list):
            raise DecodeError(f"{what}: expected a collection")
        return self._decode(data, list[cls])  # type: ignore[valid-type]

    async def _get(self, path: str, cls: type[T], params: Mapping[str, Any] | None = None) -> T:
        response = await self._request("GET", path, params=params)
        return self._one(response.json(), cls, f"GET {path}")

    async def _write(
        self,
        method: str,
        path: str,
        cls: type[T],
        body: Mapping[str, Any] | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> T:
        response = await self._request(method, path, json=dict(body or {}), params=params)
        return self._one(response.json(), cls, f"{method} {path}")

    async def _write_many(
        self, method: str, path: str, cls: type[T], body: Mapping[str, Any]
    ) -> list[T]:
        response = await self._request(method, path, json=dict(body))
        return self._many(response.json(), cls, f"{method} {path}")

    async def _delete(self, path: str) -> None:
        await self._request("DELETE", path, expect_json=False)

    # -- paging ----------------------------------------------------------------------------

    def _paginate(
        self,
        path: str,
        cls: type[T],
        params: Mapping[str, Any] | None = None,
        *,
        per_page: int | None = None,
    ) -> AsyncPaginator[T]:
        """Walk a collection by following ``paging.next`` to the end
        (seed 002, "Pagination"). Nothing is sent until the paginator is used."""
        query = {k: v for k, v in (params or {}).items() if v is not None}
        query["per_page"] = clamp_per_page(per_page)
        return self._follow(path, query, cls)

    def _follow(
        self, first: str, query: Mapping[str, Any] | None, cls: type[T]
    ) -> AsyncPaginator[T]:
        async def fetch(cursor: Hashable | None) -> Page[T]:
            if cursor is None:
                response = await self._request("GET", first, params=query)
            else:
                link = next_link(self._transport.base_url, str(cursor))
                try:
                    self._transport.url_for(link)
                except ConfigurationError as exc:
                    raise PagingError(f"refusing to follow paging.next {cursor!r}: {exc}") from None
                response = await self._request("GET", link)
            return self._page(response.json(), cls, response.body)

        return AsyncPaginator(fetch, max_pages=self._transport.limits.max_pages)

    def _page(self, data: Any, cls: type[T], body: bytes) -> Page[T]:
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise DecodeError("expected a collection with a 'data' list", body=body)
        items = self._decode(data["data"], list[cls])  # type: ignore[valid-type]
        raw_paging = data.get("paging")
        paging = self._decode(raw_paging, Paging) if isinstance(raw_paging, dict) else Paging()
        nxt = paging.next if paging.next and items else None
        return Page(items, nxt, page_number=paging.page)

    def _rest_of(self, nested: Nested[T]) -> AsyncPaginator[T]:
        """Every item of a nested collection: the page in hand, then the pages after it."""
        cls = nested.item_type
        if cls is None:
            raise ConfigurationError("this nested collection was not decoded by the client")
        first = Page(list(nested.data), nested.paging.next if nested.paging else None)

        async def fetch(cursor: Hashable | None) -> Page[T]:
            if cursor is None:
                return first
            link = next_link(self._transport.base_url, str(cursor))
            response = await self._request("GET", link)
            return self._page(response.json(), cls, response.body)

        return AsyncPaginator(fetch, max_pages=self._transport.limits.max_pages)
