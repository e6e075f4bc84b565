"""The 26 operations removed from the API on 2026-06-03 (the sunset of the 2025-08-04
deprecation: Python SDK 4.0.0, JavaScript SDK 5.0.0 and C# SDK 7.0.0 changelogs): GET of a
workspace or folder, the ``/folders`` listings, ``/templates`` and ``/templates/public`` and the
20 per-object share endpoints.

They answer as the API answers a path it no longer has: 404 with Smartsheet's generic error
body ``{"errorCode": 1006, "message": "Not Found"}`` (the error-code table). Sources do not
say whether the sunset answers 404 or 410; 404/1006 is the worse one for a client (it cannot
be told apart from a missing object), so no test can pass by calling a removed path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from ._http import handler
from .state import ApiFailure

if TYPE_CHECKING:
    from .service import SmartsheetService

#: (method, path) of every removed operation.
REMOVED: tuple[tuple[str, str], ...] = (
    ("GET", "/workspaces/{id}"),
    ("GET", "/folders/{id}"),
    ("GET", "/workspaces/{id}/folders"),
    ("GET", "/folders/{id}/folders"),
    ("GET", "/templates"),
    ("GET", "/templates/public"),
    *(
        (method, f"/{kind}/{{id}}/shares{tail}")
        for kind in ("sheets", "reports", "sights", "workspaces")
        for method, tail in (
            ("GET", ""),
            ("POST", ""),
            ("GET", "/{share_id}"),
            ("PUT", "/{share_id}"),
            ("DELETE", "/{share_id}"),
        )
    ),
)


def register(service: SmartsheetService, app: web.Application) -> None:
    async def gone(request: web.Request) -> web.Response:
        raise ApiFailure(404, 1006, "Not Found")

    for method, path in REMOVED:
        app.router.add_route(method, path, handler(service, gone))
