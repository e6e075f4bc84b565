"""Fixtures for the Resource Management tests: the emulator, a client, and a small account."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import attrs
import pytest_asyncio

from smartsuite._core.config import RateLimitConfig
from smartsuite.emulator import Emulator
from smartsuite.resource_management import ResourceManagementClient

D = dt.date


@attrs.define
class World:
    """Ids of one of everything, made through the API (and ``add_*`` for app-only kinds)."""

    user: int
    user2: int
    project: int
    phase: int
    leave: int
    assignment: int
    subtask: int
    entry: int
    expense: int
    approval: int
    bill_rate: int
    budget_item: int
    custom_field: int
    project_value: int
    user_value: int
    placeholder: int
    availability: int
    status_option: int
    webhook: int
    user_tag: int
    project_tag: int
    role: int
    discipline: int
    extra: dict[str, Any] = attrs.field(factory=dict)


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        yield emulator


@pytest_asyncio.fixture
async def rm(emu: Emulator) -> AsyncIterator[ResourceManagementClient]:
    # The default pace (120 requests a minute) suits the real service; tests go faster.
    fast = RateLimitConfig(rate=100_000, per=1, burst=1_000, slow_down_remaining=1)
    async with ResourceManagementClient(
        emu.rm_token, base_url=emu.rm_url, rate_limit=fast
    ) as client:
        yield client


@pytest_asyncio.fixture
async def world(emu: Emulator, rm: ResourceManagementClient) -> World:
    state = emu.rm.state
    state.today = D(2024, 3, 15)
    role = state.add_role("Senior")["id"]
    discipline = state.add_discipline("Design")["id"]
    state.add_holiday(D(2024, 1, 1), "New Year")
    leave = state.add_leave_type("Vacation")["id"]
    state.add_category("time_entry", "Design fees")
    state.add_category("expense_item", "Travel")
    state.add_account_bill_rate(150.0)

    user = await rm.users.create(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    user2 = await rm.users.create(first_name="Grace", last_name="Hopper", role="Senior")
    project = await rm.projects.create(
        name="Apollo", starts_at=D(2024, 1, 1), ends_at=D(2024, 12, 31), client="NASA"
    )
    phase = await rm.phases.create(
        project.id, phase_name="Design", starts_at=D(2024, 2, 1), ends_at=D(2024, 4, 30)
    )
    status_option = await rm.status_options.create(
        label="On Track", color="green_bright", stage="in_progress", order=100
    )
    assignment = await rm.assignments.create_with_subtasks(
        user_id=user.id,
        assignable_id=project.id,
        starts_at=D(2024, 3, 1),
        ends_at=D(2024, 3, 29),
        status_option_id=status_option.id,
        description="Build wireframes",
        subtasks=["Sketch"],
    )
    assert assignment.subtasks is not None
    entry = await rm.time_entries.create(
        user.id, assignable_id=project.id, date=D(2024, 3, 4), hours=6, task="Design"
    )
    expense = await rm.expense_items.create(
        user.id, date=D(2024, 3, 5), amount=42.5, project_id=project.id, category="Travel"
    )
    approval = (await rm.approvals.submit([entry]))[0]
    bill_rate = await rm.bill_rates.create(project.id, rate=120.0, user_id=user.id)
    budget_item = await rm.budget_items.create(project.id, item_type="TimeFees", amount=5000)
    field = await rm.custom_fields.create(
        name="Skills",
        namespace="users",
        data_type="multiple_choice_selection_list",
        options=["UX", "Python", "Ruby"],
    )
    project_field = await rm.custom_fields.create(
        name="Region", namespace="assignables", data_type="string"
    )
    user_value = (await rm.custom_field_values.set_for_user(user.id, field.id, ["UX"]))[0]
    project_value = (
        await rm.custom_field_values.set_for_project(project.id, project_field.id, "EMEA")
    )[0]
    placeholder = await rm.placeholders.create(title="Designer", role="Senior")
    availability = await rm.availabilities.create(user2.id, days=[0, 4, 4, 4, 4, 4, 0])
    webhook = await rm.webhooks.create("project.created", "https://hooks.example.com/rm")
    user_tag = await rm.user_tags.add(user.id, "developer")
    project_tag = await rm.project_tags.add(project.id, "Sales")
    return World(
        user=user.id,
        user2=user2.id,
        project=project.id,
        phase=phase.id,
        leave=leave,
        assignment=assignment.id,
        subtask=assignment.subtasks.data[0].id,
        entry=entry.id,
        expense=expense.id,
        approval=approval.id,
        bill_rate=bill_rate.id,
        budget_item=budget_item.id,
        custom_field=field.id,
        project_value=project_value.id,
        user_value=user_value.id,
        placeholder=placeholder.id,
        availability=availability.id,
        status_option=status_option.id,
        webhook=webhook.id,
        user_tag=user_tag.id,
        project_tag=project_tag.id,
        role=role,
        discipline=discipline,
        extra={"project_field": project_field.id},
    )
