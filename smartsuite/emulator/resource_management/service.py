"""The emulated Resource Management service: ``auth`` header, ``{"message"}`` errors and
X-RateLimit-* headers (seed 002, "Rate Limiting")."""

from __future__ import annotations

import math
import time
from typing import ClassVar

from aiohttp import web

from ..base import EmulatedService, json_response
from .state import RMState


class ResourceManagementService(EmulatedService):
    name: ClassVar[str] = "rm"
    prefix: ClassVar[str] = "/rm/api/v1"

    def __init__(self, tokens: set[str]) -> None:
        super().__init__()
        self.tokens = set(tokens)
        self.state = RMState()

    def credential(self, request: web.Request) -> str | None:
        return request.headers.get("auth") or None

    def check_credential(self, request: web.Request, credential: str | None) -> web.Response | None:
        if credential is None or credential not in self.tokens:
            return self.error(401, "Unauthorized: missing or invalid auth token")
        return None

    def error(self, status: int, message: str, code: int | None = None) -> web.Response:
        return json_response({"message": message}, status)

    def rate_limited(self, wait: float) -> web.Response:
        response = self.error(429, "Too Many Requests")
        limit = self.faults.rate_limit or 0
        response.headers["X-RateLimit-Limit"] = str(math.ceil(limit * 60) if limit else 120)
        response.headers["X-RateLimit-Remaining"] = "0"
        response.headers["X-RateLimit-Reset"] = str(math.ceil(time.time() + max(wait, 0.001)))
        return response

    def add_routes(self, app: web.Application) -> None:
        from .routes import register

        register(self, app)
