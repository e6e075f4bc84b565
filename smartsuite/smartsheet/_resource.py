"""The Smartsheet resource base: one helper per envelope kind, each named for what it returns.

* :meth:`SmartsheetResource._object`: the answer is the object itself;
* :meth:`SmartsheetResource._result`: a Result envelope, ``Result[T]`` decoded once;
* :meth:`SmartsheetResource._result_list`: a Result envelope whose payload is a list;
* :meth:`SmartsheetResource._index`: an IndexResult collection (``page``/``totalPages``);
* :meth:`SmartsheetResource._token_pages`: a token-paged collection (``lastKey``);
* the raw :meth:`SmartsheetResource._request` for files and streams.

Method and path come from the running ``@operation`` declaration unless given; the
positional arguments fill the ``{placeholders}`` of the path template in order, so
``self._object(sheet_id, cast_to=Sheet)`` inside ``@operation("get-sheet", "GET",
"/sheets/{sheetId}")`` reads ``GET /sheets/123``.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from typing import Any, TypedDict, TypeVar, Unpack, overload

import attrs

from .._core.bytes_decode import decode_response
from .._core.client import Resource
from .._core.errors import ConfigurationError, DecodeError
from .._core.ids import MAX_ID, ident, text_id
from .._core.operations import current_operation, declare
from .._core.paging import AsyncPaginator, Page
from .._core.paths import segment
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


class Send(TypedDict, total=False):
    """What an envelope helper sends besides the path values. ``method`` and ``path`` default
    to the running operation's (``@operation``); ``path`` is a template either way."""

    method: str
    path: str
    params: Mapping[str, Any] | None
    json: Any
    headers: Mapping[str, str] | None
    content: Any
    cost: int | None


class SmartsheetResource(Resource):
    _converter = CONVERTER

    def _request(self, method: str, path: str, **kwargs: Any) -> Awaitable[Response]:
        """The transport's request (returned, not awaited: one coroutine less per request),
        with the checks and headers every Smartsheet request gets."""
        check_choices(method, kwargs.get("params"))
        if method == "GET":  # no change agent, no body
            return super()._request(method, path, **kwargs)
        agent = getattr(self._client, "change_agent", None)
        if agent:
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
        return super()._request(method, path, **kwargs)

    async def _object(self, *values: PathValue, cast_to: type[T], **send: Unpack[Send]) -> T:
        """The answer is the object itself: decoded as ``cast_to`` (large bodies straight
        from bytes, see :mod:`smartsuite._core.bytes_decode`)."""
        method, path = route(values, send)
        response = await self._request(method, path, **_rest(send))
        return decode_response(self._converter, response, cast_to)

    @overload
    async def _result(
        self, *values: PathValue, cast_to: type[T], **send: Unpack[Send]
    ) -> Result[T]: ...
    @overload
    async def _result(self, *values: PathValue, **send: Unpack[Send]) -> Result[Any]: ...
    async def _result(
        self, *values: PathValue, cast_to: Any = None, **send: Unpack[Send]
    ) -> Result[Any]:
        """A Result envelope, decoded once with its payload as ``cast_to`` (which must be
        there; a one-item list is unwrapped); without ``cast_to`` the payload is kept as sent."""
        data = await self._envelope(values, send)
        if data is None:
            return Result(message="SUCCESS", result_code=0)
        if cast_to is None:
            return self._decode(data, Result)
        payload = _payload(data)
        if isinstance(payload, list) and len(payload) == 1 and attrs.has(cast_to):
            data = {**data, "result": payload[0]}
        elif payload is None:
            raise DecodeError(f"expected a result in the answer to {_where(values, send)}")
        return self._decode(data, Result[cast_to])

    async def _result_list(
        self, *values: PathValue, cast_to: type[T], **send: Unpack[Send]
    ) -> Result[list[T]]:
        """A Result envelope whose payload is a list of ``cast_to`` (one object becomes a
        one-item list, a missing payload an empty one)."""
        data = await self._envelope(values, send)
        if data is None:
            return Result(message="SUCCESS", result_code=0, result=[])
        payload = _payload(data)
        if not isinstance(payload, list):
            data = {**data, "result": [] if payload is None else [payload]}
        return self._decode(data, Result[list[cast_to]])  # type: ignore[valid-type]

    async def _envelope(self, values: tuple[PathValue, ...], send: Send) -> dict[str, Any] | None:
        method, path = route(values, send)
        response = await self._request(method, path, **_rest(send))
        if response.already_gone:  # a retried DELETE that met a 404: done
            return None
        data = response.json()
        if not isinstance(data, dict):
            raise DecodeError(f"expected a Result object from {method} {path}", body=response.body)
        return data

    def _index(
        self,
        *values: PathValue,
        cast_to: type[T],
        params: Mapping[str, Any] | None = None,
        page_size: int | None = None,
        trust_totals: bool = True,
        path: str | None = None,
    ) -> AsyncPaginator[T]:
        """An IndexResult collection walked by ``page``/``totalPages``
        (https://developers.smartsheet.com/api/smartsheet/guides/basics/pagination).

        With ``trust_totals=False`` (the webhook list, whose totals are -1 since 2026-06-03)
        the walk goes on while pages come back full and stops at the first short one.
        """
        url = _get_path(values, path)
        check_choices("GET", params)  # at the call, not at the first page
        base = {k: v for k, v in (params or {}).items() if v is not None}
        size = page_size or WALK_PAGE_SIZE

        async def fetch(cursor: Hashable | None) -> Page[T]:
            number = cursor if isinstance(cursor, int) else 1
            response = await self._request(
                "GET", url, params={**base, "page": number, "pageSize": size}
            )
            full = size if not trust_totals else None
            return self._index_page(response.json(), cast_to, response.body, full_page=full)

        return AsyncPaginator(fetch, max_pages=self._transport.limits.max_pages)

    def _token_pages(
        self,
        *values: PathValue,
        cast_to: type[T] | None = None,
        params: Mapping[str, Any] | None = None,
        page_size: int | None = None,
        items_key: str = "data",
        pagination_type: bool = False,
        decode: Callable[[Any], T] | None = None,
        path: str | None = None,
    ) -> AsyncPaginator[T]:
        """A token-paged collection: ``maxItems`` and ``lastKey`` out, ``{data|items,
        lastKey}`` back, no totals; the last page has no ``lastKey``
        (https://developers.smartsheet.com/api/smartsheet/guides/basics/pagination).

        Each :class:`Page` carries the ``lastKey`` as ``next_cursor``; resume a walk with
        ``paginator.resume(saved_last_key)``.

        Args:
            page_size: items per request, sent as ``maxItems``.
            pagination_type: also send ``paginationType=token`` (only ``GET /workspaces``
                needs it; the SDKs hard-code it there).
            decode: builds one item from its JSON, instead of ``cast_to`` (children pick a
                model per item).
        """
        url = _get_path(values, path)
        size = page_size_param(page_size)
        base = {k: v for k, v in (params or {}).items() if v is not None}
        if pagination_type:
            base["paginationType"] = "token"

        async def fetch(cursor: Hashable | None) -> Page[T]:
            query = {**base, "maxItems": size}
            if cursor is not None:
                query["lastKey"] = cursor
            response = await self._request("GET", url, params=query)
            data = response.json()
            if not isinstance(data, dict) or not isinstance(data.get(items_key), list):
                raise DecodeError(
                    f"expected a token-paged result with an {items_key!r} list", body=response.body
                )
            raw = data[items_key]
            if decode is not None:
                items = [decode(item) for item in raw]
            else:
                items = self._decode(raw, list[cast_to])  # type: ignore[valid-type]
            return Page(items, last_key_of(data, response.body))

        return AsyncPaginator(fetch, max_pages=self._transport.limits.max_pages)

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


