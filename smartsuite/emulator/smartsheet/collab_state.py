"""In-memory attachments (with their bytes and versions), discussions, comments, automation
rules, proofs and update requests of the emulated Smartsheet account."""

from __future__ import annotations

import math
import secrets
import time
from collections.abc import Callable
from typing import Any

import attrs

from .state import CURRENT_USER, ApiFailure, now_iso

#: The upload limit (https://developers.smartsheet.com/api/smartsheet/guides/basics/attachments).
MAX_UPLOAD_BYTES = 30 * 1024 * 1024
#: How long a temporary download URL stays valid.
URL_TTL_MILLIS = 120_000

#: The account's own user, as collaboration objects show their author.
EMULATOR_USER = {"email": CURRENT_USER["email"], "name": CURRENT_USER["name"]}


def not_found(what: str, ident: int) -> ApiFailure:
    return ApiFailure(404, 1006, f"Not Found: {what} {ident}")


@attrs.define
class AttachmentRecord:
    id: int
    sheet_id: int
    parent_type: str  # SHEET, ROW, COMMENT, PROOF
    parent_id: int
    wire: dict[str, Any]
    group: int  # id of the first version; all versions share it
    data: bytes | None = attrs.field(default=None, repr=False)


@attrs.define
class DiscussionRecord:
    id: int
    sheet_id: int
    parent_type: str  # SHEET, ROW, PROOF
    parent_id: int
    title: str
    comment_ids: list[int] = attrs.field(factory=list)
    created_by: dict[str, str] = attrs.field(factory=lambda: dict(EMULATOR_USER))


@attrs.define
class ProofRecord:
    id: int
    original_id: int
    sheet_id: int
    row_id: int
    version: int
    name: str
    proof_type: str
    is_completed: bool = False
    last_updated_at: str = attrs.field(factory=now_iso)
    requests: list[dict[str, Any]] = attrs.field(factory=list)
    actions: list[dict[str, Any]] = attrs.field(factory=list)

    def wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "originalId": self.original_id,
            "name": self.name,
            "proofType": self.proof_type,
            "proofRequestUrl": f"https://app.smartsheet.com/proofs/{self.id}",
            "version": self.version,
            "isCompleted": self.is_completed,
            "lastUpdatedAt": self.last_updated_at,
            "lastUpdatedBy": dict(EMULATOR_USER),
        }


def _seed_rules(next_id: Callable[[], int]) -> dict[int, dict[str, Any]]:
    """The rules a sheet starts with: three single-action rules and one multistep workflow
    (which the API does not expose)."""
    stamp = now_iso()
    base: dict[str, Any] = {
        "createdAt": stamp,
        "modifiedAt": stamp,
        "userCanModify": True,
        "enabled": True,
    }
    rules: list[dict[str, Any]] = [
        {
            "name": "Notify owner on change",
            "action": {
                "type": "NOTIFICATION_ACTION",
                "frequency": "IMMEDIATELY",
                "notifyAllSharedUsers": False,
                "includeAllColumns": True,
                "recipients": [{"email": "owner@example.com"}],
            },
        },
        {
            "name": "Approval request",
            "action": {
                "type": "APPROVAL_REQUEST_ACTION",
                "frequency": "IMMEDIATELY",
                "includeAllColumns": True,
                "recipients": [{"email": "approver@example.com"}],
                "subject": "Please approve",
            },
        },
        {
            "name": "Weekly status update",
            "action": {
                "type": "UPDATE_REQUEST_ACTION",
                "frequency": "WEEKLY",
                "includeAllColumns": True,
                "recipients": [{"email": "team@example.com"}],
                "message": "Please update your rows",
            },
            "enabled": False,
            "disabledReason": "NO_POTENTIAL_RECIPIENTS",
            "disabledReasonText": "This rule has no recipients that can receive it.",
        },
        {"name": "Multistep workflow", "action": {"type": "MULTISTEP"}, "_multistep": True},
    ]
    out = {}
    for rule in rules:
        rule_id = next_id()
        out[rule_id] = {
            **base,
            "id": rule_id,
            "createdBy": dict(EMULATOR_USER),
            "modifiedBy": dict(EMULATOR_USER),
            **rule,
        }
    return out


