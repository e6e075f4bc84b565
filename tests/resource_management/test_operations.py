"""Every operation of the table has a tagged client method, and the walk reaches each one over
HTTP (checked against the emulator's request log)."""

from __future__ import annotations

import csv
import datetime as dt
import inspect
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from smartsuite.emulator import Emulator
from smartsuite.resource_management import ResourceManagementClient

from .conftest import World

TSV = Path(__file__).with_name("operations.tsv")
D = dt.date
Call = Callable[[ResourceManagementClient, World], Awaitable[Any]]


def table() -> list[tuple[str, str, str]]:
    with TSV.open() as f:
        return [(r["resource"], r["method"], r["path"]) for r in csv.DictReader(f, delimiter="\t")]


def _resource_classes() -> dict[str, type]:
    import importlib
    import pkgutil

    from smartsuite.resource_management import resources
    from smartsuite.resource_management._resource import RMResource

    found: dict[str, type] = {}
    for info in pkgutil.iter_modules(resources.__path__):
        module = importlib.import_module(f"{resources.__name__}.{info.name}")
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, RMResource) and value is not RMResource:
                found[name] = value
    return found


def tagged() -> set[tuple[str, str, str]]:
    """The operation tags of every resource class the client exposes as a namespace."""
    from smartsuite._core.namespaces import Namespace
    from smartsuite.resource_management.client import ResourceManagementClient as Client

    exposed = {
        ns.resource_class().__name__ for ns in vars(Client).values() if isinstance(ns, Namespace)
    }
    found = set()
    for name, cls in _resource_classes().items():
        tags = {
            getattr(m, "__rm_operation__", None)
            for _, m in inspect.getmembers(cls, inspect.isfunction)
        } - {None}
        if tags:
            assert name in exposed, f"{name} has operations but no client namespace"
        found |= tags  # type: ignore[arg-type]
    return found  # type: ignore[return-value]


async def _walk(paginator: Any) -> list[Any]:
    return await paginator.to_list()


SUBTASK = "/api/v1/projects/{project_id}/assignments/{assignment_id}/subtasks/{subtask_id}"

