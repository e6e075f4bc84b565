"""Data classification (governance) settings and labels (JavaScript SDK
``lib/governance/types.ts``, ``lib/sheets/dataclassification_types.ts``)."""

from __future__ import annotations

from typing import Any

import attrs

from ..._core.model import Model, track, unset


@attrs.define(on_setattr=track)
class ClassificationLabel(Model):
    """A label a plan admin publishes (``Confidential``, ``Public`` ...)."""

    id: str = unset
    name: str | None = unset
    description: str | None = unset
    color: str | None = unset
    sensitivity_order: int | None = unset
    is_default: bool | None = unset


@attrs.define(on_setattr=track)
class DataClassificationSettings(Model):
    """A plan's data-classification settings; ``downgrade_approval_settings`` is kept as the
    API's JSON object (``mode`` NONE / APPROVAL_NEEDED / CUSTOM and approvers)."""

    org_id: int | None = unset
    plan_id: int | None = unset
    is_disabled: bool | None = unset
    guidelines_url: str | None = unset
    allow_manual_change: bool | None = unset
    labels: list[ClassificationLabel] | None = unset
    downgrade_approval_settings: dict[str, Any] | None = unset
