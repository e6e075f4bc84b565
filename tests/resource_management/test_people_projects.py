"""Users, placeholders, projects and phases: wire format, filters and decoded models."""

from __future__ import annotations

import datetime as dt

import pytest

from smartsuite._core.errors import BadRequestError, ConfigurationError
from smartsuite.emulator import Emulator
from smartsuite.resource_management import (
    LeaveType,
    Nested,
    Project,
    ResourceManagementClient,
    User,
)

from .conftest import World

D = dt.date


async def test_user_create_sends_snake_case_json_and_decodes(
    emu: Emulator, rm: ResourceManagementClient
) -> None:
    user = await rm.users.create(
        first_name="Ada", last_name="Lovelace", hire_date=D(2020, 2, 3), role="Senior"
    )
    sent = emu.rm.log[-1]
    assert (sent.method, sent.path) == ("POST", "/users")
    assert sent.json() == {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "hire_date": "2020-02-03",
        "role": "Senior",
    }
    assert isinstance(user, User) and user.display_name == "Ada Lovelace"
    assert user.hire_date == D(2020, 2, 3)
    assert user.created_at is not None and user.created_at.tzinfo == dt.UTC


async def test_user_fields_decode_nested_collections(
    rm: ResourceManagementClient, world: World
) -> None:
    users = await rm.users.list(fields=["tags", "assignments", "custom_field_values"]).to_list()
    ada = next(u for u in users if u.id == world.user)
    assert isinstance(ada.tags, Nested) and [t.value for t in ada.tags] == ["developer"]
    assert ada.assignments is not None and ada.assignments.data[0].id == world.assignment
    assert ada.custom_field_values is not None
    assert [v.value for v in ada.custom_field_values] == ["UX"]
    assert ada.availabilities is None  # not asked for


async def test_archive_and_user_type_rules(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    archived = await rm.users.archive(world.user2)
    assert archived.archived and archived.archived_at is not None
    assert emu.rm.log[-1].json() == {"archived": True}
    assert world.user2 not in [u.id async for u in rm.users.list()]
    assert world.user2 in [u.id async for u in rm.users.list(with_archived=True)]
    count = len(emu.rm.log)
    with pytest.raises(ConfigurationError, match="user_type_id 1"):
        await rm.users.update(world.user, user_type_id=1)
    assert len(emu.rm.log) == count  # refused locally
    with pytest.raises(ConfigurationError, match="sort_field"):
        rm.users.list(sort_field="shoe_size")  # type: ignore[arg-type]


async def test_project_list_filters_are_sent(
    emu: Emulator, rm: ResourceManagementClient, world: World
) -> None:
    await rm.projects.create(name="Tentative one", project_state="Tentative")
    got = await rm.projects.list(
        from_=D(2024, 1, 1),
        to=D(2024, 6, 30),
        project_state=["Confirmed"],
        sort_field="created",
        sort_order="descending",
        with_archived=True,
    ).to_list()
    query = emu.rm.log[-1].query
    assert query["from"] == "2024-01-01" and query["to"] == "2024-06-30"
    assert query["filter_field"] == "project_state" and query["filter_list"] == "Confirmed"
    assert (query["sort_field"], query["sort_order"]) == ("created", "descending")
    assert [p.name for p in got] == ["Apollo"]
    phases = await rm.projects.list(with_phases=True, phase_name="Design").to_list()
    assert [(p.phase_name, p.parent_id, p.is_phase) for p in phases] == [
        ("Design", world.project, True)
    ]


async def test_project_fields_children_tags_summary(
    rm: ResourceManagementClient, world: World
) -> None:
    project = await rm.projects.get(
        world.project, fields=["children", "tags", "summary", "phase_count", "project_state"]
    )
    assert project.children is not None
    assert (
        isinstance(project.children.data[0], Project) and project.children.data[0].id == world.phase
    )
    assert [t.value for t in project.tags or []] == ["Sales"]
    assert project.phase_count == 1 and project.project_state == "Confirmed"
    assert project.confirmed_hours == 6.0
    assert project.bounding_startdate == D(2024, 1, 1)


async def test_archived_project_must_be_unarchived_first(
    rm: ResourceManagementClient, world: World
) -> None:
    await rm.projects.archive(world.project)
    with pytest.raises(BadRequestError, match="unarchive"):
        await rm.projects.update(world.project, name="Renamed")
    await rm.projects.unarchive(world.project)
    assert (await rm.projects.update(world.project, name="Renamed")).name == "Renamed"


async def test_timeentry_lockout_refuses_old_entries(
    rm: ResourceManagementClient, world: World
) -> None:
    locked = await rm.projects.lock_time_entries(world.project, older_than_days=3)
    assert locked.timeentry_lockout == 3
    with pytest.raises(BadRequestError, match="locked"):
        await rm.time_entries.create(
            world.user, assignable_id=world.project, date=D(2024, 3, 1), hours=1
        )
    ok = await rm.time_entries.create(
        world.user, assignable_id=world.project, date=D(2024, 3, 14), hours=1
    )
    assert ok.date == D(2024, 3, 14)
    with pytest.raises(ConfigurationError, match="timeentry_lockout"):
        await rm.projects.update(world.project, timeentry_lockout=-5)


async def test_phase_with_assignments_cannot_be_deleted(
    rm: ResourceManagementClient, world: World
) -> None:
    await rm.assignments.create(
        world.user2, assignable_id=world.phase, starts_at=D(2024, 2, 5), ends_at=D(2024, 2, 9)
    )
    with pytest.raises(BadRequestError, match="assignments"):
        await rm.phases.delete(world.project, world.phase)


async def test_assignables_decode_by_type(rm: ResourceManagementClient, world: World) -> None:
    kinds = {type(a).__name__ async for a in rm.assignables.list()}
    assert kinds == {"Project", "LeaveType"}
    assert isinstance(await rm.assignables.get(world.leave), LeaveType)
    assert isinstance(await rm.assignables.get(world.project), Project)


async def test_placeholders_and_project_users(rm: ResourceManagementClient, world: World) -> None:
    await rm.assignments.create(
        world.placeholder,
        assignable_id=world.project,
        starts_at=D(2024, 4, 1),
        ends_at=D(2024, 4, 5),
    )
    on_project = [p.title async for p in rm.placeholders.list_for_project(world.project)]
    assert on_project == ["Designer"]
    people = [getattr(u, "first_name", None) async for u in rm.project_users.list(world.project)]
    assert people == ["Ada"]
    both = await rm.project_users.list(world.project, include_placeholders=True).to_list()
    assert len(both) == 2
    listed = await rm.placeholders.get(world.placeholder, fields=["assignments"])
    assert listed.assignments is not None and len(listed.assignments) == 1


async def test_tags_are_find_or_create(rm: ResourceManagementClient, world: World) -> None:
    first = await rm.project_tags.add(world.project, "Sales")
    assert first.id == world.project_tag
    again = await rm.user_tags.add(world.user2, "Sales")
    assert again.id == world.project_tag  # the account's tag, now on a user too
    assert [t.value async for t in rm.project_tags.list(world.project)] == ["Sales"]
