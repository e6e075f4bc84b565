"""Operation walk entries for reports, dashboards, webhooks,
imports and tokens: one call per operationId (dummy ids; an API error answer is fine)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.reports import ReportPublish

Call = Callable[[SmartsheetClient], Awaitable[object]]


async def _revoke_with_other_token(ss: SmartsheetClient) -> object:
    # The walk shares one client: revoking its own token would lock every later call out.
    async with SmartsheetClient("walk-unknown-token", base_url=ss.base_url) as other:
        return await other.tokens.revoke()


CALLS: dict[str, Call] = {
    # reports
    "getReports": lambda ss: ss.reports.list(),
    "getReport": lambda ss: ss.reports.get(1, page_size=10, page=1),
    "sendReportViaEmail": lambda ss: ss.reports.send(1, "someone@example.com"),
    "getReportPublish": lambda ss: ss.reports.get_publish(1),
    "SetReportPublish": lambda ss: ss.reports.set_publish(
        1, ReportPublish(read_only_full_enabled=True)
    ),
    # dashboards
    "list-sights": lambda ss: ss.dashboards.list(),
    "get-sight": lambda ss: ss.dashboards.get(1),
    "update-sight": lambda ss: ss.dashboards.rename(1, "Renamed"),
    "delete-sight": lambda ss: ss.dashboards.delete(1),
    "copy-sight": lambda ss: ss.dashboards.copy(1, destination_type="home"),
    "move-sight": lambda ss: ss.dashboards.move(1, destination_type="folder", destination_id=2),
    "get-sight-publish-status": lambda ss: ss.dashboards.get_publish(1),
    "set-sight-publish-status": lambda ss: ss.dashboards.set_publish(1, enabled=True),
    # webhooks
    "list-webhooks": lambda ss: ss.webhooks.list(),
    "getWebhook": lambda ss: ss.webhooks.get(1),
    "createWebhook": lambda ss: ss.webhooks.create("walk", "https://example.com/hook", 1),
    "updateWebhook": lambda ss: ss.webhooks.update(1, enabled=False),
    "deleteWebhook": lambda ss: ss.webhooks.delete(1),
    "resetSharedSecret": lambda ss: ss.webhooks.reset_shared_secret(1),
    # imports
    "import-sheet-into-sheets-folder": lambda ss: ss.imports.sheet(b"a,b\n1,2\n", "Walk"),
    "import-sheet-into-folder": lambda ss: ss.imports.sheet_into_folder(1, b"a\n1\n", "Walk"),
    "import-sheet-into-workspace": lambda ss: ss.imports.sheet_into_workspace(1, b"a\n1\n", "Walk"),
    # tokens
    "tokens-getOrRefresh": lambda ss: ss.tokens.get_or_refresh(
        client_id="walk-app", grant_type="authorization_code", code="c", hash="0" * 64
    ),
    "tokens-delete": _revoke_with_other_token,
}