CALLS: dict[str, Call] = {
    "GET /api/v1/approvals": lambda rm, w: _walk(rm.approvals.list(fields=["approvables"])),
    "POST /api/v1/approvals": lambda rm, w: _approve(rm, w),
    "DELETE /api/v1/approvals/{approval_id}": lambda rm, w: rm.approvals.delete(w.approval),
    "GET /api/v1/assignables": lambda rm, w: _walk(rm.assignables.list()),
    "GET /api/v1/assignables/{assignable_id}": lambda rm, w: rm.assignables.get(w.leave),
    "GET /api/v1/assignments": lambda rm, w: _walk(rm.assignments.list(from_=D(2024, 1, 1))),
    "GET /api/v1/assignments/{assignment_id}": lambda rm, w: rm.assignments.get(w.assignment),
    "POST /api/v1/assignments": lambda rm, w: rm.assignments.create_with_subtasks(
        assignable_id=w.project, starts_at=D(2024, 5, 1), ends_at=D(2024, 5, 2), subtasks=["A"]
    ),
    "GET /api/v1/users/{user_id}/assignments": lambda rm, w: _walk(
        rm.assignments.list_for_user(w.user, with_phases=True)
    ),
    "GET /api/v1/users/{user_id}/assignments/{assignment_id}": lambda rm, w: (
        rm.assignments.get_for_user(w.user, w.assignment)
    ),
    "POST /api/v1/users/{user_id}/assignments": lambda rm, w: rm.assignments.create(
        w.user, leave_id=w.leave, starts_at=D(2024, 6, 3), ends_at=D(2024, 6, 7), hours_per_day=4
    ),
    "DELETE /api/v1/users/{user_id}/assignments/{assignment_id}": lambda rm, w: _delete_assignment(
        rm, w
    ),
    "GET /api/v1/projects/{project_id}/assignments": lambda rm, w: _walk(
        rm.assignments.list_for_project(w.project, fields=["subtasks_counts"])
    ),
    "GET /api/v1/projects/{project_id}/assignments/{assignment_id}": lambda rm, w: (
        rm.assignments.get_for_project(w.project, w.assignment)
    ),
    "GET /api/v1/projects/{project_id}/assignments/{assignment_id}/subtasks": lambda rm, w: _walk(
        rm.subtasks.list(w.project, w.assignment)
    ),
    f"GET {SUBTASK}": lambda rm, w: rm.subtasks.get(w.project, w.assignment, w.subtask),
    "POST /api/v1/projects/{project_id}/assignments/{assignment_id}/subtasks": lambda rm, w: (
        rm.subtasks.create(w.project, w.assignment, description="Review")
    ),
    f"PUT {SUBTASK}": lambda rm, w: rm.subtasks.update(
        w.project, w.assignment, w.subtask, completed=True
    ),
    f"DELETE {SUBTASK}": lambda rm, w: rm.subtasks.delete(w.project, w.assignment, w.subtask),
    "GET /api/v1/bill_rates": lambda rm, w: _walk(rm.bill_rates.list_account()),
    "GET /api/v1/projects/{project_id}/bill_rates": lambda rm, w: _walk(
        rm.bill_rates.list(w.project)
    ),
    "GET /api/v1/projects/{project_id}/bill_rates/{bill_rate_id}": lambda rm, w: rm.bill_rates.get(
        w.project, w.bill_rate
    ),
    "POST /api/v1/projects/{project_id}/bill_rates": lambda rm, w: rm.bill_rates.create(
        w.project, rate=90, role_id=w.role, rebuild_assignments=True
    ),
    "PUT /api/v1/projects/{project_id}/bill_rates/{bill_rate_id}": lambda rm, w: (
        rm.bill_rates.update(w.project, w.bill_rate, rate=130)
    ),
    "DELETE /api/v1/projects/{project_id}/bill_rates/{bill_rate_id}": lambda rm, w: (
        rm.bill_rates.delete(w.project, w.bill_rate)
    ),
    "GET /api/v1/time_entry_categories": lambda rm, w: _walk(
        rm.budget_item_categories.time_entry()
    ),
    "GET /api/v1/expense_item_categories": lambda rm, w: _walk(
        rm.budget_item_categories.expense_item()
    ),
    "GET /api/v1/projects/{project_id}/time_entry_categories": lambda rm, w: _walk(
        rm.budget_item_categories.project_time_entry(w.project)
    ),
    "GET /api/v1/projects/{project_id}/expense_item_categories": lambda rm, w: _walk(
        rm.budget_item_categories.project_expense_item(w.project)
    ),
    "GET /api/v1/projects/{project_id}/budget_items": lambda rm, w: _walk(
        rm.budget_items.list(w.project, "TimeFees")
    ),
    "GET /api/v1/budget_items/{budget_item_id}": lambda rm, w: rm.budget_items.get(w.budget_item),
    "POST /api/v1/projects/{project_id}/budget_items": lambda rm, w: rm.budget_items.create(
        w.project, item_type="Expenses", amount=300
    ),
    "PUT /api/v1/budget_items/{budget_item_id}": lambda rm, w: rm.budget_items.update(
        w.budget_item, amount=567
    ),
    "DELETE /api/v1/budget_items/{budget_item_id}": lambda rm, w: rm.budget_items.delete(
        w.budget_item
    ),
    "GET /api/v1/custom_fields": lambda rm, w: _walk(rm.custom_fields.list()),
    "GET /api/v1/custom_fields/{custom_field_id}": lambda rm, w: rm.custom_fields.get(
        w.custom_field
    ),
    "POST /api/v1/custom_fields": lambda rm, w: rm.custom_fields.create(
        name="Level", namespace="users", data_type="selection_list", options=["1", "2"]
    ),
    "PUT /api/v1/custom_fields/{custom_field_id}": lambda rm, w: rm.custom_fields.update(
        w.custom_field, description="What they know"
    ),
    "DELETE /api/v1/custom_fields/{custom_field_id}": lambda rm, w: _delete_field(rm, w),
    "GET /api/v1/projects/{project_id}/custom_field_values": lambda rm, w: _walk(
        rm.custom_field_values.list_for_project(w.project)
    ),
    "POST /api/v1/projects/{project_id}/custom_field_values": lambda rm, w: (
        rm.custom_field_values.set_for_project(w.project, w.extra["project_field"], "APAC")
    ),
    "PUT /api/v1/projects/{project_id}/custom_field_values/{id}": lambda rm, w: (
        rm.custom_field_values.update_for_project(w.project, w.project_value, "AMER")
    ),
    "GET /api/v1/users/{user_id}/custom_field_values": lambda rm, w: _walk(
        rm.custom_field_values.list_for_user(w.user)
    ),
    "POST /api/v1/users/{user_id}/custom_field_values": lambda rm, w: (
        rm.custom_field_values.set_for_user(w.user, w.custom_field, ["UX", "Python"])
    ),
    "PUT /api/v1/users/{user_id}/custom_field_values/{id}": lambda rm, w: (
        rm.custom_field_values.update_for_user(w.user, w.user_value, "Ruby")
    ),
    "GET /api/v1/disciplines": lambda rm, w: _walk(rm.disciplines.list()),
    "GET /api/v1/disciplines/{discipline_id}": lambda rm, w: rm.disciplines.get(w.discipline),
    "GET /api/v1/roles": lambda rm, w: _walk(rm.roles.list()),
    "GET /api/v1/roles/{role_id}": lambda rm, w: rm.roles.get(w.role),
    "GET /api/v1/users/{user_id}/expense_items": lambda rm, w: _walk(
        rm.expense_items.list_for_user(w.user, from_=D(2024, 3, 1), to=D(2024, 3, 31))
    ),
    "GET /api/v1/users/{user_id}/expense_items/{id}": lambda rm, w: rm.expense_items.get_for_user(
        w.user, w.expense
    ),
    "GET /api/v1/projects/{project_id}/expense_items": lambda rm, w: _walk(
        rm.expense_items.list_for_project(w.project)
    ),
    "GET /api/v1/projects/{project_id}/expense_items/{id}": lambda rm, w: (
        rm.expense_items.get_for_project(w.project, w.expense)
    ),
    "POST /api/v1/users/{user_id}/expense_items": lambda rm, w: rm.expense_items.create(
        w.user, date=D(2024, 3, 6), amount=10, leave_type_id=w.leave
    ),
    "PUT /api/v1/projects/{project_id}/users/{user_id}/expense_items/{id}": lambda rm, w: (
        rm.expense_items.update(w.project, w.user, w.expense, amount=50)
    ),
    "DELETE /api/v1/users/{user_id}/expense_items/{id}": lambda rm, w: rm.expense_items.delete(
        w.user, w.expense
    ),
    "GET /api/v1/holidays": lambda rm, w: _walk(rm.holidays.list()),
    "GET /api/v1/leave_types": lambda rm, w: _walk(rm.leave_types.list()),
    "GET /api/v1/leave_types/{leave_type_id}": lambda rm, w: rm.leave_types.get(w.leave),
    "GET /api/v1/projects/{project_id}/phases": lambda rm, w: _walk(rm.phases.list(w.project)),
    "POST /api/v1/projects/{project_id}/phases": lambda rm, w: rm.phases.create(
        w.project, phase_name="Build", starts_at=D(2024, 5, 1), ends_at=D(2024, 8, 31)
    ),
    "PUT /api/v1/projects/{project_id}/phases/{phase_id}": lambda rm, w: rm.phases.update(
        w.project, w.phase, use_parent_bill_rates=True
    ),
    "DELETE /api/v1/projects/{project_id}/phases/{phase_id}": lambda rm, w: rm.phases.delete(
        w.project, w.phase
    ),
    "GET /api/v1/placeholder_resources": lambda rm, w: _walk(
        rm.placeholders.list(fields=["assignments", "custom_field_values"])
    ),
    "GET /api/v1/placeholder_resources/{id}": lambda rm, w: rm.placeholders.get(w.placeholder),
    "POST /api/v1/placeholder_resources": lambda rm, w: rm.placeholders.create(title="Engineer"),
    "PUT /api/v1/placeholder_resources/{id}": lambda rm, w: rm.placeholders.update(
        w.placeholder, title="Senior Designer"
    ),
    "DELETE /api/v1/placeholder_resources/{id}": lambda rm, w: _delete_placeholder(rm, w),
    "GET /api/v1/placeholder_resources/{id}/assignments": lambda rm, w: _walk(
        rm.placeholders.assignments(w.placeholder)
    ),
    "GET /api/v1/projects/{project_id}/placeholder_resources": lambda rm, w: _walk(
        rm.placeholders.list_for_project(w.project)
    ),
    "GET /api/v1/projects": lambda rm, w: _walk(
        rm.projects.list(fields=["tags", "summary"], project_state="Confirmed", with_phases=True)
    ),
    "GET /api/v1/projects/{project_id}": lambda rm, w: rm.projects.get(
        w.project, fields=["children"]
    ),
    "POST /api/v1/projects": lambda rm, w: rm.projects.create(name="Gemini"),
    "PUT /api/v1/projects/{project_id}": lambda rm, w: rm.projects.update(
        w.project, timeentry_lockout=30
    ),
    "DELETE /api/v1/projects/{project_id}": lambda rm, w: _delete_project(rm, w),
    "GET /api/v1/projects/{project_id}/users": lambda rm, w: _walk(
        rm.project_users.list(w.project, with_phases=True, include_placeholders=True)
    ),
    "GET /api/v1/projects/{project_id}/tags": lambda rm, w: _walk(rm.project_tags.list(w.project)),
    "POST /api/v1/projects/{project_id}/tags": lambda rm, w: rm.project_tags.add(w.project, "Q3"),
    "DELETE /api/v1/projects/{project_id}/tags/{tag_id}": lambda rm, w: rm.project_tags.remove(
        w.project, w.project_tag
    ),
    "POST /api/v1/reports/rows": lambda rm, w: rm.reports.rows(time_frame="this_month"),
    "POST /api/v1/reports/totals": lambda rm, w: rm.reports.totals(view="utilization"),
    "GET /api/v1/status_options": lambda rm, w: _walk(rm.status_options.list(with_deleted=True)),
    "GET /api/v1/status_options/{id}": lambda rm, w: rm.status_options.get(w.status_option),
    "POST /api/v1/status_options": lambda rm, w: rm.status_options.create(
        label="Blocked", color="red", stage="in_progress", order=200
    ),
    "PUT /api/v1/status_options/{id}": lambda rm, w: rm.status_options.update(
        w.status_option, label="Fine"
    ),
    "DELETE /api/v1/status_options/{id}": lambda rm, w: rm.status_options.delete(w.status_option),
    "GET /api/v1/time_entries": lambda rm, w: _walk(rm.time_entries.list(with_suggestions=True)),
    "GET /api/v1/time_entries/{id}": lambda rm, w: rm.time_entries.get(w.entry),
    "GET /api/v1/users/{user_id}/time_entries": lambda rm, w: _walk(
        rm.time_entries.list_for_user(
            w.user, from_=D(2024, 3, 1), to=D(2024, 3, 31), fields=["approvals"]
        )
    ),
    "GET /api/v1/users/{user_id}/time_entries/{id}": lambda rm, w: rm.time_entries.get_for_user(
        w.user, w.entry
    ),
    "POST /api/v1/users/{user_id}/time_entries": lambda rm, w: rm.time_entries.create(
        w.user, assignable_id=w.leave, date=D(2024, 3, 8), hours=8
    ),
    "PUT /api/v1/users/{user_id}/time_entries/{id}": lambda rm, w: rm.time_entries.update(
        w.user, w.entry, hours=7, notes="More"
    ),
    "DELETE /api/v1/users/{user_id}/time_entries/{id}": lambda rm, w: _delete_entry(rm, w),
    "GET /api/v1/projects/{project_id}/time_entries": lambda rm, w: _walk(
        rm.time_entries.list_for_project(w.project, sort_field="updated", sort_order="descending")
    ),
    "GET /api/v1/projects/{project_id}/time_entries/{id}": lambda rm, w: (
        rm.time_entries.get_for_project(w.project, w.entry)
    ),
    "POST /api/v1/projects/{project_id}/time_entries": lambda rm, w: (
        rm.time_entries.create_for_project(w.project, user_id=w.user2, date=D(2024, 3, 7), hours=2)
    ),
    "GET /api/v1/users/{user_id}/availabilities": lambda rm, w: _walk(
        rm.availabilities.list(w.user2)
    ),
    "GET /api/v1/users/{user_id}/availabilities/{id}": lambda rm, w: rm.availabilities.get(
        w.user2, w.availability
    ),
    "POST /api/v1/users/{user_id}/availabilities": lambda rm, w: rm.availabilities.create(
        w.user, days=[0, 8, 8, 8, 8, 4, 0], starts_at=D(2024, 1, 1)
    ),
    "PUT /api/v1/users/{user_id}/availabilities/{id}": lambda rm, w: rm.availabilities.update(
        w.user2, w.availability, ends_at=D(2024, 12, 31)
    ),
    "DELETE /api/v1/users/{user_id}/availabilities/{id}": lambda rm, w: rm.availabilities.delete(
        w.user2, w.availability
    ),
    "GET /api/v1/users/{user_id}/statuses": lambda rm, w: _walk(rm.statuses.list(w.user)),
    "POST /api/v1/users/{user_id}/statuses": lambda rm, w: rm.statuses.create(
        w.user, "WFH", message="Heads down"
    ),
    "GET /api/v1/users/{user_id}/tags": lambda rm, w: _walk(rm.user_tags.list(w.user)),
    "POST /api/v1/users/{user_id}/tags": lambda rm, w: rm.user_tags.add(w.user, "python"),
    "DELETE /api/v1/users/{user_id}/tags/{tag_id}": lambda rm, w: rm.user_tags.remove(
        w.user, w.user_tag
    ),
    "GET /api/v1/users": lambda rm, w: _walk(
        rm.users.list(fields=["tags", "assignments"], sort_field="last_name", with_archived=True)
    ),
    "GET /api/v1/users/{user_id}": lambda rm, w: rm.users.get(
        w.user, fields=["custom_field_values"]
    ),
    "POST /api/v1/users": lambda rm, w: rm.users.create(first_name="Alan", last_name="Turing"),
    "PUT /api/v1/users/{user_id}": lambda rm, w: rm.users.update(
        w.user2, last_name="Murray Hopper"
    ),
    "GET /api/v1/webhooks": lambda rm, w: _walk(rm.webhooks.list()),
    "POST /api/v1/webhooks": lambda rm, w: rm.webhooks.create(
        "user.created", "https://h.example.com/u"
    ),
    "DELETE /api/v1/webhooks/{webhook_id}": lambda rm, w: rm.webhooks.delete(w.webhook),
}


