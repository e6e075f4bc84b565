"""The emulated Resource Management service: ``auth`` header, ``{"message"}`` errors and
X-RateLimit-* headers (seed 002, "Authentication", "Error Handling", "Throttling")."""

from __future__ import annotations

import math
import time
from typing import ClassVar

from aiohttp import web

from ..base import EmulatedService, Handler, json_response
from .state import RMState


class ResourceManagementService(EmulatedService):
    name: ClassVar[str] = "rm"
    prefix: ClassVar[str] = "/rm/api/v1"

    def __init__(self, tokens: set[str]) -> None:
        super().__init__()
        self.tokens = set(tokens)
        self.state = RMState()
        #: The ``X-RateLimit-Reset`` of the last 429 sent (epoch seconds), for tests.
        self.last_reset: int | None = None

    def credential(self, request: web.Request) -> str | None:
        # The token may also come as an ``auth`` query parameter (seed 002, "Authentication").
        return request.headers.get("auth") or request.query.get("auth") or None

    def check_credential(self, request: web.Request, credential: str | None) -> web.Response | None:
        if credential is None or credential not in self.tokens:
            return self.error(401, "Unauthorized: missing or invalid auth token")
        return None

    def error(self, status: int, message: str, code: int | None = None) -> web.Response:
        return json_response({"message": message}, status)

    def unrouted(self, exc: web.HTTPException) -> web.StreamResponse:
        # "Unless otherwise noted, the API always responds with JSON", errors as
        # ``{"message": ...}`` (seed 002, "Collections & Objects", "Error Handling").
        return self.error(exc.status, exc.reason)

    def _limit_per_minute(self) -> int:
        limit = self.faults.rate_limit or 0
        return math.ceil(limit * 60) if limit else 120

    def rate_limited(self, wait: float) -> web.Response:
        response = self.error(429, "Too Many Requests")
        self.last_reset = math.ceil(time.time() + max(wait, 0.001))
        response.headers["X-RateLimit-Limit"] = str(self._limit_per_minute())
        response.headers["X-RateLimit-Remaining"] = "0"
        response.headers["X-RateLimit-Reset"] = str(self.last_reset)
        return response

    def build_app(self) -> web.Application:
        app = super().build_app()
        app.middlewares.append(self._rate_headers)
        return app

    @web.middleware
    async def _rate_headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Successful answers report the bucket too, so clients can slow down before a 429."""
        response = await handler(request)
        left = self.faults.tokens_left(self.credential(request) or "")
        if left is not None and response.status < 400:
            tokens, next_token = left
            response.headers["X-RateLimit-Limit"] = str(self._limit_per_minute())
            response.headers["X-RateLimit-Remaining"] = str(max(0, math.floor(tokens)))
            reset = time.time() + (next_token if tokens < 1 else 0.0)
            response.headers["X-RateLimit-Reset"] = str(math.ceil(reset))
        return response

    def add_routes(self, app: web.Application) -> None:
        from ._http import SERVICE
        from .routes import register

        app[SERVICE] = self
        register(self, app)
