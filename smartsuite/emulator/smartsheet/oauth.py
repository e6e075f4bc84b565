"""Emulated token endpoint (``POST /token`` and ``DELETE /token``).

Apps are registered with ``state.integrations.oauth.register_app`` and a user's consent is
``oauth.authorize(client_id, scopes)``, which returns the code the redirect would carry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from ..base import json_response
from ._http import handler, query_bool, result

if TYPE_CHECKING:
    from .service import SmartsheetService


def register(service: SmartsheetService, app: web.Application) -> None:
    oauth = service.state.integrations.oauth

    async def get_or_refresh(request: web.Request) -> web.Response:
        # Parameters may come in the query string (as documented) or a form body.
        form = dict(request.query)
        if request.content_type == "application/x-www-form-urlencoded":
            form.update({k: str(v) for k, v in (await request.post()).items()})
        return json_response(oauth.grant(form))

    async def revoke(request: web.Request) -> web.Response:
        token = service.credential(request) or ""
        if query_bool(request, "deleteAllForApiClient"):
            oauth.revoke_all_like(token)
        oauth.revoke(token)
        service.tokens.discard(token)
        return result(None)

    app.router.add_post("/token", handler(service, get_or_refresh))
    app.router.add_delete("/token", handler(service, revoke))
