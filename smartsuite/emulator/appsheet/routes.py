"""Route table of the emulated AppSheet API: ``POST /apps/{app_id}/tables/{table}/Action``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from aiohttp import web

from ..base import json_response
from .actions import run_action
from .state import ApiFailure

if TYPE_CHECKING:
    from .service import AppSheetService

# ``app_id`` may be empty so that a missing app id reaches the documented 400, not a 404.
ACTION_PATH = "/apps/{app_id:[^/]*}/tables/{table}/Action"


#: The service an app serves, for the handler (set by the service when it adds its routes).
SERVICE: web.AppKey[AppSheetService] = web.AppKey("smartsuite_appsheet_service")


async def action(request: web.Request) -> web.StreamResponse:
    """One Action request. The credential and app checks ran in the middleware
    (``AppSheetService.check_credential``)."""
    service = request.app[SERVICE]
    data = service.state.app(request.match_info["app_id"])
    name = request.match_info["table"]
    try:
        if not data.api_enabled:
            raise ApiFailure(403, "The Web API is not enabled for this application.")
        table = data.tables.get(name)
        if table is None:
            raise ApiFailure(404, f"Table '{name}' not found in the application.")
        raw = await request.read()
        try:
            body = json.loads(raw) if raw.strip() else None
        except ValueError:
            raise ApiFailure(400, "Invalid request: the body is not valid JSON.") from None
        return json_response(run_action(data, table, body))
    except ApiFailure as exc:
        return service.error(exc.status, exc.message)


ROUTES = (("POST", ACTION_PATH, action),)


def register(service: AppSheetService, app: web.Application) -> None:
    app[SERVICE] = service
    for method, path, fn in ROUTES:
        app.router.add_route(method, path, fn)
