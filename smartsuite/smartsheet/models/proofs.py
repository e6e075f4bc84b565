"""Proofs: files on rows that people review and approve."""

from __future__ import annotations

import datetime as dt

import attrs

from ..._core.model import UNSET, Model, track
from .attachments import Attachment
from .discussions import Discussion
from .recipients import MiniUser, Recipient


@attrs.define(on_setattr=track)
class Proof(Model):
    """A proof. ``id`` is the current version's id; ``original_id`` the first version's."""

    id: int = UNSET
    original_id: int | None = UNSET
    name: str | None = UNSET
    proof_type: str | None = UNSET
    proof_request_url: str | None = UNSET
    version: int | None = UNSET
    is_completed: bool | None = UNSET
    last_updated_at: dt.datetime | None = UNSET
    last_updated_by: MiniUser | None = UNSET
    attachments: list[Attachment] | None = UNSET
    discussions: list[Discussion] | None = UNSET


@attrs.define(on_setattr=track)
class ProofRequest(Model):
    """A request sent to reviewers of a proof."""

    id: int = UNSET
    proof_id: int | None = UNSET
    send_to: list[Recipient] | None = UNSET
    subject: str | None = UNSET
    message: str | None = UNSET
    cc_me: bool | None = UNSET
    is_downloadable: bool | None = UNSET
    sent_by: MiniUser | None = UNSET
    sent_at: dt.datetime | None = UNSET
    status: str | None = UNSET


@attrs.define(on_setattr=track)
class ProofRequestAction(Model):
    """A reviewer's decision on a proof (APPROVED, PENDING, REJECTED)."""

    user: MiniUser | None = UNSET
    action_status: str | None = UNSET
