"""The emulated AppSheet service: per-app ``ApplicationAccessKey`` and AppSheet's error shapes
(seed 003, "API Response HTTP Status Codes")."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import ClassVar

from aiohttp import web

from ..base import CURRENT_REQUEST, EmulatedService, json_response
from .state import AppSheetState


class AppSheetService(EmulatedService):
    """AppSheet API v2 on ``/appsheet/api/v2``.

    Args:
        apps: app id -> its Application Access Key. Each app starts with a ``People`` table;
            define more with ``service.state.create_table(...)``.
    """

    name: ClassVar[str] = "appsheet"
    prefix: ClassVar[str] = "/appsheet/api/v2"

    def __init__(self, apps: dict[str, str]) -> None:
        super().__init__()
        self.keys = dict(apps)
        self.state = AppSheetState(app_ids=list(apps))

    def write_key(self, request: web.Request) -> str | None:
        # Every action is a POST; only the body says whether it writes (Find does not).
        table = request.match_info.get("table")
        entry = CURRENT_REQUEST.get()
        if table is None or entry is None:
            return None
        try:
            action = json.loads(entry.body).get("Action")
        except (ValueError, AttributeError):
            return None
        if not isinstance(action, str) or action.strip().lower() == "find":
            return None
        return f"appsheet:{table}"

    def credential(self, request: web.Request) -> str | None:
        # The key goes in the header; the query-string form is accepted as the docs allow,
        # and the header wins when both are present.
        return (
            request.headers.get("ApplicationAccessKey")
            or request.query.get("applicationAccessKey")
            or None
        )

    def check_credential(self, request: web.Request, credential: str | None) -> web.Response | None:
        app_id = request.match_info.get("app_id")
        if app_id is None:
            return None  # unrouted path: the router answers 404
        if credential is None:
            return self.error(400, "Missing ApplicationAccessKey header.")
        if not app_id:
            return self.error(400, "Missing AppId in the request URL.")
        if app_id not in self.keys:
            return self.error(404, f"App '{app_id}' not found.")
        if self.keys[app_id] != credential:
            return self.error(403, "Invalid request. The provided access key is not valid.")
        return None

    def error(self, status: int, message: str, code: int | None = None) -> web.Response:
        return json_response({"status": status, "title": _title(status), "detail": message}, status)

    def rate_limited(self, wait: float) -> web.Response:
        response = self.error(429, "Too many requests; slow down.")
        response.headers["Retry-After"] = f"{max(wait, 0.001):.3f}"
        return response

    def add_routes(self, app: web.Application) -> None:
        from .routes import register

        register(self, app)


def _title(status: int) -> str:
    """The status's reason phrase (``Service Unavailable`` for 503), as RFC 9457 titles go."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
