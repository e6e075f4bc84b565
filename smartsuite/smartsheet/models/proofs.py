"""Proofs: files on rows that people review and approve."""

from __future__ import annotations

import datetime as dt

import attrs

from .attachments import Attachment
from .discussions import Discussion
from .recipients import MiniUser, Recipient


@attrs.define
class Proof:
    """A proof. ``id`` is the current version's id; ``original_id`` the first version's."""

    id: int | None = None
    original_id: int | None = None
    name: str | None = None
    proof_type: str | None = None
    proof_request_url: str | None = None
    version: int | None = None
    is_completed: bool | None = None
    last_updated_at: dt.datetime | None = None
    last_updated_by: MiniUser | None = None
    attachments: list[Attachment] | None = None
    discussions: list[Discussion] | None = None


@attrs.define
class ProofRequest:
    """A request sent to reviewers of a proof."""

    id: int | None = None
    proof_id: int | None = None
    send_to: list[Recipient] | None = None
    subject: str | None = None
    message: str | None = None
    cc_me: bool | None = None
    is_downloadable: bool | None = None
    sent_by: MiniUser | None = None
    sent_at: dt.datetime | None = None
    status: str | None = None


@attrs.define
class ProofRequestAction:
    """A reviewer's decision on a proof (APPROVED, PENDING, REJECTED)."""

    user: MiniUser | None = None
    action_status: str | None = None
