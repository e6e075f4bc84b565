"""``ss.governance``: data classification (``GET /governance/data-classification/settings``,
``PUT /sheets/{sheetId}/dataclassification``), as the JavaScript SDK sends them
(``lib/governance``, ``lib/sheets/dataclassification.ts``); the Python SDK 4.4.0 sdist has
neither."""

from __future__ import annotations

from ..._core.errors import ConfigurationError
from ..._core.ids import ident
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.governance import DataClassificationSettings

_SETTINGS_ASSETS = ("sheet", "report", "sight")


class Governance(SmartsheetResource):
    @operation(
        "get-data-classification-settings", "GET", "/governance/data-classification/settings"
    )
    async def data_classification_settings(
        self,
        *,
        plan_id: int | None = None,
        asset_type: str | None = None,
        asset_id: int | None = None,
    ) -> DataClassificationSettings:
        """A plan's data-classification settings and labels; give ``plan_id``, or
        ``asset_type`` (``sheet``, ``report``, ``sight``) and ``asset_id`` for the plan that
        holds an asset.

        Raises:
            ConfigurationError: neither or both ways of naming the plan.
        """
        by_asset = asset_type is not None or asset_id is not None
        if (plan_id is None) == (not by_asset) or (by_asset and None in (asset_type, asset_id)):
            raise ConfigurationError("give plan_id=, or asset_type= and asset_id=")
        if plan_id is not None:
            params: dict[str, object] = {"planId": ident(plan_id, "plan_id")}
        else:
            kind = str(asset_type).lower()
            if kind not in _SETTINGS_ASSETS:
                raise ConfigurationError(f"asset_type must be one of {_SETTINGS_ASSETS}")
            params = {"assetType": kind, "assetId": ident(asset_id, "asset_id")}
        return await self._object(cast_to=DataClassificationSettings, params=params)

    @operation(
        "set-sheet-data-classification",
        "PUT",
        "/sheets/{sheetId}/dataclassification",
        idempotent=True,
    )
    async def set_sheet_classification(self, sheet_id: int, label: str) -> Result:
        """Set a sheet's data classification to one of the plan's label names (needs ADMIN or
        OWNER access on the sheet). Setting the same label twice changes nothing."""
        if not isinstance(label, str) or not label.strip():
            raise ConfigurationError("label must be a non-empty label name")
        return await self._result(sheet_id, json={"dataClassification": label})
