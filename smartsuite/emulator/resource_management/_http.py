"""Helpers for Resource Management route handlers: the route table, bodies (JSON or form), query
values, and the ``data``/``paging`` envelope with relative links (seed 002, "Collections &
Objects").

Handlers are module-level functions listed in each module's ``ROUTES``; they reach the service
and its state through the request (:func:`service_of`, :func:`state_of`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from aiohttp import web

from ..base import json_response
from .state import ApiFailure, Record, RMState

if TYPE_CHECKING:
    from .service import ResourceManagementService

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
#: (method, path, handler): one line of a route table.
Route = tuple[str, str, Handler]

#: The service an app serves, for handlers (set by the service when it adds its routes).
SERVICE: web.AppKey[ResourceManagementService] = web.AppKey("smartsuite_rm_service")

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 1000


def service_of(request: web.Request) -> ResourceManagementService:
    return request.app[SERVICE]


def state_of(request: web.Request) -> RMState:
    return request.app[SERVICE].state


def add_routes(
    service: ResourceManagementService, app: web.Application, routes: Iterable[Route]
) -> None:
    """Add each (method, path, handler) of a route table, in order."""
    for method, path, fn in routes:
        if method == "GET":  # add_get also answers HEAD, as the routes always did
            app.router.add_get(path, handler(service, fn))
        else:
            app.router.add_route(method, path, handler(service, fn))


def fetch(request: web.Request, table: str, what: str, key: str = "id") -> Record:
    """The ``table`` record the path's ``{key}`` names (404 naming ``what`` when none)."""
    return state_of(request).get(table, int_id(request, key), what)


def listing(table: str) -> Handler:
    """``GET`` of a whole table, paged."""

    async def list_all(request: web.Request) -> web.Response:
        return paged(request, state_of(request).all(table))

    return list_all


def show(table: str, what: str, key: str = "id") -> Handler:
    """``GET`` of one record."""

    async def get_one(request: web.Request) -> web.Response:
        return json_response(fetch(request, table, what, key))

    return get_one


def remover(table: str, what: str, key: str = "id") -> Handler:
    """``DELETE`` of one record: 204, or 404 when there is none."""

    async def delete_one(request: web.Request) -> web.Response:
        del state_of(request).tables[table][fetch(request, table, what, key)["id"]]
        return no_content()

    return delete_one


def handler(service: ResourceManagementService, fn: Handler) -> Handler:
    """Wrap a route so an :class:`ApiFailure` becomes ``{"message": ...}``."""

    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await fn(request)
        except ApiFailure as exc:
            return service.error(exc.status, exc.message)

    return wrapped


async def body(request: web.Request) -> Record:
    """The request body as a dict: JSON, or form-encoded as in the seed's curl examples."""
    raw = await request.read()
    if not raw.strip():
        return {}
    if request.content_type == "application/x-www-form-urlencoded":
        form = await request.post()
        return {k: str(v) for k, v in form.items()}
    try:
        decoded = json.loads(raw)
    except ValueError:
        raise ApiFailure(400, "The request body had invalid json") from None
    if not isinstance(decoded, dict):
        raise ApiFailure(400, "The request body must be a JSON object")
    return decoded


def int_id(request: web.Request, name: str) -> int:
    try:
        return int(request.match_info[name])
    except ValueError:
        raise ApiFailure(404, f"{name} {request.match_info[name]!r} not found") from None


def user_of(state: RMState, request: web.Request) -> Record:
    """The user the path's ``{user_id}`` names (404 when there is none)."""
    return state.get("users", int_id(request, "user_id"), "user")


def project_of(state: RMState, request: web.Request) -> Record:
    """The project the path's ``{project_id}`` names (404 when there is none)."""
    return state.get("projects", int_id(request, "project_id"), "project")


def q_bool(request: web.Request, name: str) -> bool:
    return request.query.get(name, "").lower() in ("true", "1")


def q_date(request: web.Request, name: str) -> dt.date | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ApiFailure(400, f"{name} must be a valid date formatted as yyyy-mm-dd") from None


def q_fields(request: web.Request, allowed: Sequence[str]) -> set[str]:
    raw = request.query.get("fields", "")
    names = {f.strip() for f in raw.split(",") if f.strip()}
    unknown = names - set(allowed)
    if unknown:
        raise ApiFailure(400, f"unknown fields: {', '.join(sorted(unknown))}")
    return names


def per_page(request: web.Request) -> int:
    try:
        size = int(request.query.get("per_page", DEFAULT_PER_PAGE))
    except ValueError:
        raise ApiFailure(400, "per_page must be a number") from None
    return max(1, min(size, MAX_PER_PAGE))


def b_date(data: Record, name: str, *, required: bool = False) -> str | None:
    """A date from a body, validated and normalised to ``YYYY-MM-DD``."""
    value = data.get(name)
    if value is None or value == "":
        if required:
            raise ApiFailure(400, f"{name} is required")
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ApiFailure(400, f"{name} must be a date formatted as yyyy-mm-dd") from None


