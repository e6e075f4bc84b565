"""The Resource Management resource base: one helper per envelope kind (an object, a list of
objects, a paged collection, no content), ``paging.next`` walks, query and body building, and
the ``@operation`` tag."""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Awaitable, Callable, Hashable, Iterable, Mapping
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

from .._core.client import Resource
from .._core.errors import (
    ConfigurationError,
    DecodeError,
    InsecureDowngradeError,
    InsecurePagingLinkError,
    PagingLinkError,
)
from .._core.model import Model
from .._core.operations import current_operation, declare
from .._core.paging import AsyncPaginator, Page
from .._core.renames import renamed_arg
from .._core.response import Response
from .._core.serde import UNSET
from .._core.transport import Transport
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
MAX_PAGE_SIZE = 1000

#: The longest ``paging.next`` link followed (the API's own are well under 500 characters).
MAX_LINK_LENGTH = 2048


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
        wrapped = declared(_old_page_size(fn))
        wrapped.__rm_operation__ = (resource, method, path)  # type: ignore[attr-defined]
        return wrapped

    return tag


def _old_page_size(fn: F) -> F:
    """``fn`` accepting ``per_page=``, the old name of its ``page_size=``, for one release
    (:func:`~smartsuite._core.renames.renamed_arg`: a DeprecationWarning at the caller's line).
    Methods keep ``per_page`` in their signature so type checkers and the sync facade know it;
    its value arrives as ``page_size``."""
    params = inspect.signature(fn).parameters
    if "per_page" not in params:
        return fn
    if "page_size" not in params or params["per_page"].kind is not params["per_page"].KEYWORD_ONLY:
        raise TypeError(f"{fn.__qualname__}: per_page must be keyword-only, beside page_size")

    def rename(kwargs: dict[str, Any]) -> dict[str, Any]:
        if kwargs.get("per_page") is not None:
            old = kwargs.pop("per_page")
            kwargs["page_size"] = renamed_arg("page_size", kwargs.get("page_size"), "per_page", old)
        return kwargs

    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def run_async(*args: Any, **kwargs: Any) -> Any:
            return await fn(*args, **rename(kwargs))

        return run_async  # type: ignore[return-value]

    @functools.wraps(fn)
    def run_sync(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **rename(kwargs))

    return run_sync  # type: ignore[return-value]


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


def follow_link(transport: Transport, link: object) -> str:
    """The path to request for a ``paging.next`` link: the one check of every walk, top-level
    or nested.

    Raises:
        PagingLinkError: the link is not a string, too long, has spaces or control characters,
            is not http(s), or points at another host (:class:`InsecurePagingLinkError`, also
            an :class:`InsecureDowngradeError`, when it leaves https for plain http).
    """
    if not isinstance(link, str) or not link:
        raise PagingLinkError(link, "it is not a link")
    if len(link) > MAX_LINK_LENGTH:
        raise PagingLinkError(link, f"it is longer than {MAX_LINK_LENGTH} characters")
    if any(ord(c) < 33 or c == "\x7f" for c in link):
        raise PagingLinkError(link, "it contains spaces or control characters")
    try:
        scheme = urlsplit(link).scheme
    except ValueError:
        raise PagingLinkError(link, "it is not a valid URL") from None
    if scheme not in ("", "http", "https"):
        raise PagingLinkError(link, f"it is not an http link ({scheme}:)")
    path = next_link(transport.base_url, link)
    try:
        transport.url_for(path)
    except InsecureDowngradeError:
        raise InsecurePagingLinkError(
            link, "it leaves https for plain http, where the credential would travel in plain text"
        ) from None
    except ConfigurationError:
        raise PagingLinkError(link, "it points at another host") from None
    return path


def _declared_method() -> str:
    """The HTTP method of the running ``@operation``: the envelope helpers send what the
    method declares, so the two cannot disagree."""
    spec = current_operation.get()
    if spec is None:
        raise TypeError("the envelope helpers run inside an @operation method")
    return spec.method


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

    # -- one helper per envelope kind -----------------------------------------------------

    async def _object(
        self,
        path: str,
        *,
        cast_to: type[T],
        params: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> T:
        """The object an answer holds: bare, or (as some writes answer, ``POST /assignments``)
        the first item of a ``data`` list. The HTTP method is the operation's declared one;
        writes always send a JSON body."""
        method = _declared_method()
        json = None if method == "GET" else dict(body or {})
        response = await self._request(method, path, params=params, json=json)
        data = response.json()
        if isinstance(data, dict) and isinstance(data.get("data"), list) and "id" not in data:
            if not data["data"]:
                what = f"{method} {path}: the answer's 'data' list is empty"
                raise DecodeError(what, body=response.body)
            data = data["data"][0]
        return self._decode(data, cast_to)

    async def _objects(self, path: str, *, cast_to: type[T], body: Mapping[str, Any]) -> list[T]:
        """The objects of a write that answers with several: a ``data`` list, a bare list, or
        one object (a list of one)."""
        method = _declared_method()
        response = await self._request(method, path, json=dict(body))
        data = response.json()
        if isinstance(data, dict):
            data = data["data"] if isinstance(data.get("data"), list) else [data]
        if not isinstance(data, list):
            raise DecodeError(f"{method} {path}: expected a collection", body=response.body)
        return self._decode(data, list[cast_to])  # type: ignore[valid-type]

    async def _no_content(self, path: str) -> None:
        """``DELETE path``; the answer carries nothing to read."""
        await self._request("DELETE", path, expect_json=False)

    def _pages(
        self,
        path: str,
        *,
        cast_to: type[T],
        params: Mapping[str, Any] | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[T]:
        """Walk a ``{data, paging}`` collection by following ``paging.next`` to the end (seed
        002, "Pagination"); ``page_size`` is sent as ``per_page``. Nothing is sent until the
        paginator is used."""
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
