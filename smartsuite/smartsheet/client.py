"""``SmartsheetClient``: the async client for the Smartsheet API 2.0."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from .._core.auth import Auth, BearerToken, Secret
from .._core.client import BaseClient, TransportOptions, make_transport, resolve_secret
from .._core.errors import ConfigurationError
from .._core.namespaces import Namespace
from .._core.response import Response
from .defaults import DEFAULT_RATE_LIMIT, DEFAULT_RETRY, REGIONS, Region
from .models.tokens import OAuthToken

if TYPE_CHECKING:
    from .oauth import OAuthApp, TokenCallback
    from .resources.attachments import Attachments
    from .resources.automation_rules import AutomationRules
    from .resources.cells import Cells
    from .resources.columns import Columns
    from .resources.comments import Comments
    from .resources.contacts import Contacts
    from .resources.cross_sheet_references import CrossSheetReferences
    from .resources.dashboards import Dashboards
    from .resources.discussions import Discussions
    from .resources.downloads import Downloads
    from .resources.events import Events
    from .resources.favorites import Favorites
    from .resources.filters import SheetFilters
    from .resources.folders import Folders
    from .resources.governance import Governance
    from .resources.groups import Groups
    from .resources.home import HomeResource
    from .resources.imports import Imports
    from .resources.paths import Paths
    from .resources.proofs import Proofs
    from .resources.reports import Reports
    from .resources.rows import Rows
    from .resources.search import Search
    from .resources.server_info import ServerInfoResource
    from .resources.shares import Shares
    from .resources.sharing import Sharing
    from .resources.sheets import Sheets
    from .resources.summary import Summary
    from .resources.templates import Templates
    from .resources.tokens import Tokens
    from .resources.update_requests import UpdateRequests
    from .resources.users import Users
    from .resources.webhooks import Webhooks
    from .resources.workspaces import Workspaces

INTEGRATION_SOURCE_HEADER = "smartsheet-integration-source"
_INTEGRATION_TYPES = ("AI", "SCRIPT", "APPLICATION")


def integration_source_header(value: str) -> str:
    """Check a ``smartsheet-integration-source`` value: ``TYPE,OrgName,SourceName``."""
    parts = value.split(",") if isinstance(value, str) else []
    if (
        len(parts) != 3
        or parts[0].strip().upper() not in _INTEGRATION_TYPES
        or not all(p.strip() for p in parts)
        or any(c in value for c in "\r\n")
        or len(value) > 256
    ):
        raise ConfigurationError(
            "integration_source must be 'TYPE,OrgName,SourceName' with TYPE one of "
            f"{_INTEGRATION_TYPES} (at most 256 characters)"
        )
    return ",".join(p.strip() for p in parts)


class SmartsheetClient(BaseClient):
    """Async client for the Smartsheet API 2.0.

    Use it as an async context manager::

        async with SmartsheetClient() as ss:      # token from $SMARTSHEET_ACCESS_TOKEN
            async for sheet in ss.sheets.list():
                print(sheet.name)

    Args:
        token: the access token; defaults to ``$SMARTSHEET_ACCESS_TOKEN``.
        region: ``us`` (default), ``eu``, ``gov`` or ``au``.
        base_url: any API root (overrides ``region``), for example the emulator's.
        assume_user: send ``Assume-User`` (admin tokens acting as another user).
        change_agent: a ``Smartsheet-Change-Agent`` value sent on every write, so webhook
            callbacks caused by this client can be recognised.
        oauth_app: with an :class:`OAuthToken` as ``token``, the app that renews it; the
            client then refreshes before expiry and once after a 401 with errorCode 1003.
        on_token_refresh: called (sync or async) with each renewed :class:`OAuthToken`.
        integration_source: a ``smartsheet-integration-source`` header value sent on every
            request, ``TYPE,OrgName,SourceName`` with TYPE ``AI``, ``SCRIPT`` or
            ``APPLICATION`` (documented on GET /events and in the webhook guide).
        **options: :class:`TransportOptions` (rate_limit, retry, timeouts, headers, session ...).

    Raises:
        ConfigurationError: no token, an unknown region, a non-https base URL, or a
            malformed ``integration_source``.
    """

    def __init__(
        self,
        token: str | Secret | OAuthToken | None = None,
        *,
        region: Region | str = "us",
        base_url: str | None = None,
        assume_user: str | None = None,
        change_agent: str | None = None,
        oauth_app: OAuthApp | None = None,
        on_token_refresh: TokenCallback | None = None,
        integration_source: str | None = None,
        **options: Unpack[TransportOptions],
    ) -> None:
        if integration_source is not None:
            headers = dict(options.get("headers") or {})
            headers[INTEGRATION_SOURCE_HEADER] = integration_source_header(integration_source)
            options["headers"] = headers
        if base_url is None:
            if region not in REGIONS:
                raise ConfigurationError(
                    f"unknown region {region!r}; use one of {sorted(REGIONS)} or base_url="
                )
            base_url = REGIONS[region]
        auth: Auth
        if isinstance(token, OAuthToken):
            from .oauth import client_auth

            auth = client_auth(
                self, token, oauth_app, on_refresh=on_token_refresh, assume_user=assume_user
            )
        else:
            secret = resolve_secret(token, "SMARTSHEET_ACCESS_TOKEN", "Smartsheet access token")
            auth = BearerToken(secret, assume_user=assume_user)
        self.change_agent = change_agent
        self._transport = make_transport(
            service="smartsheet",
            base_url=base_url,
            auth=auth,
            default_rate_limit=DEFAULT_RATE_LIMIT,
            default_retry=DEFAULT_RETRY,
            options=options,
        )

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
    ) -> Any:
        """Call any endpoint the client does not wrap yet, through the same transport
        (pacing, retries, error mapping, redaction); returns the decoded JSON (None for an
        empty body).

        Example (a 2026 endpoint without a typed method)::

            settings = await ss.request(
                "GET", "/governance/data-classification/settings", params={"planId": 1}
            )

        Args:
            method: the HTTP method.
            path: the path below the API root, e.g. ``/sheets/1/dataclassification``.
            params: query parameters (None values dropped, lists joined with commas).
            json: a JSON body.
            idempotent: whether repeating is safe; by default only GET/HEAD/OPTIONS are
                retried after an ambiguous failure.

        Raises:
            ConfigurationError: a path that is not relative to the API root.
            APIError subclasses, TransportError subclasses, DecodeError.
        """
        from ._resource import SmartsheetResource

        if not isinstance(path, str) or not path.startswith("/") or "://" in path:
            raise ConfigurationError(f"path must start with '/' (below the API root): {path!r}")
        query = None
        if params is not None:
            query = {
                k: ",".join(map(str, v)) if isinstance(v, list | tuple) else v
                for k, v in params.items()
            }
        response: Response = await SmartsheetResource(self)._request(
            method.upper(),
            path,
            params=query,
            json=json,
            headers=headers,
            idempotent=idempotent,
            expect_json=False,
        )
        if not response.body:
            return None
        return response.json()

    shares: Namespace[Shares] = Namespace(
        ".resources.shares:Shares",
        "Asset shares (``/shares``): list, share, get, update (PATCH), delete, any kind.",
    )
    governance: Namespace[Governance] = Namespace(
        ".resources.governance:Governance",
        "Data classification: a plan's settings and labels; a sheet's label.",
    )
    paths: Namespace[Paths] = Namespace(
        ".resources.paths:Paths",
        "Where a sheet, report, dashboard or folder lives (``/{kind}/{id}/path``).",
    )
    sheet_filters: Namespace[SheetFilters] = Namespace(
        ".resources.filters:SheetFilters", "Filters saved on sheets: list, get, delete."
    )
    downloads: Namespace[Downloads] = Namespace(
        ".resources.downloads:Downloads",
        "Sheets as CSV, Excel or PDF and reports as CSV or Excel (bytes or a file).",
    )
    sheets: Namespace[Sheets] = Namespace(
        ".resources.sheets:Sheets",
        "Sheets: list, get, create, update, delete, copy, move, share ...",
    )
    rows: Namespace[Rows] = Namespace(
        ".resources.rows:Rows", "Rows: add, update, delete (chunked by 500), get, move, copy ..."
    )
    sharing: Namespace[Sharing] = Namespace(
        ".resources.sharing:Sharing", "Shares of sheets, workspaces, reports and dashboards."
    )
    reports: Namespace[Reports] = Namespace(
        ".resources.reports:Reports",
        "Reports: list, get (with row paging), walk rows, email, publish.",
    )
    dashboards: Namespace[Dashboards] = Namespace(
        ".resources.dashboards:Dashboards",
        "Dashboards (the API's sights): list, get, rename, copy, move, delete, publish.",
    )
    webhooks: Namespace[Webhooks] = Namespace(
        ".resources.webhooks:Webhooks",
        "Webhooks: create, list, get, update (enable), delete, reset the shared secret.",
    )
    imports: Namespace[Imports] = Namespace(
        ".resources.imports:Imports",
        "Create sheets from CSV or XLSX files (into Sheets, a folder or a workspace).",
    )
    tokens: Namespace[Tokens] = Namespace(
        ".resources.tokens:Tokens",
        "OAuth tokens: get or refresh (``POST /token``), revoke (``DELETE /token``).",
    )
    attachments: Namespace[Attachments] = Namespace(
        ".resources.attachments:Attachments",
        "Attachments: upload files (simple or multipart), links, versions, downloads.",
    )
    discussions: Namespace[Discussions] = Namespace(
        ".resources.discussions:Discussions",
        "Discussions on sheets and rows, optionally started with a file.",
    )
    comments: Namespace[Comments] = Namespace(
        ".resources.comments:Comments",
        "Comments in discussions: add (with a file), get, edit, delete.",
    )
    automation_rules: Namespace[AutomationRules] = Namespace(
        ".resources.automation_rules:AutomationRules",
        "Automation rules: list, get, update, delete.",
    )
    proofs: Namespace[Proofs] = Namespace(
        ".resources.proofs:Proofs", "Proofs on rows: versions, review requests, discussions, files."
    )
    update_requests: Namespace[UpdateRequests] = Namespace(
        ".resources.update_requests:UpdateRequests", "Update requests and sent update requests."
    )
    users: Namespace[Users] = Namespace(
        ".resources.users:Users",
        "Users: list, get, add, update, remove, deactivate; alternate email addresses.",
    )
    groups: Namespace[Groups] = Namespace(".resources.groups:Groups", "Groups and their members.")
    workspaces: Namespace[Workspaces] = Namespace(
        ".resources.workspaces:Workspaces",
        "Workspaces: list, get (with contents), create, rename, copy, delete; folders.",
    )
    folders: Namespace[Folders] = Namespace(
        ".resources.folders:Folders",
        "Folders: get (with contents), subfolders, rename, copy, move, delete.",
    )
    home: Namespace[HomeResource] = Namespace(
        ".resources.home:HomeResource", "The Home tab: contents and top-level folders."
    )
    favorites: Namespace[Favorites] = Namespace(
        ".resources.favorites:Favorites", "Favorites: list, add, check, remove."
    )
    templates: Namespace[Templates] = Namespace(
        ".resources.templates:Templates", "User and public templates."
    )
    contacts: Namespace[Contacts] = Namespace(
        ".resources.contacts:Contacts", "The user's contacts."
    )
    server_info: Namespace[ServerInfoResource] = Namespace(
        ".resources.server_info:ServerInfoResource",
        "Application constants: format tables and locales.",
    )
    events: Namespace[Events] = Namespace(
        ".resources.events:Events", "The organisation event stream, paged by stream position."
    )
    search: Namespace[Search] = Namespace(
        ".resources.search:Search", "Search everything, or one sheet."
    )
    columns: Namespace[Columns] = Namespace(
        ".resources.columns:Columns", "Columns: list, get, add, update, delete."
    )
    cells: Namespace[Cells] = Namespace(
        ".resources.cells:Cells", "Cells: history, images in cells, image URLs."
    )
    summary: Namespace[Summary] = Namespace(".resources.summary:Summary", "Sheet summary fields.")
    cross_sheet_references: Namespace[CrossSheetReferences] = Namespace(
        ".resources.cross_sheet_references:CrossSheetReferences",
        "Cross-sheet references: list, get, create.",
    )


__all__ = [
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_RETRY",
    "INTEGRATION_SOURCE_HEADER",
    "REGIONS",
    "Region",
    "SmartsheetClient",
    "integration_source_header",
]
