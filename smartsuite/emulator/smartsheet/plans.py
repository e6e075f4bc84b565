"""Emulated user plans (``/users/{id}/plans``; Python SDK 3.2.0-3.9.0 ``users.py``): every user
is a MEMBER of the account's one plan until upgraded, downgraded or removed. ``CONTRIBUTOR``
seats read as ``VIEWER`` unless ``displayContributorSeatType=true`` (Python SDK 3.9.0)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._http import body_json, handler, int_id, query_bool, result, token_result
from .state import ApiFailure, now_iso

if TYPE_CHECKING:
    from .account_state import AccountState
    from .service import SmartsheetService

#: The emulated account's plan.
PLAN_ID = 7_000_000_000_000_001
PLAN_NAME = "Enterprise Plan"
UPGRADES = {"GUEST", "MEMBER"}
DOWNGRADES = {"VIEWER", "GUEST", "CONTRIBUTOR"}


def plans_of(account: AccountState, user_id: int) -> list[dict[str, Any]]:
    account.user(user_id)
    return account.plans.setdefault(
        user_id,
        [
            {
                "planId": PLAN_ID,
                "planName": PLAN_NAME,
                "seatType": "MEMBER",
                "seatTypeLastChangedAt": now_iso(),
                "isInternal": True,
            }
        ],
    )


def _shown(plan: dict[str, Any], contributor: bool) -> dict[str, Any]:
    if plan["seatType"] == "CONTRIBUTOR" and not contributor:
        return {**plan, "seatType": "VIEWER"}
    return plan


def filter_by_plan(
    request: web.Request, account: AccountState, users: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``GET /users`` filters ``planId`` and ``seatType``."""
    plan_id = request.query.get("planId")
    seat = request.query.get("seatType")
    if plan_id is None and seat is None:
        return users
    contributor = query_bool(request, "displayContributorSeatType")
    kept = []
    for user in users:
        for plan in plans_of(account, user["id"]):
            shown = _shown(plan, contributor)
            if plan_id is not None and str(plan["planId"]) != plan_id:
                continue
            if seat is not None and shown["seatType"] != seat:
                continue
            kept.append(user)
            break
    return kept


def register(service: SmartsheetService, app: web.Application) -> None:
    account = service.state.account

    def plan(request: web.Request) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        plans = plans_of(account, int_id(request, "user_id"))
        wanted = int_id(request, "plan_id")
        for entry in plans:
            if entry["planId"] == wanted:
                return plans, entry
        raise ApiFailure(404, 1006, "Not Found: the user is not on that plan.")

    async def list_plans(request: web.Request) -> web.Response:
        contributor = query_bool(request, "displayContributorSeatType")
        plans = plans_of(account, int_id(request, "user_id"))
        return token_result(request, [_shown(p, contributor) for p in plans])

    def change(allowed: set[str]) -> Any:
        async def apply(request: web.Request) -> web.Response:
            _, entry = plan(request)
            body = await body_json(request)
            seat = body.get("seatType") if isinstance(body, dict) else None
            if seat not in allowed:
                raise ApiFailure(400, 1018, f"The value {seat} was not valid for seatType.")
            entry["seatType"] = seat
            entry["seatTypeLastChangedAt"] = now_iso()
            return result(None)

        return apply

    async def remove(request: web.Request) -> web.Response:
        plans, entry = plan(request)
        plans.remove(entry)
        return result(None)

    base = "/users/{user_id}/plans"
    app.router.add_get(base, handler(service, list_plans))
    app.router.add_delete(base + "/{plan_id}", handler(service, remove))
    app.router.add_post(base + "/{plan_id}/upgrade", handler(service, change(UPGRADES)))
    app.router.add_post(base + "/{plan_id}/downgrade", handler(service, change(DOWNGRADES)))
