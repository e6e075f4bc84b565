"""Emulated reports, dashboards, webhooks and OAuth grants.

Reports are built live over the sheets in :class:`SmartsheetState`: a report is a list of
source sheet ids (and optionally the column titles to show); its rows are the source rows.
Tests create reports and dashboards with :meth:`IntegrationsState.add_report` and
:meth:`IntegrationsState.add_dashboard`, and OAuth apps with :meth:`OAuthState.register_app`.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

import attrs

from .state import CURRENT_USER, ApiFailure, now_iso

if TYPE_CHECKING:
    from .state import SmartsheetState

#: Access tokens live about 7 days, authorization codes about 10 minutes (OAuth walkthrough).
ACCESS_TOKEN_SECONDS = 604_799
CODE_SECONDS = 599.135


@attrs.define
class ReportState:
    id: int
    name: str
    source_sheet_ids: list[int]
    column_titles: list[str] | None = None
    created_at: str = attrs.field(factory=now_iso)
    modified_at: str = attrs.field(factory=now_iso)
    shares: list[dict[str, Any]] = attrs.field(factory=list)
    publish: dict[str, Any] = attrs.field(factory=lambda: {"readOnlyFullEnabled": False})
    #: (title, type) -> virtual column id, stable for the report's life.
    virtual_ids: dict[tuple[str, str], int] = attrs.field(factory=dict)
    #: GET/PUT /reports/{id}/definition (filters, grouping, summarizing, sorting).
    definition: dict[str, Any] = attrs.field(factory=dict)
    #: Workspaces in scope (sheets are ``source_sheet_ids``).
    scope_workspaces: list[int] = attrs.field(factory=list)
    #: virtual id -> title/width/hidden changed by PUT /reports/{id}/columns/{virtualId}.
    column_overrides: dict[int, dict[str, Any]] = attrs.field(factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "accessLevel": "OWNER",
            "permalink": f"https://app.smartsheet.com/reports/{self.id}",
            "createdAt": self.created_at,
            "modifiedAt": self.modified_at,
            "isSummaryReport": False,
        }


@attrs.define
class DashboardState:
    id: int
    name: str
    widgets: list[dict[str, Any]] = attrs.field(factory=list)
    created_at: str = attrs.field(factory=now_iso)
    modified_at: str = attrs.field(factory=now_iso)
    container: tuple[str, int] | None = None
    shares: list[dict[str, Any]] = attrs.field(factory=list)
    publish: dict[str, Any] = attrs.field(factory=lambda: {"readOnlyFullEnabled": False})

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "accessLevel": "OWNER",
            "permalink": f"https://app.smartsheet.com/dashboards/{self.id}",
            "createdAt": self.created_at,
            "modifiedAt": self.modified_at,
        }


@attrs.define
class _Grant:
    client_id: str
    scopes: list[str]
    access_token: str
    refresh_token: str
    expires_at: float


class OAuthState:
    """Registered apps, issued codes and tokens (``POST /token``)."""

    def __init__(self) -> None:
        self.apps: dict[str, dict[str, Any]] = {}
        self._codes: dict[str, tuple[str, list[str], float]] = {}
        self._by_access: dict[str, _Grant] = {}
        self._by_refresh: dict[str, _Grant] = {}
        self.revoked: set[str] = set()

    def register_app(
        self, client_id: str, client_secret: str, redirect_uri: str | None = None
    ) -> None:
        """Register an app, as Developer Tools would."""
        self.apps[client_id] = {"secret": client_secret, "redirectUri": redirect_uri}

    def authorize(self, client_id: str, scopes: list[str]) -> str:
        """The user clicked "Allow": a fresh authorization code for ``client_id``."""
        if client_id not in self.apps:
            raise KeyError(f"no app {client_id!r}")
        code = secrets.token_hex(8)
        self._codes[code] = (client_id, list(scopes), time.time() + CODE_SECONDS)
        return code

    def expire(self, access_token: str) -> None:
        """Make an access token expire now (its next use answers 401 / errorCode 1003)."""
        self._by_access[access_token].expires_at = time.time() - 1

    def token_status(self, token: str) -> str | None:
        """``valid``, ``expired`` or None when the token was never issued (or is revoked)."""
        grant = self._by_access.get(token)
        if grant is None or token in self.revoked:
            return None
        return "valid" if time.time() < grant.expires_at else "expired"

    def revoke(self, token: str) -> None:
        grant = self._by_access.pop(token, None)
        if grant is not None:
            self._by_refresh.pop(grant.refresh_token, None)
        self.revoked.add(token)

    def revoke_all_like(self, token: str) -> None:
        """Revoke every token of the app that issued ``token`` (``deleteAllForApiClient``)."""
        grant = self._by_access.get(token)
        if grant is None:
            return
        for other in [g for g in self._by_access.values() if g.client_id == grant.client_id]:
            self.revoke(other.access_token)

    def _check_hash(self, client_id: str, value: str, form: dict[str, str]) -> None:
        app = self.apps[client_id]
        given_hash, given_secret = form.get("hash"), form.get("client_secret")
        if given_hash is None and given_secret is None:
            raise ApiFailure(400, 1236, "OAuth missing client auth.")
        if given_hash is not None and given_secret is not None:
            raise ApiFailure(400, 1237, "OAuth redundant client auth.")
        if given_secret is not None:
            if not secrets.compare_digest(given_secret, app["secret"]):
                raise ApiFailure(400, 1238, "OAuth invalid secret.")
            return
        expected = hashlib.sha256(f"{app['secret']}|{value}".encode()).hexdigest()
        if not secrets.compare_digest(expected, str(given_hash)):
            raise ApiFailure(
                400, 1072, "Invalid hash value. The hash provided did not match the expected value."
            )

    def grant(self, form: dict[str, str]) -> dict[str, Any]:
        """Answer ``POST /token`` for an authorization_code or refresh_token grant."""
        client_id = form.get("client_id")
        grant_type = form.get("grant_type")
        if not client_id:
            raise ApiFailure(
                400, 1070, "Invalid Request. Required parameter is missing: client_id."
            )
        if client_id not in self.apps:
            raise ApiFailure(401, 1067, "Invalid client_id")
        if grant_type == "authorization_code":
            code = form.get("code")
            if not code:
                raise ApiFailure(400, 1070, "Invalid Request. Required parameter is missing: code.")
            issued = self._codes.get(code)
            if issued is None or issued[0] != client_id:
                raise ApiFailure(400, 1071, "Invalid Grant. The authorization code was invalid.")
            self._check_hash(client_id, code, form)
            del self._codes[code]
            if time.time() > issued[2]:
                raise ApiFailure(400, 1069, "Invalid Request. The authorization_code has expired.")
            return self._issue(client_id, issued[1])
        if grant_type == "refresh_token":
            refresh = form.get("refresh_token")
            if not refresh:
                raise ApiFailure(
                    400, 1070, "Invalid Request. Required parameter is missing: refresh_token."
                )
            old = self._by_refresh.get(refresh)
            if old is None or old.client_id != client_id:
                raise ApiFailure(400, 1071, "Invalid Grant. The refresh token was invalid.")
            self._check_hash(client_id, refresh, form)
            # The old access and refresh tokens stop working once renewed.
            self._by_refresh.pop(refresh, None)
            self._by_access.pop(old.access_token, None)
            return self._issue(client_id, old.scopes)
        raise ApiFailure(400, 1068, "Unsupported grant type.")

    def _issue(self, client_id: str, scopes: list[str]) -> dict[str, Any]:
        grant = _Grant(
            client_id,
            scopes,
            secrets.token_hex(13),
            secrets.token_hex(13),
            time.time() + ACCESS_TOKEN_SECONDS,
        )
        self._by_access[grant.access_token] = grant
        self._by_refresh[grant.refresh_token] = grant
        return {
            "access_token": grant.access_token,
            "token_type": "bearer",
            "refresh_token": grant.refresh_token,
            "expires_in": ACCESS_TOKEN_SECONDS,
        }


class IntegrationsState:
    """Reports, dashboards, webhooks and OAuth of the emulated account."""

    def __init__(self, root: SmartsheetState) -> None:
        self.root = root
        self.reports: dict[int, ReportState] = {}
        self.dashboards: dict[int, DashboardState] = {}
        self.webhooks: dict[int, dict[str, Any]] = {}
        self.oauth = OAuthState()
        #: Webhook callback URLs off loopback cannot be reached from tests: when True their
        #: verification is assumed to pass, when False it fails.
        self.accept_remote_callbacks = True
        #: Challenges and callbacks the emulator sent: (webhook id, kind, HTTP status).
        self.deliveries: list[tuple[int, str, int]] = []
        self._pending: set[asyncio.Task[Any]] = set()

    def schedule(self, delivery: Coroutine[Any, Any, Any]) -> None:
        """Run a callback delivery in the background (the write's answer does not wait)."""
        task = asyncio.get_running_loop().create_task(delivery)
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def settle(self) -> None:
        """Wait until every scheduled callback delivery has finished."""
        while self._pending:
            await asyncio.gather(*list(self._pending), return_exceptions=True)

    def add_report(
        self, name: str, sheet_ids: list[int], columns: list[str] | None = None
    ) -> ReportState:
        """Create a report over ``sheet_ids`` (showing ``columns`` by title, or all)."""
        for sheet_id in sheet_ids:
            self.root.sheet(sheet_id)
        report = ReportState(self.root.next_id(), name, list(sheet_ids), columns)
        self.reports[report.id] = report
        return report

    def add_dashboard(
        self, name: str, widgets: list[dict[str, Any]] | None = None
    ) -> DashboardState:
        """Create a dashboard; widgets get ids and default positions."""
        board = DashboardState(self.root.next_id(), name)
        for index, widget in enumerate(widgets or []):
            board.widgets.append(
                {
                    "id": self.root.next_id(),
                    "type": "RICHTEXT",
                    "xPosition": 0,
                    "yPosition": index * 4,
                    "width": 4,
                    "height": 4,
                    "showTitle": True,
                    "version": 1,
                    **widget,
                }
            )
        self.dashboards[board.id] = board
        return board

    def report(self, report_id: int) -> ReportState:
        try:
            return self.reports[report_id]
        except KeyError:
            raise ApiFailure(404, 1006, "Not Found") from None

    def dashboard(self, dashboard_id: int) -> DashboardState:
        try:
            return self.dashboards[dashboard_id]
        except KeyError:
            raise ApiFailure(404, 1006, "Not Found") from None

    def webhook(self, webhook_id: int) -> dict[str, Any]:
        try:
            return self.webhooks[webhook_id]
        except KeyError:
            raise ApiFailure(404, 1006, "Not Found") from None

    # -- reports over sheets -------------------------------------------------------------

    def report_columns(self, report: ReportState) -> list[dict[str, Any]]:
        """Source columns merged by (title, type) into virtual columns."""
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        wanted = report.column_titles
        for sheet_id in report.source_sheet_ids:
            sheet = self.root.sheets.get(sheet_id)
            for col in sheet.columns if sheet is not None else []:
                key = (col["title"], col.get("type", "TEXT_NUMBER"))
                if key in seen or (wanted is not None and col["title"] not in wanted):
                    continue
                seen.add(key)
                vid = report.virtual_ids.setdefault(key, self.root.next_id())
                column = {
                    "virtualId": vid,
                    "title": key[0],
                    "type": key[1],
                    "index": len(out),
                    "width": col.get("width", 150),
                }
                if col.get("primary"):
                    column["primary"] = True
                out.append(column)
        if wanted is not None:
            out.sort(key=lambda c: wanted.index(c["title"]))
            for index, column in enumerate(out):
                column["index"] = index
        return out

    def report_rows(
        self, report: ReportState, columns: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """Every source row, its cells mapped to the report's virtual columns."""
        by_key = {(c["title"], c["type"]): c["virtualId"] for c in columns}
        rows: list[dict[str, Any]] = []
        for sheet_id in report.source_sheet_ids:
            sheet = self.root.sheets.get(sheet_id)
            if sheet is None:
                continue  # a deleted source sheet drops out of the report
            virtual = {
                col["id"]: by_key.get((col["title"], col.get("type", "TEXT_NUMBER")))
                for col in sheet.columns
            }
            for row in sheet.rows:
                cells = [
                    {**cell, "virtualColumnId": virtual[cell["columnId"]]}
                    for cell in row.get("cells", [])
                    if virtual.get(cell["columnId"]) is not None
                ]
                rows.append(
                    {
                        "id": row["id"],
                        "sheetId": sheet.id,
                        "rowNumber": len(rows) + 1,
                        "accessLevel": "OWNER",
                        "expanded": True,
                        "createdAt": row.get("createdAt"),
                        "modifiedAt": row.get("modifiedAt"),
                        "cells": cells,
                    }
                )
        return rows

    def owner_share(self, created_at: str) -> dict[str, Any]:
        from .container_state import share_id

        return {
            "id": share_id("user", CURRENT_USER["id"]),
            "type": "USER",
            "userId": CURRENT_USER["id"],
            "email": CURRENT_USER["email"],
            "name": CURRENT_USER["name"],
            "accessLevel": "OWNER",
            "scope": "ITEM",
            "createdAt": created_at,
            "modifiedAt": created_at,
        }