def b_number(data: Record, name: str, *, required: bool = False) -> float | None:
    value = data.get(name)
    if value is None or value == "":
        if required:
            raise ApiFailure(400, f"{name} is required")
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ApiFailure(400, f"{name} must be a number") from None


def b_int(data: Record, name: str, *, required: bool = False) -> int | None:
    number = b_number(data, name, required=required)
    return None if number is None else int(number)


def b_bool(value: Any) -> bool:
    return value is True or str(value).lower() in ("true", "1")


def _link(prefix: str, path: str, query: dict[str, str], page: int, size: int) -> str:
    params = {k: v for k, v in query.items() if k not in ("page", "per_page", "auth")}
    params["per_page"] = str(size)
    params["page"] = str(page)
    return f"{prefix}{path}?{urlencode(params, safe=',')}"


def envelope(
    prefix: str,
    path: str,
    query: dict[str, str],
    items: Sequence[Record],
    size: int,
    page: int = 1,
    render: Callable[[Record], Record] | None = None,
) -> Record:
    """One page of ``items`` with ``paging`` links relative to the host root; ``render``
    dresses only the items on the page."""
    start = (page - 1) * size
    chunk = list(items[start : start + size])
    if render is not None:
        chunk = [render(item) for item in chunk]
    more = start + size < len(items)
    return {
        "data": chunk,
        "paging": {
            "per_page": size,
            "page": page,
            "previous": _link(prefix, path, query, page - 1, size) if page > 1 else None,
            "self": _link(prefix, path, query, page, size),
            "next": _link(prefix, path, query, page + 1, size) if more else None,
        },
    }


def single_page(items: Sequence[Record]) -> Record:
    """A write's answer as a one-page collection without links (approvals, field values)."""
    paging = {"page": 1, "per_page": max(1, len(items)), "previous": None, "self": None}
    return {"data": list(items), "paging": {**paging, "next": None}}


def paged(
    request: web.Request,
    items: Sequence[Record],
    render: Callable[[Record], Record] | None = None,
) -> web.Response:
    """The page of ``items`` the request asks for (``page``, ``per_page`` capped at 1000)."""
    try:
        page = max(1, int(request.query.get("page", "1")))
    except ValueError:
        raise ApiFailure(400, "page must be a number") from None
    prefix = service_of(request).prefix
    path = request.path[len(prefix) :]
    return json_response(
        envelope(prefix, path, dict(request.query), items, per_page(request), page, render)
    )


def nested(request: web.Request, path: str, items: Sequence[Record]) -> Record:
    """A nested ``fields=`` collection: first page, sized like the parent request."""
    return envelope(service_of(request).prefix, path, {}, items, per_page(request))


def sort_records(
    request: web.Request, records: list[Record], allowed: dict[str, str]
) -> list[Record]:
    """Order by ``sort_field`` (mapped to a record key) and ``sort_order``; id order otherwise."""
    field = request.query.get("sort_field")
    order = request.query.get("sort_order", "ascending")
    if order not in ("ascending", "descending"):
        raise ApiFailure(400, "sort_order must be ascending or descending")
    if field is None:
        return sorted(records, key=lambda r: r["id"], reverse=order == "descending")
    key = allowed.get(field)
    if key is None:
        raise ApiFailure(400, f"sort_field must be one of {', '.join(allowed)}")
    return sorted(
        records,
        key=lambda r: (r.get(key) is None, str(r.get(key) or ""), r["id"]),
        reverse=order == "descending",
    )


def no_content() -> web.Response:
    return web.Response(status=204)


def tag_routes(table: str, key: str, what: str, tags: str) -> tuple[Route, ...]:
    """``GET``/``POST /{table}/{key}/tags`` and ``DELETE .../tags/{tag_id}`` for the tags
    attached to a ``what`` (user or project); ``tags`` names the state's owner id -> tag ids
    map."""

    def owner(request: web.Request) -> tuple[RMState, list[int]]:
        state = state_of(request)
        owner_id = int(fetch(request, table, what, key)["id"])
        attached: dict[int, list[int]] = getattr(state, tags)
        return state, attached[owner_id]

    async def list_tags(request: web.Request) -> web.Response:
        state, attached = owner(request)
        return paged(request, state.tag_records(attached))

    async def add_tag(request: web.Request) -> web.Response:
        state, attached = owner(request)
        value = (await body(request)).get("value")
        if not isinstance(value, str) or not value.strip():
            raise ApiFailure(400, "value is required")
        tag_id = state.find_or_create_tag(value)
        if tag_id not in attached:
            attached.append(tag_id)
        return json_response({"id": tag_id, "value": value})

    async def remove_tag(request: web.Request) -> web.Response:
        _, attached = owner(request)
        tag_id = int_id(request, "tag_id")
        if tag_id not in attached:
            oid = int_id(request, key)
            raise ApiFailure(404, f"tag {tag_id} is not attached to {what} {oid}")
        attached.remove(tag_id)
        return no_content()

    path = f"/{table}/{{{key}}}/tags"
    return (
        ("GET", path, list_tags),
        ("POST", path, add_tag),
        ("DELETE", path + "/{tag_id}", remove_tag),
    )
