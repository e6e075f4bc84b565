"""``ss.automation_rules``: read, change and delete a sheet's automation rules (the API
cannot create them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.automation import AutomationRule
from ..models.common import Result


class AutomationRules(SmartsheetResource):
    @operation("automationrules-list", "GET", "/sheets/{sheetId}/automationrules")
    def list(
        self, sheet_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[AutomationRule]:
        """The sheet's single-action rules (``automationrules-list``); multistep workflows
        are not returned by the API."""
        return self._index(sheet_id, cast_to=AutomationRule, page_size=page_size)

    @operation("automationrule-get", "GET", "/sheets/{sheetId}/automationrules/{automationRuleId}")
    async def get(self, sheet_id: int, rule_id: int) -> AutomationRule:
        """One rule with its action (``automationrule-get``).

        Raises:
            BadRequestError: a multistep workflow (1266).
            NotFoundError: no such rule.
        """
        return await self._object(sheet_id, rule_id, cast_to=AutomationRule)

    @operation(
        "automationrule-update", "PUT", "/sheets/{sheetId}/automationrules/{automationRuleId}"
    )
    async def update(
        self, sheet_id: int, rule_id: int, rule: AutomationRule | Mapping[str, Any]
    ) -> AutomationRule:
        """Change a rule (``automationrule-update``).

        Args:
            sheet_id / rule_id: which rule.
            rule: the changes; ``action.type`` must be given and equal the rule's type.

        Raises:
            BadRequestError: the action type differs from the rule's (1220).
        """
        body = dict(rule) if isinstance(rule, Mapping) else self._encode(rule)
        body.pop("id", None)
        path = f"/sheets/{int(sheet_id)}/automationrules/{int(rule_id)}"
        # Answered with a Result envelope ({"result": rule}) or, in Smartsheet's SDK
        # conformance scenarios, the bare rule: both decode.
        response = await self._request("PUT", path, json=body)
        data = response.json()
        if isinstance(data, dict) and isinstance(data.get("result"), dict):
            data = data["result"]
        return self._decode(data, AutomationRule)

    @operation(
        "automationrule-delete", "DELETE", "/sheets/{sheetId}/automationrules/{automationRuleId}"
    )
    async def delete(self, sheet_id: int, rule_id: int) -> Result:
        """Delete a rule (``automationrule-delete``)."""
        return await self._result(sheet_id, rule_id)
