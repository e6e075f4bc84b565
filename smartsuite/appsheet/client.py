"""``AppSheetClient``: the async client for the AppSheet API v2 (the table Action endpoint)."""

from __future__ import annotations

import os
from typing import Any, Literal, TypeVar, Unpack, overload

from .._core.auth import HeaderToken, Secret
from .._core.client import BaseClient, TransportOptions, make_transport, resolve_secret
from .._core.config import RateLimitConfig, RetryConfig
from .._core.errors import ConfigurationError
from .actions import action_path
from .models import Properties, Row
from .tables import Table

T = TypeVar("T")

Region = Literal["global", "eu", "asia-southeast"]

#: API hosts per data-residency region. ``api.appsheet.com`` still answers but is deprecated
#: (https://support.google.com/appsheet/answer/10105770, URL).
REGIONS: dict[str, str] = {
    "global": "www.appsheet.com",
    "eu": "eu.appsheet.com",
    "asia-southeast": "asia-southeast.appsheet.com",
}

#: AppSheet publishes no request quota for the API; this keeps a job polite (10/s, bursts of 20).
DEFAULT_RATE_LIMIT = RateLimitConfig(rate=600, per=60, burst=20)

#: Retry Find, Edit and Delete after 429 and 5xx with backoff; Add and custom actions only after
#: a 429 with AppSheet's JSON error (a 500 leaves their outcome unknown). 400, 403 and 404 mean
#: the request itself is wrong.
DEFAULT_RETRY = RetryConfig(
    max_attempts=6,
    max_total_seconds=120,
    backoff_base=0.5,
    backoff_max=30,
    retry_statuses=frozenset({429, 500, 502, 503, 504}),
)

#: Rows per Action request for writes, unless a table or call says otherwise.
DEFAULT_BATCH_SIZE = 500


def region_url(region: str) -> str:
    """The API root of a region: ``https://{host}/api/v2``.

    Raises:
        ConfigurationError: an unknown region.
    """
    if region not in REGIONS:
        raise ConfigurationError(f"unknown region {region!r}; use one of {sorted(REGIONS)}")
    return f"https://{REGIONS[region]}/api/v2"


def _check_batch_size(size: int) -> int:
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        raise ConfigurationError(f"batch_size must be a positive int, got {size!r}")
    return size


class AppSheetClient(BaseClient):
    """Async client for one AppSheet app's tables.

    ::

        async with AppSheetClient() as app:   # $APPSHEET_APP_ID and $APPSHEET_ACCESS_KEY
            people = app.table("People", key="ID")
            async for row in people.list(Filter("People", col("Age") >= 21)):
                print(row["Name"])

    Args:
        app_id: the app's id; defaults to ``$APPSHEET_APP_ID``.
        access_key: an Application Access Key; defaults to ``$APPSHEET_ACCESS_KEY``. It is sent
            in the ``ApplicationAccessKey`` header only, never in the query string.
        region: ``global`` (www.appsheet.com, default), ``eu`` or ``asia-southeast``.
        base_url: any API root (overrides ``region``), for example the emulator's.
        properties: default request Properties (Locale ``en-US`` when not given); tables and
            calls can override any of them.
        batch_size: rows per write request (default 500).
        **options: :class:`TransportOptions` (rate_limit, retry, timeouts, headers, session ...).

    Raises:
        ConfigurationError: no app id or key, an unknown region or a non-https base URL.
    """

    def __init__(
        self,
        app_id: str | None = None,
        access_key: str | Secret | None = None,
        *,
        region: Region | str = "global",
        base_url: str | None = None,
        properties: Properties | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        **options: Unpack[TransportOptions],
    ) -> None:
        if base_url is None:
            base_url = region_url(region)
        if app_id is None:
            app_id = os.environ.get("APPSHEET_APP_ID")
        if not isinstance(app_id, str) or not app_id.strip():
            raise ConfigurationError(
                "no AppSheet app id: pass it as an argument or set $APPSHEET_APP_ID"
            )
        if properties is not None and not isinstance(properties, Properties):
            raise ConfigurationError(f"properties must be a Properties, got {properties!r}")
        secret = resolve_secret(access_key, "APPSHEET_ACCESS_KEY", "AppSheet access key")
        self.app_id = app_id.strip()
        self.properties = Properties(locale="en-US").merged(properties)
        self.batch_size = _check_batch_size(batch_size)
        self._transport = make_transport(
            service="appsheet",
            base_url=base_url,
            auth=HeaderToken("ApplicationAccessKey", secret),
            default_rate_limit=DEFAULT_RATE_LIMIT,
            default_retry=DEFAULT_RETRY,
            options=options,
        )

    def action_path(self, table: str) -> str:
        """The Action path of ``table``, app id and table name URL-encoded.

        Raises:
            ConfigurationError: ``table`` is empty, ``.`` or ``..``.
        """
        return action_path(self.app_id, table)

    @overload
    def table(
        self,
        name: str,
        *,
        key: str | None = ...,
        schema: None = ...,
        properties: Properties | None = ...,
        batch_size: int | None = ...,
    ) -> Table[Row]: ...

    @overload
    def table(
        self,
        name: str,
        *,
        key: str | None = ...,
        schema: type[T],
        properties: Properties | None = ...,
        batch_size: int | None = ...,
    ) -> Table[T]: ...

    def table(
        self,
        name: str,
        *,
        key: str | None = None,
        schema: type[Any] | None = None,
        properties: Properties | None = None,
        batch_size: int | None = None,
    ) -> Table[Any]:
        """A handle on one table of the app. Nothing is sent until it is used.

        Args:
            name: the table name, exactly as in the app (it is URL-encoded for you).
            key: the key column; needed to address rows by key (``list(keys=...)``,
                ``delete(keys)``) and used to match answers to input rows. A schema's key
                column is used when not given.
            schema: an attrs class to decode rows into (see :mod:`smartsuite.appsheet.schemas`);
                rows are plain dicts of strings without one.
            properties: Properties for this table's requests, over the client's.
            batch_size: rows per write request (default: the client's).

        Raises:
            ConfigurationError: an empty name, a bad schema or batch size.
        """
        if not isinstance(name, str) or not name.strip():
            raise ConfigurationError(f"table name must be a non-empty string, got {name!r}")
        return Table(
            self,
            name,
            transport=self._transport,
            key=key,
            schema=schema,
            properties=properties,
            batch_size=_check_batch_size(batch_size) if batch_size is not None else None,
        )

    def __repr__(self) -> str:
        return f"AppSheetClient(app_id={self.app_id!r}, base_url={self.base_url!r})"


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_RETRY",
    "REGIONS",
    "AppSheetClient",
    "region_url",
]
