"""The Smartsheet API operations as they are in late 2026 (generated once from the reference
table of issue 13 and checked in: nothing reads it from outside the package).

Each entry is ``(operationId, method, path, status, replacement)``; ``status`` is ``same``,
``changed`` or ``new`` (against the October 2024 spec), ``deprecated`` (answered, warns) or
``removed`` (gone since 2026-06-03; ``replacement`` names what the shim calls, empty when
Smartsheet names none). New operationIds follow the developers.smartsheet.com reference slugs
(``get-workspace-children``, ``list-asset-shares``), or the Python SDK 4.4.0 method name in the
same kebab-case where no slug was found.
"""

from __future__ import annotations

from typing import NamedTuple


class ApiOperation(NamedTuple):
    operation_id: str
    method: str
    path: str
    status: str
    replacement: str


#: The day the 2025-08-04 deprecations took effect.
SUNSET = "2026-06-03"

OPERATIONS: tuple[ApiOperation, ...] = (
    ApiOperation("list-contacts", "GET", "/contacts", "same", ""),
    ApiOperation("get-contact", "GET", "/contacts/{contactId}", "same", ""),
    ApiOperation("list-events", "GET", "/events", "changed", ""),
    ApiOperation("get-favorites", "GET", "/favorites", "same", ""),
    ApiOperation("add-favorite", "POST", "/favorites", "same", ""),
    ApiOperation("delete-favorites-by-type", "DELETE", "/favorites/{favoriteType}", "same", ""),
    ApiOperation(
        "delete-favorites-by-type-and-id",
        "DELETE",
        "/favorites/{favoriteType}/{favoriteId}",
        "same",
        "",
    ),
    ApiOperation("is-favorite", "GET", "/favorites/{favoriteType}/{favoriteId}", "same", ""),
    ApiOperation("list-home-contents", "GET", "/folders/personal", "deprecated", ""),
    ApiOperation("delete-folder", "DELETE", "/folders/{folderId}", "same", ""),
    ApiOperation(
        "get-folder",
        "GET",
        "/folders/{folderId}",
        "removed",
        "ss.folders.metadata + ss.folders.children",
    ),
    ApiOperation("update-folder", "PUT", "/folders/{folderId}", "same", ""),
    ApiOperation("get-folder-children", "GET", "/folders/{folderId}/children", "new", ""),
    ApiOperation("copy-folder", "POST", "/folders/{folderId}/copy", "same", ""),
    ApiOperation(
        "list-folders",
        "GET",
        "/folders/{folderId}/folders",
        "removed",
        "ss.folders.children(resource_types=[folders])",
    ),
    ApiOperation("create-folder-folder", "POST", "/folders/{folderId}/folders", "changed", ""),
    ApiOperation("get-folder-metadata", "GET", "/folders/{folderId}/metadata", "new", ""),
    ApiOperation("move-folder", "POST", "/folders/{folderId}/move", "same", ""),
    ApiOperation("get-folder-path", "GET", "/folders/{folderId}/path", "new", ""),
    ApiOperation("create-sheet-in-folder", "POST", "/folders/{folderId}/sheets", "same", ""),
    ApiOperation(
        "import-sheet-into-folder", "POST", "/folders/{folderId}/sheets/import", "same", ""
    ),
    ApiOperation(
        "get-data-classification-settings",
        "GET",
        "/governance/data-classification/settings",
        "new",
        "",
    ),
    ApiOperation("list-groups", "GET", "/groups", "same", ""),
    ApiOperation("add-group", "POST", "/groups", "same", ""),
    ApiOperation("delete-group", "DELETE", "/groups/{groupId}", "same", ""),
    ApiOperation("get-group", "GET", "/groups/{groupId}", "same", ""),
    ApiOperation("update-group", "PUT", "/groups/{groupId}", "same", ""),
    ApiOperation("add-group-members", "POST", "/groups/{groupId}/members", "same", ""),
    ApiOperation(
        "delete-group-members", "DELETE", "/groups/{groupId}/members/{userId}", "same", ""
    ),
    ApiOperation("list-all-contents", "GET", "/home", "deprecated", ""),
    ApiOperation("home-list-folders", "GET", "/home/folders", "deprecated", ""),
    ApiOperation("create-home-folder", "POST", "/home/folders", "deprecated", ""),
    ApiOperation("listImageUrls", "POST", "/imageurls", "same", ""),
    ApiOperation("getReports", "GET", "/reports", "same", ""),
    ApiOperation("create-report", "POST", "/reports", "new", ""),
    ApiOperation("delete-report", "DELETE", "/reports/{reportId}", "new", ""),
    ApiOperation("getReport", "GET", "/reports/{reportId}", "same", ""),
    ApiOperation("list-report-columns", "GET", "/reports/{reportId}/columns", "new", ""),
    ApiOperation("add-report-columns", "POST", "/reports/{reportId}/columns", "new", ""),
    ApiOperation(
        "delete-report-column", "DELETE", "/reports/{reportId}/columns/{columnVirtualId}", "new", ""
    ),
    ApiOperation(
        "get-report-column", "GET", "/reports/{reportId}/columns/{columnVirtualId}", "new", ""
    ),
    ApiOperation(
        "update-report-column", "PUT", "/reports/{reportId}/columns/{columnVirtualId}", "new", ""
    ),
    ApiOperation("get-report-definition", "GET", "/reports/{reportId}/definition", "new", ""),
    ApiOperation("update-report-definition", "PUT", "/reports/{reportId}/definition", "new", ""),
    ApiOperation("sendReportViaEmail", "POST", "/reports/{reportId}/emails", "same", ""),
    ApiOperation("get-report-path", "GET", "/reports/{reportId}/path", "new", ""),
    ApiOperation("getReportPublish", "GET", "/reports/{reportId}/publish", "same", ""),
    ApiOperation("SetReportPublish", "PUT", "/reports/{reportId}/publish", "same", ""),
    ApiOperation("remove-report-scope", "DELETE", "/reports/{reportId}/scope", "new", ""),
    ApiOperation("list-report-scope", "GET", "/reports/{reportId}/scope", "new", ""),
    ApiOperation("add-report-scope", "POST", "/reports/{reportId}/scope", "new", ""),
    ApiOperation(
        "list-report-shares",
        "GET",
        "/reports/{reportId}/shares",
        "removed",
        "ss.shares.list(report, ...)",
    ),
    ApiOperation(
        "share-report",
        "POST",
        "/reports/{reportId}/shares",
        "removed",
        "ss.shares.share(report, ...)",
    ),
    ApiOperation(
        "delete-report-share",
        "DELETE",
        "/reports/{reportId}/shares/{shareId}",
        "removed",
        "ss.shares.delete(report, ...)",
    ),
    ApiOperation(
        "share-report-get",
        "GET",
        "/reports/{reportId}/shares/{shareId}",
        "removed",
        "ss.shares.get(report, ...)",
    ),
    ApiOperation(
        "update-report-share",
        "PUT",
        "/reports/{reportId}/shares/{shareId}",
        "removed",
        "ss.shares.update(report, ...)",
    ),
    ApiOperation("list-search", "GET", "/search", "same", ""),
    ApiOperation("list-search-sheet", "GET", "/search/sheets/{sheetId}", "same", ""),
    ApiOperation("serverinfo-get", "GET", "/serverinfo", "same", ""),
    ApiOperation("list-asset-shares", "GET", "/shares", "new", ""),
    ApiOperation("share-asset", "POST", "/shares", "new", ""),
    ApiOperation("delete-asset-share", "DELETE", "/shares/{shareId}", "new", ""),
    ApiOperation("get-asset-share", "GET", "/shares/{shareId}", "new", ""),
    ApiOperation("update-asset-share", "PATCH", "/shares/{shareId}", "new", ""),
    ApiOperation("list-sheets", "GET", "/sheets", "same", ""),
    ApiOperation("create-sheet-in-sheets-folder", "POST", "/sheets", "deprecated", ""),
    ApiOperation("import-sheet-into-sheets-folder", "POST", "/sheets/import", "same", ""),
    ApiOperation("deleteSheet", "DELETE", "/sheets/{sheetId}", "same", ""),
    ApiOperation("getSheet", "GET", "/sheets/{sheetId}", "same", ""),
    ApiOperation("updateSheet", "PUT", "/sheets/{sheetId}", "same", ""),
    ApiOperation("attachments-listOnSheet", "GET", "/sheets/{sheetId}/attachments", "same", ""),
    ApiOperation("attachments-attachToSheet", "POST", "/sheets/{sheetId}/attachments", "same", ""),
    ApiOperation(
        "attachments-delete", "DELETE", "/sheets/{sheetId}/attachments/{attachmentId}", "same", ""
    ),
    ApiOperation(
        "attachments-get", "GET", "/sheets/{sheetId}/attachments/{attachmentId}", "same", ""
    ),
    ApiOperation(
        "attachments-versionsDelete",
        "DELETE",
        "/sheets/{sheetId}/attachments/{attachmentId}/versions",
        "same",
        "",
    ),
    ApiOperation(
        "attachments-versionList",
        "GET",
        "/sheets/{sheetId}/attachments/{attachmentId}/versions",
        "same",
        "",
    ),
    ApiOperation(
        "attachments-versionUpload",
        "POST",
        "/sheets/{sheetId}/attachments/{attachmentId}/versions",
        "same",
        "",
    ),
    ApiOperation("automationrules-list", "GET", "/sheets/{sheetId}/automationrules", "same", ""),
    ApiOperation(
        "automationrule-delete",
        "DELETE",
        "/sheets/{sheetId}/automationrules/{automationRuleId}",
        "same",
        "",
    ),
    ApiOperation(
        "automationrule-get",
        "GET",
        "/sheets/{sheetId}/automationrules/{automationRuleId}",
        "same",
        "",
    ),
    ApiOperation(
        "automationrule-update",
        "PUT",
        "/sheets/{sheetId}/automationrules/{automationRuleId}",
        "same",
        "",
    ),
    ApiOperation("columns-listOnSheet", "GET", "/sheets/{sheetId}/columns", "same", ""),
    ApiOperation("columns-addToSheet", "POST", "/sheets/{sheetId}/columns", "same", ""),
    ApiOperation("column-delete", "DELETE", "/sheets/{sheetId}/columns/{columnId}", "same", ""),
    ApiOperation("column-get", "GET", "/sheets/{sheetId}/columns/{columnId}", "same", ""),
    ApiOperation("column-updateColumn", "PUT", "/sheets/{sheetId}/columns/{columnId}", "same", ""),
    ApiOperation("comment-delete", "DELETE", "/sheets/{sheetId}/comments/{commentId}", "same", ""),
    ApiOperation("comment-get", "GET", "/sheets/{sheetId}/comments/{commentId}", "same", ""),
    ApiOperation("comment-edit", "PUT", "/sheets/{sheetId}/comments/{commentId}", "same", ""),
    ApiOperation(
        "attachments-attachToComment",
        "POST",
        "/sheets/{sheetId}/comments/{commentId}/attachments",
        "same",
        "",
    ),
    ApiOperation("copy-sheet", "POST", "/sheets/{sheetId}/copy", "same", ""),
    ApiOperation(
        "list-crosssheet-references", "GET", "/sheets/{sheetId}/crosssheetreferences", "same", ""
    ),
    ApiOperation(
        "add-crosssheet-reference", "POST", "/sheets/{sheetId}/crosssheetreferences", "same", ""
    ),
    ApiOperation(
        "get-crosssheet-reference",
        "GET",
        "/sheets/{sheetId}/crosssheetreferences/{crossSheetReferenceId}",
        "same",
        "",
    ),
    ApiOperation(
        "set-sheet-data-classification", "PUT", "/sheets/{sheetId}/dataclassification", "new", ""
    ),
    ApiOperation("discussions-list", "GET", "/sheets/{sheetId}/discussions", "same", ""),
    ApiOperation("discussions-create", "POST", "/sheets/{sheetId}/discussions", "same", ""),
    ApiOperation(
        "discussion-delete", "DELETE", "/sheets/{sheetId}/discussions/{discussionId}", "same", ""
    ),
    ApiOperation(
        "discussion-get", "GET", "/sheets/{sheetId}/discussions/{discussionId}", "same", ""
    ),
    ApiOperation(
        "discussion-listAttachments",
        "GET",
        "/sheets/{sheetId}/discussions/{discussionId}/attachments",
        "same",
        "",
    ),
    ApiOperation(
        "comments-create",
        "POST",
        "/sheets/{sheetId}/discussions/{discussionId}/comments",
        "same",
        "",
    ),
    ApiOperation("sheet-send", "POST", "/sheets/{sheetId}/emails", "same", ""),
    ApiOperation("list-sheet-filters", "GET", "/sheets/{sheetId}/filters", "new", ""),
    ApiOperation(
        "delete-sheet-filter", "DELETE", "/sheets/{sheetId}/filters/{filterId}", "new", ""
    ),
    ApiOperation("get-sheet-filter", "GET", "/sheets/{sheetId}/filters/{filterId}", "new", ""),
    ApiOperation("move-sheet", "POST", "/sheets/{sheetId}/move", "same", ""),
    ApiOperation("get-sheet-path", "GET", "/sheets/{sheetId}/path", "new", ""),
    ApiOperation("proofs-getAllProofs", "GET", "/sheets/{sheetId}/proofs", "same", ""),
    ApiOperation("proofs-delete", "DELETE", "/sheets/{sheetId}/proofs/{proofId}", "same", ""),
    ApiOperation("proofs-get", "GET", "/sheets/{sheetId}/proofs/{proofId}", "same", ""),
    ApiOperation("proofs-update", "PUT", "/sheets/{sheetId}/proofs/{proofId}", "same", ""),
    ApiOperation(
        "proofs-listAttachments",
        "GET",
        "/sheets/{sheetId}/proofs/{proofId}/attachments",
        "same",
        "",
    ),
    ApiOperation(
        "proofs-attachToProof", "POST", "/sheets/{sheetId}/proofs/{proofId}/attachments", "same", ""
    ),
    ApiOperation(
        "proofs-listDiscussions",
        "GET",
        "/sheets/{sheetId}/proofs/{proofId}/discussions",
        "same",
        "",
    ),
    ApiOperation(
        "proofs-createDiscussion",
        "POST",
        "/sheets/{sheetId}/proofs/{proofId}/discussions",
        "same",
        "",
    ),
    ApiOperation(
        "proofs-listRequestActions",
        "GET",
        "/sheets/{sheetId}/proofs/{proofId}/requestactions",
        "same",
        "",
    ),
    ApiOperation(
        "proofs-deleteProofRequests",
        "DELETE",
        "/sheets/{sheetId}/proofs/{proofId}/requests",
        "same",
        "",
    ),
    ApiOperation(
        "proofs-createProofRequests",
        "POST",
        "/sheets/{sheetId}/proofs/{proofId}/requests",
        "same",
        "",
    ),
    ApiOperation(
        "proofs-deleteVersion", "DELETE", "/sheets/{sheetId}/proofs/{proofId}/versions", "same", ""
    ),
    ApiOperation(
        "proofs-getVersions", "GET", "/sheets/{sheetId}/proofs/{proofId}/versions", "same", ""
    ),
    ApiOperation(
        "proofs-createVersion", "POST", "/sheets/{sheetId}/proofs/{proofId}/versions", "same", ""
    ),
    ApiOperation("get-sheetPublish", "GET", "/sheets/{sheetId}/publish", "same", ""),
    ApiOperation("set-sheetPublish", "PUT", "/sheets/{sheetId}/publish", "same", ""),
    ApiOperation("delete-rows", "DELETE", "/sheets/{sheetId}/rows", "same", ""),
    ApiOperation("rows-addToSheet", "POST", "/sheets/{sheetId}/rows", "same", ""),
    ApiOperation("update-rows", "PUT", "/sheets/{sheetId}/rows", "same", ""),
    ApiOperation("copy-rows", "POST", "/sheets/{sheetId}/rows/copy", "same", ""),
    ApiOperation("rows-send", "POST", "/sheets/{sheetId}/rows/emails", "same", ""),
    ApiOperation("move-rows", "POST", "/sheets/{sheetId}/rows/move", "same", ""),
    ApiOperation("row-get", "GET", "/sheets/{sheetId}/rows/{rowId}", "same", ""),
    ApiOperation(
        "attachments-listOnRow", "GET", "/sheets/{sheetId}/rows/{rowId}/attachments", "same", ""
    ),
    ApiOperation(
        "row-attachments-attachFile",
        "POST",
        "/sheets/{sheetId}/rows/{rowId}/attachments",
        "same",
        "",
    ),
    ApiOperation(
        "addImageToCell",
        "POST",
        "/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/cellimages",
        "same",
        "",
    ),
    ApiOperation(
        "cellHistory-get",
        "GET",
        "/sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history",
        "same",
        "",
    ),
    ApiOperation(
        "row-discussions-list", "GET", "/sheets/{sheetId}/rows/{rowId}/discussions", "same", ""
    ),
    ApiOperation(
        "row-discussions-create", "POST", "/sheets/{sheetId}/rows/{rowId}/discussions", "same", ""
    ),
    ApiOperation("proofs-create", "POST", "/sheets/{sheetId}/rows/{rowId}/proofs", "same", ""),
    ApiOperation(
        "sentupdaterequests-list", "GET", "/sheets/{sheetId}/sentupdaterequests", "same", ""
    ),
    ApiOperation(
        "sentupdaterequest-delete",
        "DELETE",
        "/sheets/{sheetId}/sentupdaterequests/{sentUpdateRequestId}",
        "same",
        "",
    ),
    ApiOperation(
        "sentupdaterequest-get",
        "GET",
        "/sheets/{sheetId}/sentupdaterequests/{sentUpdateRequestId}",
        "same",
        "",
    ),
    ApiOperation(
        "list-sheet-shares",
        "GET",
        "/sheets/{sheetId}/shares",
        "removed",
        "ss.shares.list(sheet, ...)",
    ),
    ApiOperation(
        "share-sheet", "POST", "/sheets/{sheetId}/shares", "removed", "ss.shares.share(sheet, ...)"
    ),
    ApiOperation(
        "delete-sheet-share",
        "DELETE",
        "/sheets/{sheetId}/shares/{shareId}",
        "removed",
        "ss.shares.delete(sheet, ...)",
    ),
    ApiOperation(
        "share-sheet-get",
        "GET",
        "/sheets/{sheetId}/shares/{shareId}",
        "removed",
        "ss.shares.get(sheet, ...)",
    ),
    ApiOperation(
        "update-sheet-share",
        "PUT",
        "/sheets/{sheetId}/shares/{shareId}",
        "removed",
        "ss.shares.update(sheet, ...)",
    ),
    ApiOperation("rows-sort", "POST", "/sheets/{sheetId}/sort", "same", ""),
    ApiOperation("list-summary-fields", "GET", "/sheets/{sheetId}/summary", "same", ""),
    ApiOperation("delete-summary-fields", "DELETE", "/sheets/{sheetId}/summary/fields", "same", ""),
    ApiOperation(
        "list-summary-fields-paginated", "GET", "/sheets/{sheetId}/summary/fields", "same", ""
    ),
    ApiOperation("add-summary-fields", "POST", "/sheets/{sheetId}/summary/fields", "same", ""),
    ApiOperation("update-summary-fields", "PUT", "/sheets/{sheetId}/summary/fields", "same", ""),
    ApiOperation(
        "add-image-summaryField",
        "POST",
        "/sheets/{sheetId}/summary/fields/{fieldId}/images",
        "same",
        "",
    ),
    ApiOperation("updaterequests-list", "GET", "/sheets/{sheetId}/updaterequests", "same", ""),
    ApiOperation("updaterequests-create", "POST", "/sheets/{sheetId}/updaterequests", "same", ""),
    ApiOperation(
        "updaterequests-delete",
        "DELETE",
        "/sheets/{sheetId}/updaterequests/{updateRequestId}",
        "same",
        "",
    ),
    ApiOperation(
        "updaterequests-get",
        "GET",
        "/sheets/{sheetId}/updaterequests/{updateRequestId}",
        "same",
        "",
    ),
    ApiOperation(
        "updaterequests-update",
        "PUT",
        "/sheets/{sheetId}/updaterequests/{updateRequestId}",
        "same",
        "",
    ),
    ApiOperation("get-sheetVersion", "GET", "/sheets/{sheetId}/version", "same", ""),
    ApiOperation("list-sights", "GET", "/sights", "changed", ""),
    ApiOperation("delete-sight", "DELETE", "/sights/{sightId}", "same", ""),
    ApiOperation("get-sight", "GET", "/sights/{sightId}", "same", ""),
    ApiOperation("update-sight", "PUT", "/sights/{sightId}", "same", ""),
    ApiOperation("copy-sight", "POST", "/sights/{sightId}/copy", "same", ""),
    ApiOperation("move-sight", "POST", "/sights/{sightId}/move", "same", ""),
    ApiOperation("get-sight-path", "GET", "/sights/{sightId}/path", "new", ""),
    ApiOperation("get-sight-publish-status", "GET", "/sights/{sightId}/publish", "same", ""),
    ApiOperation("set-sight-publish-status", "PUT", "/sights/{sightId}/publish", "same", ""),
    ApiOperation(
        "list-sight-shares",
        "GET",
        "/sights/{sightId}/shares",
        "removed",
        "ss.shares.list(sight, ...)",
    ),
    ApiOperation(
        "share-sight", "POST", "/sights/{sightId}/shares", "removed", "ss.shares.share(sight, ...)"
    ),
    ApiOperation(
        "delete-sight-share",
        "DELETE",
        "/sights/{sightId}/shares/{shareId}",
        "removed",
        "ss.shares.delete(sight, ...)",
    ),
    ApiOperation(
        "share-sight-get",
        "GET",
        "/sights/{sightId}/shares/{shareId}",
        "removed",
        "ss.shares.get(sight, ...)",
    ),
    ApiOperation(
        "update-sight-share",
        "PUT",
        "/sights/{sightId}/shares/{shareId}",
        "removed",
        "ss.shares.update(sight, ...)",
    ),
    ApiOperation(
        "templates-list",
        "GET",
        "/templates",
        "removed",
        "ss.workspaces/folders.children(resource_types=[sheets, templates])",
    ),
    ApiOperation("templates-listPublic", "GET", "/templates/public", "removed", ""),
    ApiOperation("tokens-delete", "DELETE", "/token", "same", ""),
    ApiOperation("tokens-getOrRefresh", "POST", "/token", "same", ""),
    ApiOperation("list-users", "GET", "/users", "changed", ""),
    ApiOperation("add-user", "POST", "/users", "changed", ""),
    ApiOperation("get-current-user", "GET", "/users/me", "same", ""),
    ApiOperation("list-org-sheets", "GET", "/users/sheets", "same", ""),
    ApiOperation("remove-user", "DELETE", "/users/{userId}", "same", ""),
    ApiOperation("get-user", "GET", "/users/{userId}", "same", ""),
    ApiOperation("update-user", "PUT", "/users/{userId}", "same", ""),
    ApiOperation("list-alternate-emails", "GET", "/users/{userId}/alternateemails", "same", ""),
    ApiOperation("add-alternate-email", "POST", "/users/{userId}/alternateemails", "same", ""),
    ApiOperation(
        "delete-alternate-email",
        "DELETE",
        "/users/{userId}/alternateemails/{alternateEmailId}",
        "same",
        "",
    ),
    ApiOperation(
        "get-alternate-email",
        "GET",
        "/users/{userId}/alternateemails/{alternateEmailId}",
        "same",
        "",
    ),
    ApiOperation(
        "promote-alternate-email",
        "POST",
        "/users/{userId}/alternateemails/{alternateEmailId}/makeprimary",
        "same",
        "",
    ),
    ApiOperation("deactivate-user", "POST", "/users/{userId}/deactivate", "same", ""),
    ApiOperation("list-user-plans", "GET", "/users/{userId}/plans", "new", ""),
    ApiOperation("remove-user-from-plan", "DELETE", "/users/{userId}/plans/{planId}", "new", ""),
    ApiOperation("downgrade-user", "POST", "/users/{userId}/plans/{planId}/downgrade", "new", ""),
    ApiOperation("upgrade-user", "POST", "/users/{userId}/plans/{planId}/upgrade", "new", ""),
    ApiOperation("update-user-profile-image", "POST", "/users/{userId}/profileimage", "same", ""),
    ApiOperation("reactivate-user", "POST", "/users/{userId}/reactivate", "same", ""),
    ApiOperation("list-webhooks", "GET", "/webhooks", "changed", ""),
    ApiOperation("createWebhook", "POST", "/webhooks", "changed", ""),
    ApiOperation("deleteWebhook", "DELETE", "/webhooks/{webhookId}", "same", ""),
    ApiOperation("getWebhook", "GET", "/webhooks/{webhookId}", "same", ""),
    ApiOperation("updateWebhook", "PUT", "/webhooks/{webhookId}", "same", ""),
    ApiOperation(
        "resetSharedSecret", "POST", "/webhooks/{webhookId}/resetSharedSecret", "same", ""
    ),
    ApiOperation("list-workspaces", "GET", "/workspaces", "changed", ""),
    ApiOperation("create-workspace", "POST", "/workspaces", "changed", ""),
    ApiOperation("delete-workspace", "DELETE", "/workspaces/{workspaceId}", "same", ""),
    ApiOperation(
        "get-workspace",
        "GET",
        "/workspaces/{workspaceId}",
        "removed",
        "ss.workspaces.metadata + ss.workspaces.children",
    ),
    ApiOperation("update-workspace", "PUT", "/workspaces/{workspaceId}", "same", ""),
    ApiOperation("get-workspace-children", "GET", "/workspaces/{workspaceId}/children", "new", ""),
    ApiOperation("copy-workspace", "POST", "/workspaces/{workspaceId}/copy", "same", ""),
    ApiOperation(
        "get-workspace-folders",
        "GET",
        "/workspaces/{workspaceId}/folders",
        "removed",
        "ss.workspaces.children(resource_types=[folders])",
    ),
    ApiOperation(
        "create-workspace-folder", "POST", "/workspaces/{workspaceId}/folders", "same", ""
    ),
    ApiOperation("get-workspace-metadata", "GET", "/workspaces/{workspaceId}/metadata", "new", ""),
    ApiOperation(
        "list-workspace-shares",
        "GET",
        "/workspaces/{workspaceId}/shares",
        "removed",
        "ss.shares.list(workspace, ...)",
    ),
    ApiOperation(
        "share-workspace",
        "POST",
        "/workspaces/{workspaceId}/shares",
        "removed",
        "ss.shares.share(workspace, ...)",
    ),
    ApiOperation(
        "delete-workspace-share",
        "DELETE",
        "/workspaces/{workspaceId}/shares/{shareId}",
        "removed",
        "ss.shares.delete(workspace, ...)",
    ),
    ApiOperation(
        "share-workspace-get",
        "GET",
        "/workspaces/{workspaceId}/shares/{shareId}",
        "removed",
        "ss.shares.get(workspace, ...)",
    ),
    ApiOperation(
        "update-workspace-share",
        "PUT",
        "/workspaces/{workspaceId}/shares/{shareId}",
        "removed",
        "ss.shares.update(workspace, ...)",
    ),
    ApiOperation(
        "create-sheet-in-workspace", "POST", "/workspaces/{workspaceId}/sheets", "same", ""
    ),
    ApiOperation(
        "import-sheet-into-workspace", "POST", "/workspaces/{workspaceId}/sheets/import", "same", ""
    ),
)


def current() -> dict[str, ApiOperation]:
    """The operations the API answers (every status but ``removed``), by operationId."""
    return {o.operation_id: o for o in OPERATIONS if o.status != "removed"}


def removed() -> dict[str, ApiOperation]:
    """The operations removed on 2026-06-03, by operationId."""
    return {o.operation_id: o for o in OPERATIONS if o.status == "removed"}
