"""The Resource Management resource base: one helper per envelope kind (an object, a list of
objects, a paged collection, no content), each sending the running operation's declared method
and path (see :mod:`._operation`), and the query and body builders."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Awaitable, Callable, Hashable, Iterable, Mapping
from typing import Any, Literal, TypeVar

from .._core.bytes_decode import decode_bytes
from .._core.bytes_pages import decode_page
from .._core.client import Resource
from .._core.errors import ConfigurationError, DecodeError
from .._core.model import Model
from .._core.paging import AsyncPaginator, Page
from .._core.response import Response
from .._core.serde import UNSET
from ._converter import CONVERTER
from ._links import follow_link
from ._operation import running_call
from .models.common import Nested, Paging

T = TypeVar("T")

#: ``sort_order`` values every sortable listing accepts.
SortOrder = Literal["ascending", "descending"]
SORT_ORDERS = ("ascending", "descending")

#: The largest page the API serves, and the page size of every walk unless asked otherwise.
MAX_PAGE_SIZE = 1000


def clamp_page_size(page_size: int | None) -> int:
    """The page size to ask for (wire ``per_page``): default and ceiling 1000.

    Raises:
        ConfigurationError: ``page_size`` is below 1.
    """
    if page_size is None:
        return MAX_PAGE_SIZE
    if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
        raise ConfigurationError(f"page_size must be an integer >= 1, got {page_size!r}")
    return min(page_size, MAX_PAGE_SIZE)


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


class RMResource(Resource):
    _converter = CONVERTER

    # -- building requests -----------------------------------------------------------------

    def _body(self, **fields: Any) -> dict[str, Any]:
        """A JSON body of the fields that were set (UNSET dropped; None sent as null)."""
        return {k.rstrip("_"): self._encode(v) for k, v in fields.items() if v is not UNSET}

    def _body_of(self, args: Mapping[str, Any], *path_args: str, **fields: Any) -> dict[str, Any]:
        """:meth:`_body` of a write whose arguments are its fields: ``args`` is the method's
        ``locals()``, taken before any other local is bound, less ``self`` and the
        ``path_args`` its path holds; ``fields`` add to or replace them."""
        given = {k: v for k, v in args.items() if k != "self" and k not in path_args}
        return self._body(**{**given, **fields})

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

    # -- one helper per envelope kind -----------------------------------------------------

    async def _object(
        self,
        path: str | None = None,
        *,
        cast_to: type[T],
        params: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> T:
        """The object an answer holds: bare, or (as some writes answer, ``POST /assignments``)
        the first item of a ``data`` list. Writes always send a JSON body; ``path`` defaults to
        the operation's own."""
        method, declared = running_call()
        path = path or declared
        json = None if method == "GET" else dict(body or {})
        response = await self._request(method, path, params=params, json=json)
        return self._one(response, cast_to, f"{method} {path}")

    def _one(self, response: Response, cls: type[T], what: str) -> T:
        # Straight from the body bytes when a bytes decoder is registered for ``cls`` (report
        # answers, see _converter.py), else as json.loads and the converter decide.
        fast = decode_bytes(self._converter, response, cls)
        if fast is not None:
            return fast
        data = response.json()
        if isinstance(data, dict) and isinstance(data.get("data"), list) and "id" not in data:
            if not data["data"]:
                raise DecodeError(f"{what}: the answer's 'data' list is empty", body=response.body)
            data = data["data"][0]
        return self._decode(data, cls)

    async def _objects(self, *, cast_to: type[T], body: Mapping[str, Any]) -> list[T]:
        """The objects of a write that answers with several: a ``data`` list, a bare list, or
        one object (a list of one)."""
        method, path = running_call()
        response = await self._request(method, path, json=dict(body))
        data = response.json()
        if isinstance(data, dict):
            data = data["data"] if isinstance(data.get("data"), list) else [data]
        if not isinstance(data, list):
            raise DecodeError(f"{method} {path}: expected a collection", body=response.body)
        return self._decode(data, list[cast_to])  # type: ignore[valid-type]

    async def _no_content(self) -> None:
        """The operation's DELETE; its answer carries nothing to read."""
        method, path = running_call()
        await self._request(method, path, expect_json=False)

    def _pages(
        self,
        *,
        cast_to: type[T],
        params: Mapping[str, Any] | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[T]:
        """Walk the operation's ``{data, paging}`` collection by following ``paging.next`` to
        the end (seed 002, "Pagination"); ``page_size`` is sent as ``per_page``. Nothing is
        sent until the paginator is used."""
        path = running_call()[1]
        query = {k: v for k, v in (params or {}).items() if v is not None}
        query["per_page"] = clamp_page_size(page_size)
        return self._walk(cast_to, lambda: self._request("GET", path, params=query))

    def _rest_of(self, nested: Nested[T]) -> AsyncPaginator[T]:
        """Every item of a nested collection: the page in hand, then the pages after it."""
        cls = nested.item_type if isinstance(nested, Nested) else None
        if cls is None:
            raise ConfigurationError(
                f"expand takes a nested collection decoded by the client, got {nested!r:.80} "
                "(a value the decoder kept as sent is listed in the model's decode_issues)"
            )
        return self._walk(cls, Page(list(nested.data), nested.paging and nested.paging.next))

    def _walk(
        self, cls: type[T], first: Page[T] | Callable[[], Awaitable[Response]]
    ) -> AsyncPaginator[T]:
        """The first page (in hand, or fetched by ``first()``), then each ``paging.next``
        link, every one checked by :func:`follow_link`."""

        async def fetch(cursor: Hashable | None) -> Page[T]:
            if cursor is not None:
                response = await self._request("GET", follow_link(self._transport, cursor))
            elif isinstance(first, Page):
                return first
            else:
                response = await first()
            return self._page(response, cls)

        return AsyncPaginator(fetch, max_pages=self._transport.limits.max_pages)

    def _page(self, response: Response, cls: type[T]) -> Page[T]:
        # Straight from the body bytes when it can be (see _core/bytes_decode.py), else as
        # json.loads and the converter decide.
        fast = decode_page(self._converter, response, cls)
        if fast is not None:
            items, raw_paging = fast
        else:
            data = response.json()
            if not isinstance(data, dict) or not isinstance(data.get("data"), list):
                raise DecodeError("expected a collection with a 'data' list", body=response.body)
            items = self._decode(data["data"], list[cls])  # type: ignore[valid-type]
            raw_paging = data.get("paging")
        paging = self._decode(raw_paging, Paging) if isinstance(raw_paging, dict) else Paging()
        nxt = paging.next if paging.next and items else None
        return Page(items, nxt, page_number=paging.page)