class CollabState:
    """Collaboration objects, keyed by id. ``next_id`` is the account's id sequence."""

    def __init__(self, next_id: Callable[[], int]) -> None:
        self.next_id = next_id
        self.attachments: dict[int, AttachmentRecord] = {}
        self.discussions: dict[int, DiscussionRecord] = {}
        self.comments: dict[int, dict[str, Any]] = {}
        self.rules: dict[int, dict[int, dict[str, Any]]] = {}
        self.proofs: dict[int, ProofRecord] = {}
        self.update_requests: dict[int, dict[str, Any]] = {}
        self.sent_update_requests: dict[int, dict[str, Any]] = {}
        #: token -> (attachment id, expiry as time.monotonic())
        self.download_tokens: dict[str, tuple[int, float]] = {}

    # -- attachments -------------------------------------------------------------------

    def add_attachment(
        self,
        sheet_id: int,
        parent_type: str,
        parent_id: int,
        wire: dict[str, Any],
        data: bytes | None = None,
        group: int | None = None,
    ) -> AttachmentRecord:
        attachment_id = self.next_id()
        wire = {
            **wire,
            "id": attachment_id,
            "parentId": parent_id,
            "parentType": parent_type,
            "createdAt": now_iso(),
            "createdBy": dict(EMULATOR_USER),
        }
        if data is not None:
            wire["sizeInKb"] = max(1, math.ceil(len(data) / 1024)) if data else 0
        record = AttachmentRecord(
            attachment_id, sheet_id, parent_type, parent_id, wire, group or attachment_id, data
        )
        self.attachments[attachment_id] = record
        return record

    def attachment(self, sheet_id: int, attachment_id: int) -> AttachmentRecord:
        record = self.attachments.get(attachment_id)
        if record is None or record.sheet_id != sheet_id:
            raise not_found("attachment", attachment_id)
        return record

    def versions(self, record: AttachmentRecord) -> list[AttachmentRecord]:
        """Every version of an attachment, newest first."""
        found = [a for a in self.attachments.values() if a.group == record.group]
        return sorted(found, key=lambda a: a.id, reverse=True)

    def latest(self, records: list[AttachmentRecord]) -> list[AttachmentRecord]:
        """Only the newest version of each attachment, oldest attachment first."""
        newest: dict[int, AttachmentRecord] = {}
        for record in records:
            if record.group not in newest or record.id > newest[record.group].id:
                newest[record.group] = record
        return sorted(newest.values(), key=lambda a: a.group)

    def issue_url(self, record: AttachmentRecord, base: str) -> dict[str, Any]:
        """The attachment with a fresh temporary download URL (files only)."""
        wire = dict(record.wire)
        if record.data is not None:
            token = secrets.token_urlsafe(24)
            self.download_tokens[token] = (record.id, time.monotonic() + URL_TTL_MILLIS / 1000)
            wire["url"] = f"{base}/_files/{token}"
            wire["urlExpiresInMillis"] = URL_TTL_MILLIS
        return wire

    def redeem(self, token: str) -> AttachmentRecord | None:
        entry = self.download_tokens.get(token)
        if entry is None or entry[1] < time.monotonic():
            return None
        return self.attachments.get(entry[0])

    def drop_attachments(self, parent_type: str, parent_id: int) -> None:
        doomed = [
            a.id
            for a in self.attachments.values()
            if a.parent_type == parent_type and a.parent_id == parent_id
        ]
        for attachment_id in doomed:
            del self.attachments[attachment_id]

    # -- discussions and comments ------------------------------------------------------

    def discussion(self, sheet_id: int, discussion_id: int) -> DiscussionRecord:
        record = self.discussions.get(discussion_id)
        if record is None or record.sheet_id != sheet_id:
            raise not_found("discussion", discussion_id)
        return record

    def comment(self, sheet_id: int, comment_id: int) -> dict[str, Any]:
        record = self.comments.get(comment_id)
        if record is None or record["_sheetId"] != sheet_id:
            raise not_found("comment", comment_id)
        return record

    def add_comment(self, discussion: DiscussionRecord, text: str) -> dict[str, Any]:
        comment_id = self.next_id()
        stamp = now_iso()
        record = {
            "_sheetId": discussion.sheet_id,
            "id": comment_id,
            "discussionId": discussion.id,
            "text": text,
            "createdAt": stamp,
            "modifiedAt": stamp,
            "createdBy": dict(EMULATOR_USER),
        }
        self.comments[comment_id] = record
        discussion.comment_ids.append(comment_id)
        return record

    def comment_wire(self, comment: dict[str, Any]) -> dict[str, Any]:
        wire = {k: v for k, v in comment.items() if not k.startswith("_")}
        attachments = [
            a.wire
            for a in self.attachments.values()
            if a.parent_type == "COMMENT" and a.parent_id == comment["id"]
        ]
        if attachments:
            wire["attachments"] = attachments
        return wire

    def comment_attachments(self, discussion: DiscussionRecord) -> list[AttachmentRecord]:
        ids = set(discussion.comment_ids)
        return [
            a
            for a in self.attachments.values()
            if a.parent_type == "COMMENT" and a.parent_id in ids
        ]

    def discussion_wire(
        self, discussion: DiscussionRecord, *, comments: bool, attachments: bool
    ) -> dict[str, Any]:
        ordered = [self.comments[c] for c in discussion.comment_ids if c in self.comments]
        wire: dict[str, Any] = {
            "id": discussion.id,
            "title": discussion.title,
            "parentId": discussion.parent_id,
            "parentType": discussion.parent_type,
            "accessLevel": "OWNER",
            "commentCount": len(ordered),
            "readOnly": False,
            "createdBy": discussion.created_by,
        }
        if ordered:
            wire["lastCommentedAt"] = ordered[-1]["modifiedAt"]
            wire["lastCommentedUser"] = ordered[-1]["createdBy"]
        if comments:
            wire["comments"] = [self.comment_wire(c) for c in ordered]
        if attachments:
            wire["commentAttachments"] = [a.wire for a in self.comment_attachments(discussion)]
        return wire

    def delete_discussion(self, discussion: DiscussionRecord) -> None:
        for comment_id in discussion.comment_ids:
            self.comments.pop(comment_id, None)
            self.drop_attachments("COMMENT", comment_id)
        del self.discussions[discussion.id]

    # -- automation rules --------------------------------------------------------------

    def rules_of(self, sheet_id: int) -> dict[int, dict[str, Any]]:
        if sheet_id not in self.rules:
            self.rules[sheet_id] = _seed_rules(self.next_id)
        return self.rules[sheet_id]

    def rule(self, sheet_id: int, rule_id: int) -> dict[str, Any]:
        rule = self.rules_of(sheet_id).get(rule_id)
        if rule is None:
            raise ApiFailure(404, 1216, "Notification rule not found.")
        if rule.get("_multistep"):
            raise ApiFailure(
                400,
                1266,
                "This rule is not accessible through the API. Only single-action "
                "notifications, approval requests, or update requests qualify.",
            )
        return rule

    # -- proofs ------------------------------------------------------------------------

    def proof(self, sheet_id: int, proof_id: int) -> ProofRecord:
        record = self.proofs.get(proof_id)
        if record is None or record.sheet_id != sheet_id:
            raise not_found("proof", proof_id)
        return record

    def proof_versions(self, proof: ProofRecord) -> list[ProofRecord]:
        found = [p for p in self.proofs.values() if p.original_id == proof.original_id]
        return sorted(found, key=lambda p: p.version, reverse=True)

    def current_proof(self, proof: ProofRecord) -> ProofRecord:
        return self.proof_versions(proof)[0]

    # -- update requests ---------------------------------------------------------------

    def update_request(self, sheet_id: int, request_id: int) -> dict[str, Any]:
        record = self.update_requests.get(request_id)
        if record is None or record["_sheetId"] != sheet_id:
            raise not_found("update request", request_id)
        return record

    def sent_update_request(self, sheet_id: int, sent_id: int) -> dict[str, Any]:
        record = self.sent_update_requests.get(sent_id)
        if record is None or record["_sheetId"] != sheet_id:
            raise not_found("sent update request", sent_id)
        return record


def public(record: dict[str, Any]) -> dict[str, Any]:
    """A stored dict without its private (underscore) keys."""
    return {k: v for k, v in record.items() if not k.startswith("_")}
