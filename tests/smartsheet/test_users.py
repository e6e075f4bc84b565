"""ss.users over HTTP: users, profile images and alternate email addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsuite._core.errors import (
    BadRequestError,
    ConfigurationError,
    NotFoundError,
    PermissionDeniedError,
)
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.account import AlternateEmail, User, UserStatus

from .account_helpers import check, emu, last, make_sheet, ss  # noqa: F401 (fixtures)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


async def test_me_is_the_seeded_owner(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    await make_sheet(ss, "Mine")
    me = await ss.users.me(include=["groups"])
    check(last(emu), "GET", "/users/me", {"include": "groups"})
    assert isinstance(me, User)
    assert me.id is not None and me.email and "@" in me.email
    assert me.status == UserStatus.ACTIVE and me.admin is True
    assert me.account is not None and me.account.name
    assert me.sheet_count == 1 and me.groups == []
    sheet = await ss.sheets.get((await ss.sheets.list().to_list())[0].id or 0)
    assert sheet.owner_id == me.id


async def test_add_get_update_list_users(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    added = await ss.users.add(
        "jo.bloggs@example.com", first_name="Jo", last_name="Bloggs", send_email=True
    )
    check(
        last(emu),
        "POST",
        "/users",
        {"sendEmail": "true"},
        {
            "email": "jo.bloggs@example.com",
            "firstName": "Jo",
            "lastName": "Bloggs",
            "admin": False,
            "licensedSheetCreator": False,
        },
    )
    assert added.status == "PENDING" and added.name == "Jo Bloggs" and added.id is not None
    # Since 2026-01-08 the API makes every user added to a user-model plan a sheet creator.
    assert added.licensed_sheet_creator is True

    fetched = await ss.users.get(added.id)
    check(last(emu), "GET", f"/users/{added.id}")
    assert fetched.email == "jo.bloggs@example.com" and fetched.alternate_emails == []

    updated = await ss.users.update(added.id, first_name="Joanna", licensed_sheet_creator=True)
    check(
        last(emu),
        "PUT",
        f"/users/{added.id}",
        body={"firstName": "Joanna", "licensedSheetCreator": True},
    )
    assert updated.name == "Joanna Bloggs" and updated.licensed_sheet_creator is True

    everyone = await ss.users.list(page_size=1).to_list()
    assert {u.email for u in everyone} >= {"jo.bloggs@example.com"} and len(everyone) == 2
    only = await ss.users.list(email=["jo.bloggs@example.com"]).to_list()
    assert last(emu).query["email"] == "jo.bloggs@example.com"
    assert [u.id for u in only] == [added.id]

    with pytest.raises(PermissionDeniedError) as info:
        await ss.users.add("jo.bloggs@example.com")
    assert info.value.code == 1016
    with pytest.raises(ConfigurationError, match="not an email"):
        await ss.users.add("not-an-address")
    with pytest.raises(ConfigurationError, match="at least one"):
        await ss.users.update(added.id)
    with pytest.raises(NotFoundError):
        await ss.users.get(123)


async def test_deactivate_reactivate_remove(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    user = await ss.users.add("temp@example.com")
    assert user.id is not None
    emu.smartsheet.state.account.users[user.id]["status"] = "ACTIVE"  # they accepted
    result = await ss.users.deactivate(user.id)
    check(last(emu), "POST", f"/users/{user.id}/deactivate")
    assert result.result_code == 0
    assert (await ss.users.get(user.id)).status == "DEACTIVATED"
    with pytest.raises(PermissionDeniedError):
        await ss.users.deactivate(user.id)
    await ss.users.reactivate(user.id)
    check(last(emu), "POST", f"/users/{user.id}/reactivate")
    assert (await ss.users.get(user.id)).status == "ACTIVE"

    me = await ss.users.me()
    group = await ss.groups.create("Temp's", member_emails=["temp@example.com"])
    await ss.groups.update(group.id or 0, owner_id=user.id)
    with pytest.raises(BadRequestError) as info:
        await ss.users.remove(user.id)  # owns a group: transferTo is required
    assert info.value.code == 1121
    removed = await ss.users.remove(user.id, transfer_to=me.id, remove_from_sharing=True)
    check(
        last(emu),
        "DELETE",
        f"/users/{user.id}",
        {"transferTo": str(me.id), "removeFromSharing": "true"},
    )
    assert removed.message == "SUCCESS"
    assert (await ss.groups.get(group.id or 0)).owner_id == me.id
    with pytest.raises(ConfigurationError, match="transfer_to"):
        await ss.users.remove(1, transfer_sheets=True)


async def test_profile_image_upload(ss: SmartsheetClient, emu: Emulator, tmp_path: Path) -> None:  # noqa: F811
    me = await ss.users.me()
    assert me.id is not None
    user = await ss.users.update_profile_image(me.id, PNG, filename="me.png")
    entry = last(emu)
    assert (entry.method, entry.path, entry.body) == ("POST", f"/users/{me.id}/profileimage", PNG)
    assert user.profile_image is not None and user.profile_image.image_id
    picture = tmp_path / "face.jpg"
    picture.write_bytes(PNG)
    await ss.users.update_profile_image(me.id, picture)
    assert last(emu).body == PNG
    with pytest.raises(ConfigurationError, match="not an image"):
        await ss.users.update_profile_image(me.id, b"text", filename="notes.txt")
    with pytest.raises(ConfigurationError, match="bytes"):
        await ss.users.update_profile_image(me.id, b"", filename="empty.png")


async def test_alternate_emails(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    me = await ss.users.me()
    assert me.id is not None and me.email
    domain = me.email.split("@")[1]
    added = await ss.users.add_alternate_emails(me.id, [f"me2@{domain}", "me@elsewhere.org"])
    check(
        last(emu),
        "POST",
        f"/users/{me.id}/alternateemails",
        body=[{"email": f"me2@{domain}"}, {"email": "me@elsewhere.org"}],
    )
    assert all(isinstance(a, AlternateEmail) for a in added)
    same_domain, other = added
    assert same_domain.confirmed is True and other.confirmed is False

    listed = await ss.users.list_alternate_emails(me.id).to_list()
    assert [a.email for a in listed] == [f"me2@{domain}", "me@elsewhere.org"]
    got = await ss.users.get_alternate_email(me.id, other.id or 0)
    check(last(emu), "GET", f"/users/{me.id}/alternateemails/{other.id}")
    assert got == other

    with pytest.raises(BadRequestError) as info:
        await ss.users.make_alternate_email_primary(me.id, other.id or 0)
    assert info.value.code == 1158  # not confirmed
    with pytest.raises(BadRequestError) as info:
        await ss.users.add_alternate_emails(me.id, "me@elsewhere.org")
    assert info.value.code == 1157
    with pytest.raises(BadRequestError) as info:  # an alternate cannot be invited as a user
        await ss.users.add("me@elsewhere.org")
    assert info.value.code == 1159

    promoted = await ss.users.make_alternate_email_primary(me.id, same_domain.id or 0)
    check(last(emu), "POST", f"/users/{me.id}/alternateemails/{same_domain.id}/makeprimary")
    assert promoted.email == f"me2@{domain}"
    assert (await ss.users.me()).email == f"me2@{domain}"
    remaining = {a.email for a in await ss.users.list_alternate_emails(me.id).to_list()}
    assert remaining == {me.email, "me@elsewhere.org"}  # the old primary became an alternate

    deleted = await ss.users.delete_alternate_email(me.id, other.id or 0)
    check(last(emu), "DELETE", f"/users/{me.id}/alternateemails/{other.id}")
    assert deleted.result_code == 0
    with pytest.raises(NotFoundError):
        await ss.users.get_alternate_email(me.id, other.id or 0)
    with pytest.raises(ConfigurationError, match="at least one"):
        await ss.users.add_alternate_emails(me.id, [])
    with pytest.raises(ConfigurationError, match="user_id"):
        await ss.users.get_alternate_email("12", 1)  # type: ignore[arg-type]
