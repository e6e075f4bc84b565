"""ss.groups over HTTP: groups and their members."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import BadRequestError, ConfigurationError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.account import Group, GroupMember

from .account_helpers import check, emu, last, ss  # noqa: F401 (fixtures)


async def test_group_lifecycle(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    me = await ss.users.me()
    ann = await ss.users.add("ann@example.com", first_name="Ann")
    bob = await ss.users.add("bob@example.com", first_name="Bob")

    group = await ss.groups.create(
        "Reviewers", description="They review", member_emails=["ann@example.com"]
    )
    check(
        last(emu),
        "POST",
        "/groups",
        body={
            "name": "Reviewers",
            "description": "They review",
            "members": [{"email": "ann@example.com"}],
        },
    )
    assert isinstance(group, Group) and group.id is not None
    assert group.owner_id == me.id and group.owner == me.email

    added = await ss.groups.add_members(group.id, ["bob@example.com", "ann@example.com"])
    check(
        last(emu),
        "POST",
        f"/groups/{group.id}/members",
        body=[{"email": "bob@example.com"}, {"email": "ann@example.com"}],
    )
    assert [m.id for m in added] == [bob.id]  # Ann already was a member
    assert all(isinstance(m, GroupMember) for m in added)

    fetched = await ss.groups.get(group.id)
    check(last(emu), "GET", f"/groups/{group.id}")
    assert [m.email for m in fetched.members or []] == ["ann@example.com", "bob@example.com"]
    assert fetched.created_at is not None

    renamed = await ss.groups.update(group.id, name="Approvers", description="They approve")
    check(
        last(emu),
        "PUT",
        f"/groups/{group.id}",
        body={"name": "Approvers", "description": "They approve"},
    )
    assert renamed.name == "Approvers"

    removed = await ss.groups.remove_member(group.id, ann.id or 0)
    check(last(emu), "DELETE", f"/groups/{group.id}/members/{ann.id}")
    assert removed.result_code == 0
    assert [m.id for m in (await ss.groups.get(group.id)).members or []] == [bob.id]
    with pytest.raises(NotFoundError):
        await ss.groups.remove_member(group.id, ann.id or 0)

    listed = await ss.groups.list(modified_since="2020-01-01T00:00:00Z").to_list()
    assert last(emu).query["modifiedSince"] == "2020-01-01T00:00:00Z"
    assert [g.name for g in listed] == ["Approvers"]
    assert (await ss.users.me(include=["groups"])).groups == []

    await ss.groups.delete(group.id)
    check(last(emu), "DELETE", f"/groups/{group.id}")
    with pytest.raises(NotFoundError) as info:
        await ss.groups.get(group.id)
    assert info.value.code == 1106


async def test_group_errors(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    await ss.groups.create("Team")
    with pytest.raises(BadRequestError) as info:
        await ss.groups.create("team")
    assert info.value.code == 1103  # names are unique, case-insensitively
    with pytest.raises(BadRequestError) as info:
        await ss.groups.create("Outsiders", member_emails=["stranger@example.com"])
    assert info.value.code == 1105 and "stranger@example.com" in str(info.value)
    with pytest.raises(ConfigurationError, match="name"):
        await ss.groups.create("  ")
    with pytest.raises(ConfigurationError, match="give name"):
        await ss.groups.update(1)
    with pytest.raises(ConfigurationError, match="email"):
        await ss.groups.add_members(1, [])
