"""Operation walk entries for users, alternate emails, groups, workspaces,
folders, Home, favorites, templates, contacts, server info, events and search: one call per
operationId (dummy ids; an API error answer is fine)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable

from smartsuite.smartsheet import SmartsheetClient

Call = Callable[[SmartsheetClient], Awaitable[object]]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16

CALLS: dict[str, Call] = {
    # users
    "list-users": lambda ss: ss.users.list(),
    "get-current-user": lambda ss: ss.users.me(),
    "get-user": lambda ss: ss.users.get(1),
    "add-user": lambda ss: ss.users.add("walk.user@example.com"),
    "update-user": lambda ss: ss.users.update(1, first_name="Walk"),
    "remove-user": lambda ss: ss.users.remove(1),
    "deactivate-user": lambda ss: ss.users.deactivate(1),
    "reactivate-user": lambda ss: ss.users.reactivate(1),
    "update-user-profile-image": lambda ss: ss.users.update_profile_image(
        1, PNG, filename="me.png"
    ),
    # alternate emails
    "list-alternate-emails": lambda ss: ss.users.list_alternate_emails(1),
    "get-alternate-email": lambda ss: ss.users.get_alternate_email(1, 2),
    "add-alternate-email": lambda ss: ss.users.add_alternate_emails(1, "alt@example.com"),
    "delete-alternate-email": lambda ss: ss.users.delete_alternate_email(1, 2),
    "promote-alternate-email": lambda ss: ss.users.make_alternate_email_primary(1, 2),
    # groups and members
    "list-groups": lambda ss: ss.groups.list(),
    "get-group": lambda ss: ss.groups.get(1),
    "add-group": lambda ss: ss.groups.create("Walkers"),
    "update-group": lambda ss: ss.groups.update(1, name="Walkers 2"),
    "delete-group": lambda ss: ss.groups.delete(1),
    "add-group-members": lambda ss: ss.groups.add_members(1, "m@example.com"),
    "delete-group-members": lambda ss: ss.groups.remove_member(1, 2),
    # workspaces
    "list-workspaces": lambda ss: ss.workspaces.list(),
    "create-workspace": lambda ss: ss.workspaces.create("Walk"),
    "update-workspace": lambda ss: ss.workspaces.update(1, "Walk 2"),
    "delete-workspace": lambda ss: ss.workspaces.delete(1),
    "copy-workspace": lambda ss: ss.workspaces.copy(1, "Walk copy"),
    "create-workspace-folder": lambda ss: ss.workspaces.create_folder(1, "F"),
    # folders
    "update-folder": lambda ss: ss.folders.update(1, "F2"),
    "delete-folder": lambda ss: ss.folders.delete(1),
    "create-folder-folder": lambda ss: ss.folders.create_folder(1, "Sub"),
    "copy-folder": lambda ss: ss.folders.copy(1, "home", None),
    "move-folder": lambda ss: ss.folders.move(1, "folder", 2),
    # home
    "list-home-contents": lambda ss: ss.home.contents(),
    "home-list-folders": lambda ss: ss.home.list_folders(),
    "create-home-folder": lambda ss: ss.home.create_folder("Walk folder"),
    # favorites
    "get-favorites": lambda ss: ss.favorites.list(),
    "add-favorite": lambda ss: ss.favorites.add(("sheet", 1)),
    "is-favorite": lambda ss: ss.favorites.is_favorite("sheet", 1),
    "delete-favorites-by-type": lambda ss: ss.favorites.remove("sheet", [1, 2]),
    "delete-favorites-by-type-and-id": lambda ss: ss.favorites.remove_one("sheet", 1),
    # templates, contacts, server info
    "list-contacts": lambda ss: ss.contacts.list(),
    "get-contact": lambda ss: ss.contacts.get("AAAAATYU54QAD7_fNhTnhA"),
    "serverinfo-get": lambda ss: ss.server_info.get(),
    # events and search
    "list-events": lambda ss: ss.events.list(since=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
    "list-search": lambda ss: ss.search.everything("walk"),
    "list-search-sheet": lambda ss: ss.search.sheet(1, "walk"),
}
