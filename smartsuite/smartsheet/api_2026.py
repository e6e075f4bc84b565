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

#: One operation a line: ``operationId method path status``.
_TABLE = """
list-contacts GET /contacts same
get-contact GET /contacts/{contactId} same
list-events GET /events changed
get-favorites GET /favorites same
add-favorite POST /favorites same
delete-favorites-by-type DELETE /favorites/{favoriteType} same
delete-favorites-by-type-and-id DELETE /favorites/{favoriteType}/{favoriteId} same
is-favorite GET /favorites/{favoriteType}/{favoriteId} same
list-home-contents GET /folders/personal deprecated
delete-folder DELETE /folders/{folderId} same
get-folder GET /folders/{folderId} removed
update-folder PUT /folders/{folderId} same
get-folder-children GET /folders/{folderId}/children new
copy-folder POST /folders/{folderId}/copy same
list-folders GET /folders/{folderId}/folders removed
create-folder-folder POST /folders/{folderId}/folders changed
get-folder-metadata GET /folders/{folderId}/metadata new
move-folder POST /folders/{folderId}/move same
get-folder-path GET /folders/{folderId}/path new
create-sheet-in-folder POST /folders/{folderId}/sheets same
import-sheet-into-folder POST /folders/{folderId}/sheets/import same
get-data-classification-settings GET /governance/data-classification/settings new
list-groups GET /groups same
add-group POST /groups same
delete-group DELETE /groups/{groupId} same
get-group GET /groups/{groupId} same
update-group PUT /groups/{groupId} same
add-group-members POST /groups/{groupId}/members same
delete-group-members DELETE /groups/{groupId}/members/{userId} same
list-all-contents GET /home deprecated
home-list-folders GET /home/folders deprecated
create-home-folder POST /home/folders deprecated
listImageUrls POST /imageurls same
getReports GET /reports same
create-report POST /reports new
delete-report DELETE /reports/{reportId} new
getReport GET /reports/{reportId} same
list-report-columns GET /reports/{reportId}/columns new
add-report-columns POST /reports/{reportId}/columns new
delete-report-column DELETE /reports/{reportId}/columns/{columnVirtualId} new
get-report-column GET /reports/{reportId}/columns/{columnVirtualId} new
update-report-column PUT /reports/{reportId}/columns/{columnVirtualId} new
get-report-definition GET /reports/{reportId}/definition new
update-report-definition PUT /reports/{reportId}/definition new
sendReportViaEmail POST /reports/{reportId}/emails same
get-report-path GET /reports/{reportId}/path new
getReportPublish GET /reports/{reportId}/publish same
SetReportPublish PUT /reports/{reportId}/publish same
remove-report-scope DELETE /reports/{reportId}/scope new
list-report-scope GET /reports/{reportId}/scope new
add-report-scope POST /reports/{reportId}/scope new
list-report-shares GET /reports/{reportId}/shares removed
share-report POST /reports/{reportId}/shares removed
delete-report-share DELETE /reports/{reportId}/shares/{shareId} removed
share-report-get GET /reports/{reportId}/shares/{shareId} removed
update-report-share PUT /reports/{reportId}/shares/{shareId} removed
list-search GET /search same
list-search-sheet GET /search/sheets/{sheetId} same
serverinfo-get GET /serverinfo same
list-asset-shares GET /shares new
share-asset POST /shares new
delete-asset-share DELETE /shares/{shareId} new
get-asset-share GET /shares/{shareId} new
update-asset-share PATCH /shares/{shareId} new
list-sheets GET /sheets same
create-sheet-in-sheets-folder POST /sheets deprecated
import-sheet-into-sheets-folder POST /sheets/import same
deleteSheet DELETE /sheets/{sheetId} same
getSheet GET /sheets/{sheetId} same
updateSheet PUT /sheets/{sheetId} same
attachments-listOnSheet GET /sheets/{sheetId}/attachments same
attachments-attachToSheet POST /sheets/{sheetId}/attachments same
attachments-delete DELETE /sheets/{sheetId}/attachments/{attachmentId} same
attachments-get GET /sheets/{sheetId}/attachments/{attachmentId} same
attachments-versionsDelete DELETE /sheets/{sheetId}/attachments/{attachmentId}/versions same
attachments-versionList GET /sheets/{sheetId}/attachments/{attachmentId}/versions same
attachments-versionUpload POST /sheets/{sheetId}/attachments/{attachmentId}/versions same
automationrules-list GET /sheets/{sheetId}/automationrules same
automationrule-delete DELETE /sheets/{sheetId}/automationrules/{automationRuleId} same
automationrule-get GET /sheets/{sheetId}/automationrules/{automationRuleId} same
automationrule-update PUT /sheets/{sheetId}/automationrules/{automationRuleId} same
columns-listOnSheet GET /sheets/{sheetId}/columns same
columns-addToSheet POST /sheets/{sheetId}/columns same
column-delete DELETE /sheets/{sheetId}/columns/{columnId} same
column-get GET /sheets/{sheetId}/columns/{columnId} same
column-updateColumn PUT /sheets/{sheetId}/columns/{columnId} same
comment-delete DELETE /sheets/{sheetId}/comments/{commentId} same
comment-get GET /sheets/{sheetId}/comments/{commentId} same
comment-edit PUT /sheets/{sheetId}/comments/{commentId} same
attachments-attachToComment POST /sheets/{sheetId}/comments/{commentId}/attachments same
copy-sheet POST /sheets/{sheetId}/copy same
list-crosssheet-references GET /sheets/{sheetId}/crosssheetreferences same
add-crosssheet-reference POST /sheets/{sheetId}/crosssheetreferences same
get-crosssheet-reference GET /sheets/{sheetId}/crosssheetreferences/{crossSheetReferenceId} same
set-sheet-data-classification PUT /sheets/{sheetId}/dataclassification new
discussions-list GET /sheets/{sheetId}/discussions same
discussions-create POST /sheets/{sheetId}/discussions same
discussion-delete DELETE /sheets/{sheetId}/discussions/{discussionId} same
discussion-get GET /sheets/{sheetId}/discussions/{discussionId} same
discussion-listAttachments GET /sheets/{sheetId}/discussions/{discussionId}/attachments same
comments-create POST /sheets/{sheetId}/discussions/{discussionId}/comments same
sheet-send POST /sheets/{sheetId}/emails same
list-sheet-filters GET /sheets/{sheetId}/filters new
delete-sheet-filter DELETE /sheets/{sheetId}/filters/{filterId} new
get-sheet-filter GET /sheets/{sheetId}/filters/{filterId} new
move-sheet POST /sheets/{sheetId}/move same
get-sheet-path GET /sheets/{sheetId}/path new
proofs-getAllProofs GET /sheets/{sheetId}/proofs same
proofs-delete DELETE /sheets/{sheetId}/proofs/{proofId} same
proofs-get GET /sheets/{sheetId}/proofs/{proofId} same
proofs-update PUT /sheets/{sheetId}/proofs/{proofId} same
proofs-listAttachments GET /sheets/{sheetId}/proofs/{proofId}/attachments same
proofs-attachToProof POST /sheets/{sheetId}/proofs/{proofId}/attachments same
proofs-listDiscussions GET /sheets/{sheetId}/proofs/{proofId}/discussions same
proofs-createDiscussion POST /sheets/{sheetId}/proofs/{proofId}/discussions same
proofs-listRequestActions GET /sheets/{sheetId}/proofs/{proofId}/requestactions same
proofs-deleteProofRequests DELETE /sheets/{sheetId}/proofs/{proofId}/requests same
proofs-createProofRequests POST /sheets/{sheetId}/proofs/{proofId}/requests same
proofs-deleteVersion DELETE /sheets/{sheetId}/proofs/{proofId}/versions same
proofs-getVersions GET /sheets/{sheetId}/proofs/{proofId}/versions same
proofs-createVersion POST /sheets/{sheetId}/proofs/{proofId}/versions same
get-sheetPublish GET /sheets/{sheetId}/publish same
set-sheetPublish PUT /sheets/{sheetId}/publish same
delete-rows DELETE /sheets/{sheetId}/rows same
rows-addToSheet POST /sheets/{sheetId}/rows same
update-rows PUT /sheets/{sheetId}/rows same
copy-rows POST /sheets/{sheetId}/rows/copy same
rows-send POST /sheets/{sheetId}/rows/emails same
move-rows POST /sheets/{sheetId}/rows/move same
row-get GET /sheets/{sheetId}/rows/{rowId} same
attachments-listOnRow GET /sheets/{sheetId}/rows/{rowId}/attachments same
row-attachments-attachFile POST /sheets/{sheetId}/rows/{rowId}/attachments same
addImageToCell POST /sheets/{sheetId}/rows/{rowId}/columns/{columnId}/cellimages same
cellHistory-get GET /sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history same
row-discussions-list GET /sheets/{sheetId}/rows/{rowId}/discussions same
row-discussions-create POST /sheets/{sheetId}/rows/{rowId}/discussions same
proofs-create POST /sheets/{sheetId}/rows/{rowId}/proofs same
sentupdaterequests-list GET /sheets/{sheetId}/sentupdaterequests same
sentupdaterequest-delete DELETE /sheets/{sheetId}/sentupdaterequests/{sentUpdateRequestId} same
sentupdaterequest-get GET /sheets/{sheetId}/sentupdaterequests/{sentUpdateRequestId} same
list-sheet-shares GET /sheets/{sheetId}/shares removed
share-sheet POST /sheets/{sheetId}/shares removed
delete-sheet-share DELETE /sheets/{sheetId}/shares/{shareId} removed
share-sheet-get GET /sheets/{sheetId}/shares/{shareId} removed
update-sheet-share PUT /sheets/{sheetId}/shares/{shareId} removed
rows-sort POST /sheets/{sheetId}/sort same
list-summary-fields GET /sheets/{sheetId}/summary same
delete-summary-fields DELETE /sheets/{sheetId}/summary/fields same
list-summary-fields-paginated GET /sheets/{sheetId}/summary/fields same
add-summary-fields POST /sheets/{sheetId}/summary/fields same
update-summary-fields PUT /sheets/{sheetId}/summary/fields same
add-image-summaryField POST /sheets/{sheetId}/summary/fields/{fieldId}/images same
updaterequests-list GET /sheets/{sheetId}/updaterequests same
updaterequests-create POST /sheets/{sheetId}/updaterequests same
updaterequests-delete DELETE /sheets/{sheetId}/updaterequests/{updateRequestId} same
updaterequests-get GET /sheets/{sheetId}/updaterequests/{updateRequestId} same
updaterequests-update PUT /sheets/{sheetId}/updaterequests/{updateRequestId} same
get-sheetVersion GET /sheets/{sheetId}/version same
list-sights GET /sights changed
delete-sight DELETE /sights/{sightId} same
get-sight GET /sights/{sightId} same
update-sight PUT /sights/{sightId} same
copy-sight POST /sights/{sightId}/copy same
move-sight POST /sights/{sightId}/move same
get-sight-path GET /sights/{sightId}/path new
get-sight-publish-status GET /sights/{sightId}/publish same
set-sight-publish-status PUT /sights/{sightId}/publish same
list-sight-shares GET /sights/{sightId}/shares removed
share-sight POST /sights/{sightId}/shares removed
delete-sight-share DELETE /sights/{sightId}/shares/{shareId} removed
share-sight-get GET /sights/{sightId}/shares/{shareId} removed
update-sight-share PUT /sights/{sightId}/shares/{shareId} removed
templates-list GET /templates removed
templates-listPublic GET /templates/public removed
tokens-delete DELETE /token same
tokens-getOrRefresh POST /token same
list-users GET /users changed
add-user POST /users changed
get-current-user GET /users/me same
list-org-sheets GET /users/sheets same
remove-user DELETE /users/{userId} same
get-user GET /users/{userId} same
update-user PUT /users/{userId} same
list-alternate-emails GET /users/{userId}/alternateemails same
add-alternate-email POST /users/{userId}/alternateemails same
delete-alternate-email DELETE /users/{userId}/alternateemails/{alternateEmailId} same
get-alternate-email GET /users/{userId}/alternateemails/{alternateEmailId} same
promote-alternate-email POST /users/{userId}/alternateemails/{alternateEmailId}/makeprimary same
deactivate-user POST /users/{userId}/deactivate same
list-user-plans GET /users/{userId}/plans new
remove-user-from-plan DELETE /users/{userId}/plans/{planId} new
downgrade-user POST /users/{userId}/plans/{planId}/downgrade new
upgrade-user POST /users/{userId}/plans/{planId}/upgrade new
update-user-profile-image POST /users/{userId}/profileimage same
reactivate-user POST /users/{userId}/reactivate same
list-webhooks GET /webhooks changed
createWebhook POST /webhooks changed
deleteWebhook DELETE /webhooks/{webhookId} same
getWebhook GET /webhooks/{webhookId} same
updateWebhook PUT /webhooks/{webhookId} same
resetSharedSecret POST /webhooks/{webhookId}/resetSharedSecret same
list-workspaces GET /workspaces changed
create-workspace POST /workspaces changed
delete-workspace DELETE /workspaces/{workspaceId} same
get-workspace GET /workspaces/{workspaceId} removed
update-workspace PUT /workspaces/{workspaceId} same
get-workspace-children GET /workspaces/{workspaceId}/children new
copy-workspace POST /workspaces/{workspaceId}/copy same
get-workspace-folders GET /workspaces/{workspaceId}/folders removed
create-workspace-folder POST /workspaces/{workspaceId}/folders same
get-workspace-metadata GET /workspaces/{workspaceId}/metadata new
list-workspace-shares GET /workspaces/{workspaceId}/shares removed
share-workspace POST /workspaces/{workspaceId}/shares removed
delete-workspace-share DELETE /workspaces/{workspaceId}/shares/{shareId} removed
share-workspace-get GET /workspaces/{workspaceId}/shares/{shareId} removed
update-workspace-share PUT /workspaces/{workspaceId}/shares/{shareId} removed
create-sheet-in-workspace POST /workspaces/{workspaceId}/sheets same
import-sheet-into-workspace POST /workspaces/{workspaceId}/sheets/import same
"""

