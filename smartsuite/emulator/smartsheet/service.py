"""The emulated Smartsheet service: auth, error bodies and route registration."""

from __future__ import annotations

import itertools
import re
from typing import Any, ClassVar

from aiohttp import web

from ..base import EmulatedService, json_response
from .state import SmartsheetState

# Default errorCode per status when a handler gives none
# (https://developers.smartsheet.com/api/smartsheet/error-codes).
_DEFAULT_CODES = {400: 1008, 401: 1002, 403: 1004, 404: 1006, 405: 1010, 429: 4003, 500: 4000}


_SHEET_PATH = re.compile(r"^/sheets/(\d+)(?:/|$)")


class SmartsheetService(EmulatedService):
    name: ClassVar[str] = "smartsheet"
    prefix: ClassVar[str] = "/smartsheet/2.0"

    def __init__(self, tokens: set[str]) -> None:
        super().__init__()
        self.tokens = set(tokens)
        self.state = SmartsheetState()
        self._ref_ids = itertools.count(1)

    def write_key(self, request: web.Request) -> str | None:
        # Smartsheet answers 4004 to concurrent updates of one sheet, whatever the endpoint.
        match = _SHEET_PATH.match(request.path[len(self.prefix) :])
        return f"sheet:{match.group(1)}" if match else None

    def credential(self, request: web.Request) -> str | None:
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            return header[len("Bearer ") :].strip() or None
        return None

    def check_credential(self, request: web.Request, credential: str | None) -> web.Response | None:
        if request.path.startswith(self.prefix + "/_files/"):
            return None  # temporary download links are pre-signed: no token, like S3 links
        if request.method == "POST" and request.path == self.prefix + "/token":
            return None  # the token endpoint authenticates the app by client_id and hash
        if credential is None:
            return self.error(401, "An Access Token is required.", 1001)
        oauth = self.state.integrations.oauth.token_status(credential)
        if oauth == "expired":
            return self.error(401, "Your Access Token has expired.", 1003)
        if credential not in self.tokens and oauth is None:
            return self.error(401, "Your Access Token is invalid.", 1002)
        return None

    def error(
        self, status: int, message: str, code: int | None = None, *, detail: Any = None
    ) -> web.Response:
        """An Error object; ``detail`` where the reference documents one for the error."""
        body = {
            "errorCode": code if code is not None else _DEFAULT_CODES.get(status, 4000),
            "message": message,
            "refId": f"emu{next(self._ref_ids):08x}",
        }
        if detail is not None:
            body["detail"] = detail
        return json_response(body, status)

    def rate_limited(self, wait: float) -> web.Response:
        response = self.error(429, "Rate limit exceeded.", 4003)
        response.headers["Retry-After"] = f"{max(wait, 0.001):.3f}"
        return response

    def unrouted(self, exc: web.HTTPException) -> web.StreamResponse:
        # The API answers its own Error object, never a framework page: 404 / 1006 "Not Found"
        # and 405 / 1010 "HTTP Method not supported." (seed 000, "Error Codes").
        if exc.status == 405:
            response = self.error(405, "HTTP Method not supported.", 1010)
            response.headers["Allow"] = exc.headers.get("Allow", "")  # RFC 9110 section 15.5.6
            return response
        return self.error(exc.status, "Not Found" if exc.status == 404 else exc.reason)

    def add_routes(self, app: web.Application) -> None:
        from ._http import SERVICE
        from .routes import register

        app[SERVICE] = self
        register(self, app)
