"""Helpers for Smartsheet route handlers: the route table, decoding bodies, IndexResult paging,
Result bodies.

Handlers are module-level functions listed in a module's ``ROUTES``; they reach the service and
its state through the request (:func:`service_of`, :func:`state_of`).
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..base import json_response
from .state import ApiFailure

if TYPE_CHECKING:
    from .service import SmartsheetService
    from .state import SmartsheetState

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
#: (method, path, handler): one line of a route table.
Route = tuple[str, str, Handler]

#: The service an app serves, for handlers (set by the service when it adds its routes).
SERVICE: web.AppKey[SmartsheetService] = web.AppKey("smartsuite_smartsheet_service")


def service_of(request: web.Request) -> SmartsheetService:
    return request.app[SERVICE]


def state_of(request: web.Request) -> SmartsheetState:
    return request.app[SERVICE].state


def add_routes(service: SmartsheetService, app: web.Application, routes: Iterable[Route]) -> None:
    """Add each (method, path, handler) of a route table, in order."""
    for method, path, fn in routes:
        if method == "GET":  # add_get also answers HEAD, as the routes always did
            app.router.add_get(path, handler(service, fn))
        else:
            app.router.add_route(method, path, handler(service, fn))


def handler(
    service: SmartsheetService, fn: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> Handler:
    """Wrap a route so an :class:`ApiFailure` becomes Smartsheet's error body."""

    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await fn(request)
        except ApiFailure as exc:
            return service.error(exc.status, exc.message, exc.code, detail=exc.detail)

    return wrapped


async def body_json(request: web.Request) -> Any:
    raw = await request.read()
    # 1008's documented form: "Unable to parse request. The following error occurred: {0}"
    # (seed 000, "Error Codes").
    unparseable = "Unable to parse request. The following error occurred: "
    if not raw:
        raise ApiFailure(400, 1008, unparseable + "the request body is empty.")
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise ApiFailure(400, 1008, unparseable + str(exc)) from None


def int_id(request: web.Request, name: str) -> int:
    try:
        return int(request.match_info[name])
    except ValueError:
        raise ApiFailure(404, 1006, "Not Found") from None


def query_bool(request: web.Request, name: str) -> bool:
    return request.query.get(name, "").lower() == "true"


def query_ids(request: web.Request, name: str) -> list[int] | None:
    raw = request.query.get(name)
    if raw is None:
        return None
    try:
        return [int(v) for v in raw.split(",") if v.strip()]
    except ValueError:
        raise ApiFailure(
            400, 1018, f"The value {raw} was not valid for the parameter {name}."
        ) from None


def query_int(request: web.Request, name: str, default: int) -> int:
    raw = request.query.get(name)
    try:
        return default if raw is None else int(raw)
    except ValueError:
        raise ApiFailure(
            400, 1018, f"The value {raw} was not valid for the parameter {name}."
        ) from None


def index_result(request: web.Request, items: Sequence[Any]) -> web.Response:
    """An IndexResult page, honouring page / pageSize / includeAll like the real API."""
    total = len(items)
    if query_bool(request, "includeAll"):
        return json_response(
            {"pageNumber": 1, "totalPages": 1, "totalCount": total, "data": list(items)}
        )
    size = max(1, query_int(request, "pageSize", 100))
    page = max(1, query_int(request, "page", 1))
    pages = max(1, math.ceil(total / size))
    page = min(page, pages)  # a page past the end returns the last page, as documented
    start = (page - 1) * size
    return json_response(
        {
            "pageNumber": page,
            "pageSize": size,
            "totalPages": pages,
            "totalCount": total,
            "data": list(items[start : start + size]),
        }
    )


def result(
    payload: Any, *, version: int | None = None, failed: list[dict[str, Any]] | None = None
) -> web.Response:
    body: dict[str, Any] = {
        "message": "PARTIAL_SUCCESS" if failed else "SUCCESS",
        "resultCode": 3 if failed else 0,
        "result": payload,
    }
    if version is not None:
        body["version"] = version
    if failed:
        body["failedItems"] = failed
    return json_response(body)


#: The largest ``maxItems`` the emulator serves on token-paged lists (a third-party tool
#: documents 100..1000 for children; the API's own limit is unpublished, so be strict).
MAX_TOKEN_PAGE = 1000
_DEFAULT_TOKEN_PAGE = 100


def _encode_key(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode().rstrip("=")


def _decode_key(key: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4)).decode()
        kind, _, number = raw.partition(":")
        if kind != "offset":
            raise ValueError(raw)
        return int(number)
    except ValueError:
        raise ApiFailure(
            400, 1018, f"The value {key} was not valid for the parameter lastKey."
        ) from None


def token_result(request: web.Request, items: Sequence[Any], key: str = "data") -> web.Response:
    """A token-paged answer: ``{data|items: [...], lastKey}``, no totals; the last page has no
    ``lastKey`` (Python SDK 4.4.0 TokenPaginatedResult / AssetSharesPaginatedResult)."""
    raw = request.query.get("maxItems", str(_DEFAULT_TOKEN_PAGE))
    try:
        size = int(raw)
    except ValueError:
        size = 0
    if not 1 <= size <= MAX_TOKEN_PAGE:
        raise ApiFailure(400, 1018, f"The value {raw} was not valid for the parameter maxItems.")
    start = _decode_key(request.query["lastKey"]) if "lastKey" in request.query else 0
    page = list(items[start : start + size])
    body: dict[str, Any] = {key: page}
    if start + size < len(items):
        body["lastKey"] = _encode_key(start + size)
    return json_response(body)