#: A value for one ``{placeholder}`` of a path template: an integer id, or a text segment.
PathValue = int | str

_PLACEHOLDER = re.compile(r"\{([A-Za-z][A-Za-z0-9]*)\}")
_UPPER = re.compile(r"([A-Z])")


def route(values: Sequence[PathValue], send: Send) -> tuple[str, str]:
    """The method and the filled path of a request: ``send``'s, else the running operation's.

    Raises:
        TypeError: no method or path and no declared Smartsheet operation is running, or the
            number of values does not match the template's placeholders (a bug in the caller).
        ConfigurationError: a value is not a valid id or is an empty text segment.
    """
    method, template = send.get("method"), send.get("path")
    if method is None or template is None:
        spec = current_operation.get()
        if spec is None or spec.service != "smartsheet":
            raise TypeError("method= and path= are needed outside a declared operation")
        method = spec.method if method is None else method
        template = spec.path if template is None else template
    plan = _PLANS.get(template)
    if plan is None:
        plan = _plan(template)
        if len(_PLANS) < _MAX_PLANS:
            _PLANS[template] = plan
    pieces, whats = plan
    if len(whats) != len(values):
        raise TypeError(f"{template} takes {len(whats)} path values, got {len(values)}")
    if not whats:
        return method, template
    out = [pieces[0]]
    for value, what, piece in zip(values, whats, pieces[1:], strict=True):
        if type(value) is int and 0 <= value <= MAX_ID:  # what ident() accepts, unchanged
            out.append(str(value))
        else:
            out.append(_segment(what, value))
        out.append(piece)
    return method, "".join(out)


#: template -> (the literal text around its placeholders, each placeholder's argument name).
_PLANS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
_MAX_PLANS = 2048  # the declared templates number a few hundred


def _plan(template: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    parts = _PLACEHOLDER.split(template)  # literal, name, literal, name, ..., literal
    names = parts[1::2]
    whats = tuple(_UPPER.sub(lambda m: "_" + m.group(1).lower(), name) for name in names)
    return tuple(parts[0::2]), whats


def _segment(what: str, value: PathValue) -> str:
    if isinstance(value, str):
        return segment(text_id(value, what), what)
    return str(ident(value, what))


def _where(values: Sequence[PathValue], send: Send) -> str:
    """``METHOD /path`` of a request, for messages."""
    return " ".join(route(values, send))


def _get_path(values: Sequence[PathValue], path: str | None) -> str:
    send: Send = {"method": "GET"} if path is None else {"method": "GET", "path": path}
    return route(values, send)[1]


def _rest(send: Send) -> Any:
    if "method" not in send and "path" not in send:
        return send  # the caller's own ``**send`` dict: nothing to drop, nothing to copy
    return {k: v for k, v in send.items() if k not in ("method", "path")}


def _payload(data: Mapping[str, Any]) -> Any:
    payload = data.get("result")
    return data.get("data") if payload is None else payload


#: The most a ``lastKey`` may be: it is sent back verbatim in the next URL.
MAX_LAST_KEY = 4096

#: The largest ``maxItems`` sent unless told otherwise.
MAX_ITEMS_DEFAULT = 1000


def page_size_param(value: int | None) -> int:
    """``maxItems`` for a token-paged call: a positive integer (the SDKs refuse 0 or less)."""
    if value is None:
        return MAX_ITEMS_DEFAULT
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigurationError(f"page_size must be a positive integer, not {value!r}")
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
