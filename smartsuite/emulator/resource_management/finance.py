"""Emulated money routes: bill rates, budget items and budget categories."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from ..base import json_response
from ._http import (
    Handler,
    b_date,
    b_int,
    b_number,
    body,
    handler,
    int_id,
    no_content,
    paged,
    project_of,
    q_bool,
)
from .state import ApiFailure, Record, RMState

if TYPE_CHECKING:
    from .service import ResourceManagementService

ITEM_TYPES = ("TimeFees", "TimeFeesDays", "Expenses")


def rate_for(
    state: RMState, user_id: int | None, assignable_id: int, day: str | None
) -> Record | None:
    """The best matching bill rate: user on the project (dated first), project default,
    then the account default."""
    rates = state.all("bill_rates")
    mine = [
        r
        for r in rates
        if r["assignable_id"] == assignable_id
        and r["user_id"] == user_id
        and user_id is not None
        and (day is None or ((r["starts_at"] or "") <= day and (r["ends_at"] or "9999") >= day))
    ]
    if mine:
        return sorted(mine, key=lambda r: r["starts_at"] or "", reverse=True)[0]
    project = [r for r in rates if r["assignable_id"] == assignable_id and r["user_id"] is None]
    account = [r for r in rates if r["assignable_id"] is None and r["user_id"] is None]
    best = project or account
    return best[0] if best else None


def register(service: ResourceManagementService, app: web.Application) -> None:
    state = service.state

    # -- bill rates ------------------------------------------------------------------------

    def rate_changes(data: Record) -> Record:
        changes: Record = {}
        if "rate" in data:
            rate = b_number(data, "rate")
            if rate is None or rate < 0:
                raise ApiFailure(400, "rate must be a number >= 0")
            changes["rate"] = rate
        for name in ("starts_at", "ends_at"):
            if name in data:
                changes[name] = b_date(data, name)
        return changes

    def project_rate(request: web.Request) -> Record:
        project = project_of(state, request)
        rate = state.get("bill_rates", int_id(request, "bill_rate_id"), "bill rate")
        if rate["assignable_id"] != project["id"]:
            raise ApiFailure(404, f"bill rate {rate['id']} not found in project {project['id']}")
        return rate

    async def account_rates(request: web.Request) -> web.Response:
        return paged(
            service, request, [r for r in state.all("bill_rates") if r["assignable_id"] is None]
        )

    async def list_rates(request: web.Request) -> web.Response:
        pid = project_of(state, request)["id"]
        return paged(
            service, request, [r for r in state.all("bill_rates") if r["assignable_id"] == pid]
        )

    async def get_rate(request: web.Request) -> web.Response:
        return json_response(project_rate(request))

    async def create_rate(request: web.Request) -> web.Response:
        pid = project_of(state, request)["id"]
        data = await body(request)
        if "rate" not in data:
            raise ApiFailure(400, "rate is required")
        user_id = b_int(data, "user_id")
        role_id, discipline_id = b_int(data, "role_id"), b_int(data, "discipline_id")
        if user_id is not None and (role_id is not None or discipline_id is not None):
            raise ApiFailure(
                400, "A user specific bill rate must not have a role_id or discipline_id"
            )
        record = {
            "assignable_id": pid,
            "user_id": user_id,
            "role_id": role_id,
            "discipline_id": discipline_id,
            "starts_at": None,
            "ends_at": None,
            **rate_changes(data),
        }
        rate = state.insert("bill_rates", record)
        if q_bool(request, "rebuild_assignments"):
            rebuild(pid)
        return json_response(rate)

    def rebuild(project_id: int) -> None:
        for assignment in state.all("assignments"):
            if assignment["assignable_id"] == project_id:
                best = rate_for(state, assignment["user_id"], project_id, assignment["starts_at"])
                assignment["bill_rate"] = best["rate"] if best else None
                assignment["bill_rate_id"] = best["id"] if best else None

    async def update_rate(request: web.Request) -> web.Response:
        rate = project_rate(request)
        state.touch(rate, rate_changes(await body(request)))
        if q_bool(request, "rebuild_assignments"):
            rebuild(rate["assignable_id"])
        return json_response(rate)

    async def delete_rate(request: web.Request) -> web.Response:
        del state.tables["bill_rates"][project_rate(request)["id"]]
        return no_content()

    # -- budget items ----------------------------------------------------------------------

    def item_changes(data: Record) -> Record:
        changes: Record = {}
        for name in ("amount", "peritem_amount"):
            if name in data:
                changes[name] = b_number(data, name)
        for name in ("category", "peritem_label"):
            if name in data:
                changes[name] = data[name]
        return changes

    def budget_item(request: web.Request) -> Record:
        item = state.get("budget_items", int_id(request, "id"), "budget item")
        if "project_id" in request.match_info and item["assignable_id"] != int_id(
            request, "project_id"
        ):
            raise ApiFailure(404, f"budget item {item['id']} not found in this project")
        return item

    async def list_items(request: web.Request) -> web.Response:
        pid = project_of(state, request)["id"]
        item_type = request.query.get("item_type")
        if item_type not in ITEM_TYPES:
            raise ApiFailure(400, f"item_type is required: one of {', '.join(ITEM_TYPES)}")
        items = [
            b
            for b in state.all("budget_items")
            if b["assignable_id"] == pid and b["item_type"] == item_type
        ]
        return paged(service, request, items)

    async def get_item(request: web.Request) -> web.Response:
        return json_response(budget_item(request))

    async def create_item(request: web.Request) -> web.Response:
        project = project_of(state, request)
        data = await body(request)
        if data.get("item_type") not in ITEM_TYPES:
            raise ApiFailure(400, f"item_type is required: one of {', '.join(ITEM_TYPES)}")
        b_number(data, "amount", required=True)
        record = {
            "assignable_id": project["id"],
            "assignable_parent_id": project.get("parent_id"),
            "item_type": data["item_type"],
            "category": None,
            "peritem_amount": None,
            "peritem_label": None,
            **item_changes(data),
        }
        return json_response(state.insert("budget_items", record))

    async def update_item(request: web.Request) -> web.Response:
        item = budget_item(request)
        return json_response(state.touch(item, item_changes(await body(request))))

    async def delete_item(request: web.Request) -> web.Response:
        del state.tables["budget_items"][budget_item(request)["id"]]
        return no_content()

    # -- categories ------------------------------------------------------------------------

    def categories(kind: str) -> Handler:
        async def account(request: web.Request) -> web.Response:
            return paged(service, request, state.all(f"{kind}_categories"))

        return account

    def project_categories(item_types: tuple[str, ...]) -> Handler:
        async def lines(request: web.Request) -> web.Response:
            pid = project_of(state, request)["id"]
            items = [
                b
                for b in state.all("budget_items")
                if b["assignable_id"] == pid and b["item_type"] in item_types
            ]
            return paged(service, request, items)

        return lines

    r = app.router

    def h(fn: Handler) -> Handler:
        return handler(service, fn)

    r.add_get("/bill_rates", h(account_rates))
    r.add_get("/projects/{project_id}/bill_rates", h(list_rates))
    r.add_post("/projects/{project_id}/bill_rates", h(create_rate))
    r.add_get("/projects/{project_id}/bill_rates/{bill_rate_id}", h(get_rate))
    r.add_put("/projects/{project_id}/bill_rates/{bill_rate_id}", h(update_rate))
    r.add_delete("/projects/{project_id}/bill_rates/{bill_rate_id}", h(delete_rate))
    r.add_get("/projects/{project_id}/budget_items", h(list_items))
    r.add_post("/projects/{project_id}/budget_items", h(create_item))
    for prefix in ("", "/projects/{project_id}"):
        r.add_get(prefix + "/budget_items/{id}", h(get_item))
        r.add_put(prefix + "/budget_items/{id}", h(update_item))
    r.add_delete("/budget_items/{id}", h(delete_item))
    r.add_get("/time_entry_categories", h(categories("time_entry")))
    r.add_get("/expense_item_categories", h(categories("expense_item")))
    r.add_get(
        "/projects/{project_id}/time_entry_categories",
        h(project_categories(("TimeFees", "TimeFeesDays"))),
    )
    r.add_get(
        "/projects/{project_id}/expense_item_categories", h(project_categories(("Expenses",)))
    )
