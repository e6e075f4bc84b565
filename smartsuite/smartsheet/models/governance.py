"""Data classification (governance) settings and labels (JavaScript SDK
``lib/governance/types.ts``, ``lib/sheets/dataclassification_types.ts``)."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.define
class ClassificationLabel:
    """A label a plan admin publishes (``Confidential``, ``Public`` ...)."""

    id: str | None = None
    name: str | None = None
    description: str | None = None
    color: str | None = None
    sensitivity_order: int | None = None
    is_default: bool | None = None


@attrs.define
class DataClassificationSettings:
    """A plan's data-classification settings; ``downgrade_approval_settings`` is kept as the
    API's JSON object (``mode`` NONE / APPROVAL_NEEDED / CUSTOM and approvers)."""

    org_id: int | None = None
    plan_id: int | None = None
    is_disabled: bool | None = None
    guidelines_url: str | None = None
    allow_manual_change: bool | None = None
    labels: list[ClassificationLabel] | None = None
    downgrade_approval_settings: dict[str, Any] | None = None
