"""Operation walk entries for the operations added to the API since the October 2024 spec
(token-paged children and metadata, asset shares, plans, report structure, paths, filters,
data classification) and the deprecated ``GET /home``: one call per operationId (dummy ids;
an API error answer is fine)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from smartsuite.smartsheet import SmartsheetClient

Call = Callable[[SmartsheetClient], Awaitable[object]]
SHARE = {"email": "walk@example.com", "accessLevel": "VIEWER"}
SCOPE = [("sheet", 1)]


async def _first(paginator: object) -> object:
    return await paginator  # type: ignore[misc]


def _shim(ss: SmartsheetClient, name: str) -> Any:
    return getattr(ss.sharing, name)


CALLS: dict[str, Call] = {
    # containers
    "get-workspace-metadata": lambda ss: ss.workspaces.metadata(1),
    "get-workspace-children": lambda ss: _first(ss.workspaces.children(1)),
    "get-folder-metadata": lambda ss: ss.folders.metadata(1),
    "get-folder-children": lambda ss: _first(ss.folders.children(1)),
    "list-all-contents": lambda ss: ss.home.list_all_contents(),
    # paths
    "get-sheet-path": lambda ss: ss.paths.sheet(1),
    "get-report-path": lambda ss: ss.paths.report(1),
    "get-sight-path": lambda ss: ss.paths.dashboard(1),
    "get-folder-path": lambda ss: ss.paths.folder(1),
    # asset shares
    "list-asset-shares": lambda ss: _first(ss.shares.list("sheet", 1)),
    "share-asset": lambda ss: ss.shares.share("sheet", 1, SHARE),
    "get-asset-share": lambda ss: ss.shares.get("sheet", 1, "abc"),
    "update-asset-share": lambda ss: ss.shares.update("sheet", 1, "abc", "EDITOR"),
    "delete-asset-share": lambda ss: ss.shares.delete("sheet", 1, "abc"),
    # users and plans
    "list-user-plans": lambda ss: _first(ss.users.list_plans(1)),
    "upgrade-user": lambda ss: ss.users.upgrade(1, 2, "MEMBER"),
    "downgrade-user": lambda ss: ss.users.downgrade(1, 2, "CONTRIBUTOR"),
    "remove-user-from-plan": lambda ss: ss.users.remove_from_plan(1, 2),
    # reports
    "create-report": lambda ss: ss.reports.create("Walk", scope=SCOPE),
    "delete-report": lambda ss: ss.reports.delete(1),
    "get-report-definition": lambda ss: ss.reports.get_definition(1),
    "update-report-definition": lambda ss: ss.reports.update_definition(1, {"filters": {}}),
    "list-report-scope": lambda ss: _first(ss.reports.list_scope(1)),
    "add-report-scope": lambda ss: ss.reports.add_scope(1, SCOPE),
    "remove-report-scope": lambda ss: ss.reports.remove_scope(1, SCOPE),
    "list-report-columns": lambda ss: _first(ss.reports.list_columns(1)),
    "add-report-columns": lambda ss: ss.reports.add_columns(1, [{"title": "Name"}]),
    "get-report-column": lambda ss: ss.reports.get_column(1, 2),
    "update-report-column": lambda ss: ss.reports.update_column(1, 2, title="T"),
    "delete-report-column": lambda ss: ss.reports.delete_column(1, 2),
    # sheet filters
    "list-sheet-filters": lambda ss: _first(ss.sheet_filters.list(1)),
    "get-sheet-filter": lambda ss: ss.sheet_filters.get(1, 2),
    "delete-sheet-filter": lambda ss: ss.sheet_filters.delete(1, 2),
    # data classification
    "get-data-classification-settings": lambda ss: ss.governance.data_classification_settings(
        plan_id=1
    ),
    "set-sheet-data-classification": lambda ss: ss.governance.set_sheet_classification(1, "Public"),
}

#: The old methods of removed operations: each must warn and reach the replacement instead.
SHIMS: dict[str, Call] = {
    "get-workspace": lambda ss: ss.workspaces.get(1),
    "get-workspace-folders": lambda ss: _first(ss.workspaces.list_folders(1)),
    "get-folder": lambda ss: ss.folders.get(1),
    "list-folders": lambda ss: _first(ss.folders.list_folders(1)),
    "templates-list": lambda ss: _first(ss.templates.list(workspace_id=1)),
    **{
        f"{verb}-{kind}-share{tail}": call
        for kind, method in (
            ("sheet", "sheet"),
            ("report", "report"),
            ("sight", "dashboard"),
            ("workspace", "workspace"),
        )
        for verb, tail, call in (
            ("list", "s", lambda ss, m=method: _first(getattr(ss.sharing, f"list_{m}_shares")(1))),
            (
                "update",
                "",
                lambda ss, m=method: getattr(ss.sharing, f"update_{m}_share")(1, "a", "EDITOR"),
            ),
            ("delete", "", lambda ss, m=method: getattr(ss.sharing, f"delete_{m}_share")(1, "a")),
        )
    },
    "share-sheet": lambda ss: ss.sharing.share_sheet(1, SHARE),
    "share-report": lambda ss: ss.sharing.share_report(1, SHARE),
    "share-sight": lambda ss: ss.sharing.share_dashboard(1, SHARE),
    "share-workspace": lambda ss: ss.sharing.share_workspace(1, SHARE),
    "share-sheet-get": lambda ss: ss.sharing.get_sheet_share(1, "a"),
    "share-report-get": lambda ss: ss.sharing.get_report_share(1, "a"),
    "share-sight-get": lambda ss: ss.sharing.get_dashboard_share(1, "a"),
    "share-workspace-get": lambda ss: ss.sharing.get_workspace_share(1, "a"),
}
