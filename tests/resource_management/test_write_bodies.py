"""Write bodies carry exactly the fields the caller gave (path ids and call options never,
``None`` as null), as the emulator received them over HTTP. The methods build them from their
own arguments (``RMResource._body_of``), so these pin that nothing else leaks in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from smartsuite.emulator import Emulator
from smartsuite.resource_management import ResourceManagementClient

from .conftest import World

D = dt.date
Write = Callable[[ResourceManagementClient, World], Awaitable[Any]]

CASES: list[tuple[str, Write, Callable[[World], dict[str, Any]]]] = [
    (
        "users.create",
        lambda rm, w: rm.users.create(first_name="Al", last_name="Turing", mobile_phone=None),
        lambda w: {"first_name": "Al", "last_name": "Turing", "mobile_phone": None},
    ),
    (
        "users.update",
        lambda rm, w: rm.users.update(w.user2, role=None, billable=False),
        lambda w: {"billable": False, "role": None},
    ),
    (
        "projects.create",
        lambda rm, w: rm.projects.create(name="Gemini", ends_at=D(2024, 9, 1)),
        lambda w: {"name": "Gemini", "ends_at": "2024-09-01"},
    ),
    (
        "projects.update",
        lambda rm, w: rm.projects.update(w.project, client=None, timeentry_lockout=-1),
        lambda w: {"client": None, "timeentry_lockout": -1},
    ),
    (
        "phases.update",
        lambda rm, w: rm.phases.update(w.project, w.phase, phase_name="Build"),
        lambda w: {"phase_name": "Build"},
    ),
    (
        "time_entries.create",
        lambda rm, w: rm.time_entries.create(
            w.user, assignable_id=w.project, date=D(2024, 3, 6), hours=2, notes=None
        ),
        lambda w: {
            "user_id": w.user,
            "assignable_id": w.project,
            "date": "2024-03-06",
            "hours": 2,
            "notes": None,
        },
    ),
    (
        "time_entries.update",
        lambda rm, w: rm.time_entries.update(w.user, w.entry, hours=3.5),
        lambda w: {"hours": 3.5},
    ),
    (
        "time_entries.create_for_project",
        lambda rm, w: rm.time_entries.create_for_project(
            w.project, user_id=w.user, date=D(2024, 3, 7), hours=1
        ),
        lambda w: {
            "user_id": w.user,
            "date": "2024-03-07",
            "hours": 1,
            "assignable_id": w.project,
        },
    ),
    (
        "budget_items.create",
        lambda rm, w: rm.budget_items.create(
            w.project, item_type="Expenses", amount=10, category=None
        ),
        lambda w: {"item_type": "Expenses", "amount": 10, "category": None},
    ),
    (
        "budget_items.update",
        lambda rm, w: rm.budget_items.update(w.budget_item, project_id=w.project, amount=7),
        lambda w: {"amount": 7},
    ),
    (
        "statuses.create",
        lambda rm, w: rm.statuses.create(w.user, "WFH", message=None),
        lambda w: {"status": "WFH", "message": None},
    ),
    (
        "custom_fields.update",
        lambda rm, w: rm.custom_fields.update(w.custom_field, options=("UX", "Go")),
        lambda w: {"options": ["UX", "Go"]},
    ),
    (
        "bill_rates.create",
        lambda rm, w: rm.bill_rates.create(w.project, rate=99.0, role_id=w.role),
        lambda w: {"assignable_id": w.project, "rate": 99.0, "role_id": w.role},
    ),
    (
        "assignments.create",
        lambda rm, w: rm.assignments.create(
            w.user2, leave_id=w.leave, starts_at=D(2024, 5, 1), ends_at=D(2024, 5, 2), note=None
        ),
        lambda w: {
            "leave_id": w.leave,
            "starts_at": "2024-05-01",
            "ends_at": "2024-05-02",
            "note": None,
        },
    ),
    (
        "assignments.create_with_subtasks",
        lambda rm, w: rm.assignments.create_with_subtasks(
            assignable_id=w.project,
            starts_at=D(2024, 6, 3),
            ends_at=D(2024, 6, 7),
            subtasks=["Plan"],
            percent=0.5,
        ),
        lambda w: {
            "user_id": None,
            "assignable_id": w.project,
            "starts_at": "2024-06-03",
            "ends_at": "2024-06-07",
            "allocation_mode": "percent",
            "percent": 0.5,
            "subtasks": [{"description": "Plan", "completed": False}],
        },
    ),
]


@pytest.mark.parametrize(("write", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_a_write_sends_exactly_the_fields_given(
    emu: Emulator,
    rm: ResourceManagementClient,
    world: World,
    write: Write,
    expected: Callable[[World], dict[str, Any]],
) -> None:
    await write(rm, world)
    assert emu.rm.log[-1].json() == expected(world)
