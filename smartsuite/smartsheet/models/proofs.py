"""Proofs: files on rows that people review and approve."""

from __future__ import annotations

import datetime as dt

import attrs

from ..._core.model import Model, track, unset
from .attachments import Attachment
from .discussions import Discussion
from .recipients import MiniUser, Recipient


@attrs.define(on_setattr=track)
class Proof(Model):
    """A proof. ``id`` is the current version's id; ``original_id`` the first version's."""

    id: int = unset
    original_id: int | None = unset
    name: str | None = unset
    proof_type: str | None = unset
    proof_request_url: str | None = unset
    version: int | None = unset
    is_completed: bool | None = unset
    last_updated_at: dt.datetime | None = unset
    last_updated_by: MiniUser | None = unset
    attachments: list[Attachment] | None = unset
    discussions: list[Discussion] | None = unset


@attrs.define(on_setattr=track)
class ProofRequest(Model):
    """A request sent to reviewers of a proof."""

    id: int = unset
    proof_id: int | None = unset
    send_to: list[Recipient] | None = unset
    subject: str | None = unset
    message: str | None = unset
    cc_me: bool | None = unset
    is_downloadable: bool | None = unset
    sent_by: MiniUser | None = unset
    sent_at: dt.datetime | None = unset
    status: str | None = unset


@attrs.define(on_setattr=track)
class ProofRequestAction(Model):
    """A reviewer's decision on a proof (APPROVED, PENDING, REJECTED)."""

    user: MiniUser | None = unset
    action_status: str | None = unset
