"""In-memory workspaces, folders (nested), workspace shares and templates of the emulated
account, and where each sheet lives (Home, a folder or a workspace)."""

from __future__ import annotations

import base64
import copy
from typing import TYPE_CHECKING, Any

import attrs

from .state import ApiFailure, SheetState, now_iso

if TYPE_CHECKING:
    from .account_state import AccountState

#: Where an object lives: ("home", 0), ("folder", id) or ("workspace", id).
Place = tuple[str, int]
HOME: Place = ("home", 0)

ACCESS_LEVELS = {"VIEWER", "COMMENTER", "EDITOR", "EDITOR_SHARE", "ADMIN", "OWNER"}


def _template(ident: int, name: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "name": name, "type": "sheet", **fields}


class Containers:
    def __init__(self, account: AccountState) -> None:
        self.account = account
        self.root = account.root
        self.workspaces: dict[int, dict[str, Any]] = {}
        self.shares: dict[int, list[dict[str, Any]]] = {}  # workspace id -> shares
        self.folders: dict[int, dict[str, Any]] = {}  # id -> {"id", "name", "place"}
        self.templates = [
            _template(
                account.next_id(),
                "Weekly Status Report",
                accessLevel="OWNER",
                description="Status, owner and due date per workstream.",
                blank=False,
            ),
            _template(
                account.next_id(),
                "Vendor Onboarding",
                accessLevel="OWNER",
                description="Checklist for bringing on a new vendor.",
                blank=False,
            ),
        ]
        self.public_templates = [
            _template(
                account.next_id(),
                name,
                accessLevel="VIEWER",
                blank=kind == "BLANK_SHEET",
                globalTemplate=kind,
                locale="en_US",
                categories=[category],
                tags=[category.lower()],
                description=description,
                image=f"https://app.smartsheet.com/images/templates/{kind.lower()}.png",
                largeImage=f"https://app.smartsheet.com/images/templates/{kind.lower()}_lg.png",
            )
            for name, kind, category, description in (
                ("Blank Sheet", "BLANK_SHEET", "Basic", "An empty grid."),
                ("Task List", "TASK_LIST", "Basic", "Tasks with assignees and due dates."),
                ("Project with Gantt", "PROJECT_SHEET", "Project", "A dependency-enabled plan."),
            )
        ]

    # -- lookups ---------------------------------------------------------------------------

    def workspace(self, workspace_id: int) -> dict[str, Any]:
        try:
            return self.workspaces[workspace_id]
        except KeyError:
            raise ApiFailure(404, 1006, f"Not Found: workspace {workspace_id}") from None

    def folder(self, folder_id: int) -> dict[str, Any]:
        try:
            return self.folders[folder_id]
        except KeyError:
            raise ApiFailure(404, 1006, f"Not Found: folder {folder_id}") from None

    def check_place(self, place: Place) -> Place:
        kind, ident = place
        if kind == "folder":
            self.folder(ident)
        elif kind == "workspace":
            self.workspace(ident)
        elif place != HOME:
            raise ApiFailure(400, 1031, f"The value {kind} was not valid for destinationType.")
        return place

    def place_of_sheet(self, sheet: SheetState) -> Place:
        """Where a sheet lives (the sheet routes set ``SheetState.container``)."""
        return sheet.container or HOME

    def file_sheet(self, sheet: SheetState, place: Place) -> None:
        """Put a sheet in Home, a folder or a workspace."""
        self.check_place(place)
        sheet.container = None if place == HOME else place

    def sheets_in(self, place: Place) -> list[SheetState]:
        return [s for s in self.root.sheets.values() if self.place_of_sheet(s) == place]

    def folders_in(self, place: Place) -> list[dict[str, Any]]:
        return [f for f in self.folders.values() if f["place"] == place]

    def workspace_of(self, place: Place) -> int | None:
        """The workspace a place is (transitively) in, if any."""
        for _ in range(10_000):
            kind, ident = place
            if kind == "workspace":
                return ident
            if kind != "folder" or ident not in self.folders:
                return None
            place = self.folders[ident]["place"]
        return None

    # -- wire bodies ------------------------------------------------------------------------

    def is_favorite(self, kind: str, ident: int) -> bool:
        return any(f["type"] == kind and f["objectId"] == ident for f in self.account.favorites)

    def folder_summary(self, folder: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": folder["id"],
            "name": folder["name"],
            "permalink": f"https://app.smartsheet.com/folders/{folder['id']}",
            "favorite": self.is_favorite("folder", folder["id"]),
        }

    def contents(self, place: Place, depth: int = 0) -> dict[str, Any]:
        """Folders (with their contents), sheets, reports, dashboards and templates."""
        if depth > 100:
            raise ApiFailure(500, 4000, "Folders are nested too deeply.")
        return {
            "folders": [
                {**self.folder_summary(f), **self.contents(("folder", f["id"]), depth + 1)}
                for f in self.folders_in(place)
            ],
            "sheets": [
                {**s.summary(), "favorite": self.is_favorite("sheet", s.id)}
                for s in self.sheets_in(place)
            ],
            "reports": [],
            "sights": [],
            "templates": [],
        }

    def workspace_summary(self, workspace: dict[str, Any]) -> dict[str, Any]:
        return {
            **workspace,
            "accessLevel": "OWNER",
            "permalink": f"https://app.smartsheet.com/workspaces/{workspace['id']}",
            "favorite": self.is_favorite("workspace", workspace["id"]),
        }

    # -- writes -----------------------------------------------------------------------------

    def create_workspace(self, name: str) -> dict[str, Any]:
        ident = self.account.next_id()
        stamp = now_iso()
        workspace = {"id": ident, "name": name, "createdAt": stamp, "modifiedAt": stamp}
        self.workspaces[ident] = workspace
        me = self.account.user(self.account.me_id)
        self.shares[ident] = [
            {
                "id": share_id("user", me["id"]),
                "type": "USER",
                "userId": me["id"],
                "email": me["email"],
                "name": me["name"],
                "accessLevel": "OWNER",
                "scope": "ITEM",
                "createdAt": stamp,
                "modifiedAt": stamp,
            }
        ]
        return workspace

    def create_folder(self, name: str, place: Place) -> dict[str, Any]:
        self.check_place(place)
        folder: dict[str, Any] = {"id": self.account.next_id(), "name": name, "place": place}
        self.folders[folder["id"]] = folder
        return folder

    def delete_place(self, place: Place) -> None:
        """Delete everything in a place (recursively), then the folder or workspace itself."""
        for sub in self.folders_in(place):
            self.delete_place(("folder", sub["id"]))
        for sheet in self.sheets_in(place):
            self.root.sheets.pop(sheet.id, None)
        kind, ident = place
        if kind == "folder":
            self.folders.pop(ident, None)
        elif kind == "workspace":
            self.workspaces.pop(ident, None)
            self.shares.pop(ident, None)
        self.account.favorites[:] = [
            f for f in self.account.favorites if (f["type"], f["objectId"]) != place
        ]

    def move_folder(self, folder_id: int, dest: Place) -> dict[str, Any]:
        folder = self.folder(folder_id)
        self.check_place(dest)
        cursor = dest
        for _ in range(10_000):
            if cursor == ("folder", folder_id):
                raise ApiFailure(400, 1258, "Cannot move folder under descendant.")
            if cursor[0] != "folder":
                break
            cursor = self.folders[cursor[1]]["place"]
        folder["place"] = dest
        return folder

    def copy_place(
        self, source: Place, dest: Place, name: str, *, with_data: bool
    ) -> dict[str, Any]:
        """Copy a folder's subfolders and sheets into a new folder ``name`` in ``dest``."""
        self.check_place(dest)
        folder = self.create_folder(name, dest)
        self._copy_contents(source, ("folder", folder["id"]), with_data)
        return folder

    def copy_workspace(self, workspace_id: int, name: str, *, with_data: bool) -> dict[str, Any]:
        self.workspace(workspace_id)
        workspace = self.create_workspace(name)
        self._copy_contents(("workspace", workspace_id), ("workspace", workspace["id"]), with_data)
        return workspace

    def _copy_contents(self, source: Place, dest: Place, with_data: bool) -> None:
        for sub in self.folders_in(source):
            new = self.create_folder(sub["name"], dest)
            self._copy_contents(("folder", sub["id"]), ("folder", new["id"]), with_data)
        for sheet in self.sheets_in(source):
            clone = self._copy_sheet(sheet, with_data)
            self.root.sheets[clone.id] = clone
            self.file_sheet(clone, dest)

    def _copy_sheet(self, sheet: SheetState, with_data: bool) -> SheetState:
        column_ids = {c["id"]: self.root.next_id() for c in sheet.columns}
        columns = [{**copy.deepcopy(c), "id": column_ids[c["id"]]} for c in sheet.columns]
        rows = []
        if with_data:
            row_ids = {r["id"]: self.root.next_id() for r in sheet.rows}
            for row in sheet.rows:
                clone = copy.deepcopy(row)
                clone["id"] = row_ids[row["id"]]
                if row.get("parentId") in row_ids:
                    clone["parentId"] = row_ids[row["parentId"]]
                for cell in clone.get("cells", []):
                    cell["columnId"] = column_ids.get(cell.get("columnId"), cell.get("columnId"))
                rows.append(clone)
        stamp = now_iso()
        return attrs.evolve(
            sheet,
            id=self.root.next_id(),
            columns=columns,
            rows=rows,
            version=1,
            created_at=stamp,
            modified_at=stamp,
            extra={},
            shares=[],
            history={},
        )


def share_id(kind: str, ident: int | str) -> str:
    """Share ids are opaque strings; user and group shares have different id spaces."""
    raw = f"{kind[0]}:{ident}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