async def _approve(rm: ResourceManagementClient, w: World) -> Any:
    return await rm.approvals.approve([await rm.expense_items.get_for_user(w.user, w.expense)])


async def _delete_assignment(rm: ResourceManagementClient, w: World) -> None:
    a = await rm.assignments.create(
        w.user2, assignable_id=w.project, starts_at=D(2024, 7, 1), ends_at=D(2024, 7, 5)
    )
    await rm.assignments.delete(w.user2, a.id)


async def _delete_field(rm: ResourceManagementClient, w: World) -> None:
    field = await rm.custom_fields.create(name="Tmp", namespace="users", data_type="string")
    await rm.custom_fields.delete(field.id)


async def _delete_placeholder(rm: ResourceManagementClient, w: World) -> None:
    await rm.placeholders.delete((await rm.placeholders.create(title="Tmp")).id)


async def _delete_project(rm: ResourceManagementClient, w: World) -> None:
    await rm.projects.delete((await rm.projects.create(name="Tmp")).id)


async def _delete_entry(rm: ResourceManagementClient, w: World) -> None:
    e = await rm.time_entries.create(w.user2, assignable_id=w.project, date=D(2024, 3, 12), hours=1)
    await rm.time_entries.delete(w.user2, e.id)


def _pattern(path: str) -> re.Pattern[str]:
    relative = path.removeprefix("/api/v1")
    return re.compile("^" + re.sub(r"\{[^}]+\}", r"[0-9]+", relative) + "$")


def test_every_operation_is_tagged_once() -> None:
    assert tagged() == set(table())
    assert len(table()) == 113


def test_calls_cover_the_table() -> None:
    assert set(CALLS) == {f"{m} {p}" for _, m, p in table()}


async def test_walk_reaches_every_operation(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    reached = set()
    for _, method, path in table():
        key = f"{method} {path}"
        before = len(emu.rm.log)
        await CALLS[key](rm, world)
        pattern = _pattern(path)
        hits = [e for e in emu.rm.log[before:] if e.method == method and pattern.match(e.path)]
        assert hits, f"{key} was not sent"
        assert all(e.status < 400 for e in hits), (key, [e.status for e in hits])
        reached.add(key)
    assert len(reached) == 113


@pytest.mark.parametrize("name", ["list", "get"])
def test_tagged_methods_have_docstrings(name: str) -> None:
    from smartsuite.resource_management.resources.users import Users

    assert getattr(Users, name).__doc__
