"""Emulated money routes: bill rates, budget items and budget categories."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from ..base import json_response
from ._http import (
    Handler,
    Route,
    b_date,
    b_int,
    b_number,
    body,
    fetch,
    int_id,
    no_content,
    paged,
    project_of,
    q_bool,
    state_of,
)
from .state import ApiFailure, Record, RMState

if TYPE_CHECKING:
    pass

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
    project = project_of(state_of(request), request)
    rate = fetch(request, "bill_rates", "bill rate", "bill_rate_id")
    if rate["assignable_id"] != project["id"]:
        raise ApiFailure(404, f"bill rate {rate['id']} not found in project {project['id']}")
    return rate


async def account_rates(request: web.Request) -> web.Response:
    return paged(
        request, [r for r in state_of(request).all("bill_rates") if r["assignable_id"] is None]
    )


async def list_rates(request: web.Request) -> web.Response:
    state = state_of(request)
    pid = project_of(state, request)["id"]
    return paged(request, [r for r in state.all("bill_rates") if r["assignable_id"] == pid])


async def get_rate(request: web.Request) -> web.Response:
    return json_response(project_rate(request))


async def create_rate(request: web.Request) -> web.Response:
    state = state_of(request)
    pid = project_of(state, request)["id"]
    data = await body(request)
    if "rate" not in data:
        raise ApiFailure(400, "rate is required")
    user_id = b_int(data, "user_id")
    role_id, discipline_id = b_int(data, "role_id"), b_int(data, "discipline_id")
    if user_id is not None and (role_id is not None or discipline_id is not None):
        raise ApiFailure(400, "A user specific bill rate must not have a role_id or discipline_id")
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
        rebuild(state, pid)
    return json_response(rate)


def rebuild(state: RMState, project_id: int) -> None:
    for assignment in state.all("assignments"):
        if assignment["assignable_id"] == project_id:
            best = rate_for(state, assignment["user_id"], project_id, assignment["starts_at"])
            assignment["bill_rate"] = best["rate"] if best else None
            assignment["bill_rate_id"] = best["id"] if best else None


async def update_rate(request: web.Request) -> web.Response:
    state = state_of(request)
    rate = project_rate(request)
    state.touch(rate, rate_changes(await body(request)))
    if q_bool(request, "rebuild_assignments"):
        rebuild(state, rate["assignable_id"])
    return json_response(rate)


async def delete_rate(request: web.Request) -> web.Response:
    del state_of(request).tables["bill_rates"][project_rate(request)["id"]]
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
    item = fetch(request, "budget_items", "budget item")
    if "project_id" in request.match_info and item["assignable_id"] != int_id(
        request, "project_id"
    ):
        raise ApiFailure(404, f"budget item {item['id']} not found in this project")
    return item


async def list_items(request: web.Request) -> web.Response:
    state = state_of(request)
    pid = project_of(state, request)["id"]
    item_type = request.query.get("item_type")
    if item_type not in ITEM_TYPES:
        raise ApiFailure(400, f"item_type is required: one of {', '.join(ITEM_TYPES)}")
    items = [
        b
        for b in state.all("budget_items")
        if b["assignable_id"] == pid and b["item_type"] == item_type
    ]
    return paged(request, items)


async def get_item(request: web.Request) -> web.Response:
    return json_response(budget_item(request))


async def create_item(request: web.Request) -> web.Response:
    state = state_of(request)
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
    return json_response(state_of(request).touch(item, item_changes(await body(request))))


async def delete_item(request: web.Request) -> web.Response:
    del state_of(request).tables["budget_items"][budget_item(request)["id"]]
    return no_content()


# -- categories ------------------------------------------------------------------------
def categories(kind: str) -> Handler:
    async def account(request: web.Request) -> web.Response:
        return paged(request, state_of(request).all(f"{kind}_categories"))

    return account


def project_categories(item_types: tuple[str, ...]) -> Handler:
    async def lines(request: web.Request) -> web.Response:
        state = state_of(request)
        pid = project_of(state, request)["id"]
        items = [
            b
            for b in state.all("budget_items")
            if b["assignable_id"] == pid and b["item_type"] in item_types
        ]
        return paged(request, items)

    return lines


ROUTES: tuple[Route, ...] = (
    ("GET", "/bill_rates", account_rates),
    ("GET", "/projects/{project_id}/bill_rates", list_rates),
    ("POST", "/projects/{project_id}/bill_rates", create_rate),
    ("GET", "/projects/{project_id}/bill_rates/{bill_rate_id}", get_rate),
    ("PUT", "/projects/{project_id}/bill_rates/{bill_rate_id}", update_rate),
    ("DELETE", "/projects/{project_id}/bill_rates/{bill_rate_id}", delete_rate),
    ("GET", "/projects/{project_id}/budget_items", list_items),
    ("POST", "/projects/{project_id}/budget_items", create_item),
    ("GET", "/budget_items/{id}", get_item),
    ("PUT", "/budget_items/{id}", update_item),
    ("GET", "/projects/{project_id}/budget_items/{id}", get_item),
    ("PUT", "/projects/{project_id}/budget_items/{id}", update_item),
    ("DELETE", "/budget_items/{id}", delete_item),
    ("GET", "/time_entry_categories", categories("time_entry")),
    ("GET", "/expense_item_categories", categories("expense_item")),
    (
        "GET",
        "/projects/{project_id}/time_entry_categories",
        project_categories(("TimeFees", "TimeFeesDays")),
    ),
    ("GET", "/projects/{project_id}/expense_item_categories", project_categories(("Expenses",))),
)
