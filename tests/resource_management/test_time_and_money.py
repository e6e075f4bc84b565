"""Assignments, time entries, approvals, expenses, budgets, custom fields, reports, webhooks."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from smartsuite._core.errors import (
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    DecodeError,
    NotFoundError,
)
from smartsuite.emulator import Emulator
from smartsuite.resource_management import (
    Approvable,
    CustomFieldFilter,
    ExpenseItem,
    Project,
    ReportFilter,
    ResourceManagementClient,
    TimeEntry,
    TimeFrame,
    parse_webhook,
)

from .conftest import World

D = dt.date


async def test_assignment_allocation_modes_on_the_wire(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    a = await rm.assignments.create(
        world.user2,
        assignable_id=world.project,
        starts_at=D(2024, 4, 1),
        ends_at=D(2024, 4, 5),
        fixed_hours=10,
    )
    assert emu.rm.log[-1].json() == {
        "assignable_id": world.project,
        "starts_at": "2024-04-01",
        "ends_at": "2024-04-05",
        "allocation_mode": "fixed",
        "fixed_hours": 10,
    }
    assert (a.allocation_mode, a.fixed_hours, a.bill_rate) == ("fixed", 10.0, 150.0)
    with pytest.raises(ConfigurationError, match="exactly one"):
        await rm.assignments.create(world.user2, starts_at=D(2024, 4, 1), ends_at=D(2024, 4, 2))
    with pytest.raises(ConfigurationError, match="one of percent"):
        await rm.assignments.create(
            world.user2,
            assignable_id=world.project,
            starts_at=D(2024, 4, 1),
            ends_at=D(2024, 4, 2),
            percent=0.5,
            hours_per_day=4,
        )


async def test_subtask_counts_and_repetitions(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    await rm.subtasks.create(world.project, world.assignment, description="Ship", completed=True)
    listed = await rm.assignments.list_for_project(
        world.project, fields=["subtasks_counts"]
    ).to_list()
    counts = {a.id: a.subtask_counts for a in listed}
    assert counts[world.assignment] is not None
    assert (counts[world.assignment].completed, counts[world.assignment].total) == (1, 2)
    emu.rm.state.repeat_assignment(world.assignment, times=2, every_days=7)
    series = await rm.assignments.repetitions(world.user, world.assignment)
    assert [a.starts_at for a in series] == [D(2024, 3, 1), D(2024, 3, 8), D(2024, 3, 15)]
    assert {a.repetition_id for a in series} == {world.assignment}


async def test_month_of_time_entries_with_suggestions(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    march = await rm.time_entries.list_for_user(
        world.user, from_=D(2024, 3, 1), to=D(2024, 3, 31)
    ).to_list()
    assert [(e.date, e.hours, e.is_suggestion) for e in march] == [(D(2024, 3, 4), 6.0, False)]
    query = emu.rm.log[-1].query
    assert (query["from"], query["to"]) == ("2024-03-01", "2024-03-31")
    both = await rm.time_entries.list_for_user(
        world.user, from_=D(2024, 3, 1), to=D(2024, 3, 8), with_suggestions=True
    ).to_list()
    suggested = [e for e in both if e.is_suggestion]
    # Mar 1-8 has six workdays; the 4th has confirmed time, so five suggestions of 8 h.
    assert [e.date.day for e in suggested if e.date] == [1, 5, 6, 7, 8]
    assert {e.scheduled_hours for e in suggested} == {8.0} and {e.hours for e in suggested} == {
        None
    }
    with pytest.raises(ConfigurationError, match=r"datetime\.date"):
        rm.time_entries.list(from_=dt.datetime(2024, 3, 1))  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="256"):
        await rm.time_entries.create(
            world.user, assignable_id=world.project, date=D(2024, 3, 5), hours=1, notes="x" * 300
        )


async def test_approvals_from_models_and_stale_updated_at(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    entry = await rm.time_entries.get(world.entry)
    approved = await rm.approvals.approve([entry])
    sent = emu.rm.log[-1].json()
    assert sent["status"] == "approved"
    assert sent["approvables"] == [
        {
            "id": entry.id,
            "type": "TimeEntry",
            "updated_at": entry.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }  # type: ignore[union-attr]
    ]
    assert approved[0].status == "approved" and approved[0].approvable_type == "TimeEntry"
    expense = await rm.expense_items.get_for_user(world.user, world.expense)
    await rm.expense_items.update(world.project, world.user, world.expense, amount=99)
    with pytest.raises(BadRequestError, match="changed since read") as caught:
        await rm.approvals.submit([expense])  # the old updated_at
    assert caught.value.status == 409
    with pytest.raises(ConfigurationError, match="updated_at"):
        Approvable.of(ExpenseItem(id=1))
    with pytest.raises(BadRequestError, match="pending"):
        await rm.approvals.delete(world.approval)  # approved now
    listed = await rm.approvals.list(fields=["approvables"]).to_list()
    assert isinstance(listed[0].approvable, TimeEntry)
    with_approvals = await rm.time_entries.list_for_user(world.user, fields=["approvals"]).to_list()
    assert with_approvals[0].approvals is not None
    assert with_approvals[0].approvals.data[0].status == "approved"


async def test_budget_items_need_item_type(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    items = await rm.budget_items.list(world.project, "TimeFees").to_list()
    assert [(b.amount, b.item_type) for b in items] == [(5000.0, "TimeFees")]
    assert emu.rm.log[-1].query["item_type"] == "TimeFees"
    with pytest.raises(ConfigurationError, match="item_type"):
        rm.budget_items.list(world.project, "Hours")
    with pytest.raises(BadRequestError, match="item_type is required"):  # the server checks too
        await rm.budget_items._request("GET", f"/projects/{world.project}/budget_items")


async def test_custom_field_array_replaces_the_set(
    rm: ResourceManagementClient, world: World
) -> None:
    after = await rm.custom_field_values.set_for_user(
        world.user, world.custom_field, ["Python", "Ruby"]
    )
    assert sorted(v.value for v in after) == ["Python", "Ruby"]
    current = [v.value async for v in rm.custom_field_values.list_for_user(world.user)]
    assert sorted(current) == ["Python", "Ruby"]  # "UX" was removed
    with pytest.raises(BadRequestError, match="not an option"):
        await rm.custom_field_values.set_for_user(world.user, world.custom_field, ["Cobol"])
    await rm.custom_fields.delete(world.custom_field)
    assert [v async for v in rm.custom_field_values.list_for_user(world.user)] == []


async def test_utilization_report(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    report = await rm.reports.rows(
        view="utilization",
        time_frame=TimeFrame(D(2024, 3, 1), D(2024, 3, 8)),
        group_by=["user_id"],
        today=D(2024, 3, 8),
    )
    sent = emu.rm.log[-1].json()
    assert sent["time_frame"] == {"from": "2024-03-01", "to": "2024-03-08"}
    rows = {r["user_id"]: r for r in report.rows}
    # Ada: six workdays (48 h), 6 h confirmed + 5 days of suggestions at 8 h.
    assert rows[world.user]["available_hours"] == 48.0
    assert rows[world.user]["incurred_hours"] == 46.0
    # Grace works 4 h a day (availability block), nothing assigned.
    assert rows[world.user2]["available_hours"] == 24.0 and rows[world.user2]["utilization"] == 0.0
    assert report.dates is not None and report.dates.range is not None
    assert report.dates.range.from_ == D(2024, 3, 1)


async def test_report_filters_and_totals(rm: ResourceManagementClient, world: World) -> None:
    kwargs = {
        "time_frame": (D(2024, 3, 1), D(2024, 3, 8)),
        "today": D(2024, 3, 8),
        "calc_incurred_using": "confirmed",
    }
    totals = await rm.reports.totals(**kwargs)  # type: ignore[arg-type]
    assert totals.totals["incurred_hours"] == 6.0
    rows = await rm.reports.rows(
        group_by=["project_id", "user_id"],
        filters={
            "people_tags": ReportFilter(["developer"]),
            "custom_fields": [CustomFieldFilter(world.custom_field, ["UX"])],
        },
        **kwargs,  # type: ignore[arg-type]
    )
    assert [(r["project_name"], r["user_name"], r["incurred_hours"]) for r in rows.rows] == [
        ("Apollo", "Ada Lovelace", 6.0)
    ]
    none = await rm.reports.rows(filters={"people_tags": ReportFilter(["intern"])}, **kwargs)  # type: ignore[arg-type]
    assert none.rows == []
    with pytest.raises(BadRequestError, match="group_by"):
        await rm.reports.rows(view="utilization", group_by=["project_id"])
    with pytest.raises(ConfigurationError, match="inclusion or exclusion"):
        await rm.reports.rows(filters={"client": ReportFilter(["NASA"], operation="only")})


async def test_webhook_delivery_parses_to_model(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    hooks = [h.event_type async for h in rm.webhooks.list()]
    assert hooks == ["project.created"]
    await rm.projects.create(name="Hooked")
    delivery = emu.rm.state.deliveries[-1]
    assert delivery["url"] == "https://hooks.example.com/rm"
    event = parse_webhook(json.dumps(delivery["payload"]).encode())
    assert event.type == "project.created"
    assert isinstance(event.data, Project) and event.data.name == "Hooked"
    with pytest.raises(DecodeError, match="unknown webhook event type"):
        parse_webhook({"type": "invoice.paid", "data": {}})
    with pytest.raises(DecodeError, match="JSON"):
        parse_webhook(b"<html>")
    with pytest.raises(ConfigurationError, match="https"):
        await rm.webhooks.create("user.created", "http://insecure.example.com")


async def test_error_bodies_become_typed_errors(
    emu: Emulator, rm: ResourceManagementClient
) -> None:
    with pytest.raises(NotFoundError) as missing:
        await rm.users.get(424242)
    assert missing.value.message == "user 424242 not found"
    assert missing.value.body == {"message": "user 424242 not found"}
    with pytest.raises(BadRequestError, match="name is required") as bad:
        await rm.projects.create(name="")
    assert bad.value.status == 400
    async with ResourceManagementClient("wrong-token", base_url=emu.rm_url) as stranger:
        with pytest.raises(AuthenticationError) as denied:
            await stranger.users.list()
    assert "wrong-token" not in str(denied.value) + repr(denied.value) + repr(stranger)