#: What the shim calls instead of each removed operation Smartsheet names a successor for.
_REPLACEMENTS = {
    "get-folder": "ss.folders.metadata + ss.folders.children",
    "list-folders": "ss.folders.children(resource_types=[folders])",
    "list-report-shares": "ss.shares.list(report, ...)",
    "share-report": "ss.shares.share(report, ...)",
    "delete-report-share": "ss.shares.delete(report, ...)",
    "share-report-get": "ss.shares.get(report, ...)",
    "update-report-share": "ss.shares.update(report, ...)",
    "list-sheet-shares": "ss.shares.list(sheet, ...)",
    "share-sheet": "ss.shares.share(sheet, ...)",
    "delete-sheet-share": "ss.shares.delete(sheet, ...)",
    "share-sheet-get": "ss.shares.get(sheet, ...)",
    "update-sheet-share": "ss.shares.update(sheet, ...)",
    "list-sight-shares": "ss.shares.list(sight, ...)",
    "share-sight": "ss.shares.share(sight, ...)",
    "delete-sight-share": "ss.shares.delete(sight, ...)",
    "share-sight-get": "ss.shares.get(sight, ...)",
    "update-sight-share": "ss.shares.update(sight, ...)",
    "templates-list": "ss.workspaces/folders.children(resource_types=[sheets, templates])",
    "get-workspace": "ss.workspaces.metadata + ss.workspaces.children",
    "get-workspace-folders": "ss.workspaces.children(resource_types=[folders])",
    "list-workspace-shares": "ss.shares.list(workspace, ...)",
    "share-workspace": "ss.shares.share(workspace, ...)",
    "delete-workspace-share": "ss.shares.delete(workspace, ...)",
    "share-workspace-get": "ss.shares.get(workspace, ...)",
    "update-workspace-share": "ss.shares.update(workspace, ...)",
}

OPERATIONS: tuple[ApiOperation, ...] = tuple(
    ApiOperation(op, method, path, status, _REPLACEMENTS.get(op, ""))
    for op, method, path, status in (line.split() for line in _TABLE.strip().splitlines())
)


def current() -> dict[str, ApiOperation]:
    """The operations the API answers (every status but ``removed``), by operationId."""
    return {o.operation_id: o for o in OPERATIONS if o.status != "removed"}


def removed() -> dict[str, ApiOperation]:
    """The operations removed on 2026-06-03, by operationId."""
    return {o.operation_id: o for o in OPERATIONS if o.status == "removed"}
