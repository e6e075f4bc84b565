"""Operation walk entries for attachments, discussions, comments, automation rules, proofs and
update requests: one call per operationId (dummy ids; an API error answer is fine)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.attachments import UrlAttachment
from smartsuite.smartsheet.models.update_requests import UpdateRequest

Call = Callable[[SmartsheetClient], Awaitable[object]]

FILE = b"walk"

CALLS: dict[str, Call] = {
    # attachments
    "attachments-attachToSheet": lambda ss: ss.attachments.attach_to_sheet(
        1, FILE, filename="a.txt"
    ),
    "row-attachments-attachFile": lambda ss: ss.attachments.attach_to_row(
        1, 2, FILE, filename="a.txt"
    ),
    "attachments-attachToComment": lambda ss: ss.attachments.attach_to_comment(
        1, 2, UrlAttachment("https://example.com")
    ),
    "attachments-versionUpload": lambda ss: ss.attachments.upload_version(
        1, 2, FILE, filename="a.txt"
    ),
    "attachments-listOnSheet": lambda ss: ss.attachments.list(1),
    "attachments-listOnRow": lambda ss: ss.attachments.list_on_row(1, 2),
    "discussion-listAttachments": lambda ss: ss.attachments.list_on_discussion(1, 2),
    "attachments-get": lambda ss: ss.attachments.get(1, 2),
    "attachments-delete": lambda ss: ss.attachments.delete(1, 2),
    "attachments-versionList": lambda ss: ss.attachments.list_versions(1, 2),
    "attachments-versionsDelete": lambda ss: ss.attachments.delete_all_versions(1, 2),
    # discussions
    "discussions-list": lambda ss: ss.discussions.list(1, include=["comments"]),
    "row-discussions-list": lambda ss: ss.discussions.list_on_row(1, 2),
    "discussion-get": lambda ss: ss.discussions.get(1, 2),
    "discussions-create": lambda ss: ss.discussions.create(1, "hello"),
    "row-discussions-create": lambda ss: ss.discussions.create_on_row(1, 2, "hello"),
    "discussion-delete": lambda ss: ss.discussions.delete(1, 2),
    # comments
    "comments-create": lambda ss: ss.comments.create(1, 2, "hello"),
    "comment-get": lambda ss: ss.comments.get(1, 2),
    "comment-edit": lambda ss: ss.comments.update(1, 2, "edited"),
    "comment-delete": lambda ss: ss.comments.delete(1, 2),
    # automation rules
    "automationrules-list": lambda ss: ss.automation_rules.list(1),
    "automationrule-get": lambda ss: ss.automation_rules.get(1, 2),
    "automationrule-update": lambda ss: ss.automation_rules.update(
        1, 2, {"action": {"type": "NOTIFICATION_ACTION"}}
    ),
    "automationrule-delete": lambda ss: ss.automation_rules.delete(1, 2),
    # proofs
    "proofs-getAllProofs": lambda ss: ss.proofs.list(1),
    "proofs-get": lambda ss: ss.proofs.get(1, 2, include=["attachments"]),
    "proofs-create": lambda ss: ss.proofs.create(1, 2, FILE, filename="p.png"),
    "proofs-update": lambda ss: ss.proofs.update(1, 2, is_completed=True),
    "proofs-delete": lambda ss: ss.proofs.delete(1, 2),
    "proofs-listAttachments": lambda ss: ss.proofs.list_attachments(1, 2),
    "proofs-attachToProof": lambda ss: ss.proofs.attach_file(1, 2, FILE, filename="p.png"),
    "proofs-listDiscussions": lambda ss: ss.proofs.list_discussions(1, 2),
    "proofs-createDiscussion": lambda ss: ss.proofs.create_discussion(1, 2, "looks good"),
    "proofs-listRequestActions": lambda ss: ss.proofs.list_request_actions(1, 2),
    "proofs-createProofRequests": lambda ss: ss.proofs.create_requests(1, 2, ["a@example.com"]),
    "proofs-deleteProofRequests": lambda ss: ss.proofs.delete_requests(1, 2),
    "proofs-getVersions": lambda ss: ss.proofs.list_versions(1, 2),
    "proofs-createVersion": lambda ss: ss.proofs.create_version(1, 2, FILE, filename="p.png"),
    "proofs-deleteVersion": lambda ss: ss.proofs.delete_version(1, 2),
    # update requests
    "updaterequests-list": lambda ss: ss.update_requests.list(1),
    "updaterequests-get": lambda ss: ss.update_requests.get(1, 2),
    "updaterequests-create": lambda ss: ss.update_requests.create(
        1, {"sendTo": [{"email": "a@example.com"}], "rowIds": [2]}
    ),
    "updaterequests-update": lambda ss: ss.update_requests.update(
        1, 2, UpdateRequest(subject="Please update")
    ),
    "updaterequests-delete": lambda ss: ss.update_requests.delete(1, 2),
    "sentupdaterequests-list": lambda ss: ss.update_requests.list_sent(1),
    "sentupdaterequest-get": lambda ss: ss.update_requests.get_sent(1, 2),
    "sentupdaterequest-delete": lambda ss: ss.update_requests.delete_sent(1, 2),
}
