"""Clients for the commands: where to connect (a flag, the environment, or the background
emulator), the command line's retry policy, and the secrets to keep out of the output.

The command line retries less than the library (``--retries``, default 3, with backoff from
0.25 s) and connects with a 5 s timeout, so that an unreachable host fails in seconds with its
cause instead of after minutes of silent backoff; library defaults are unchanged.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from typing import Annotated, Any

import attrs
import typer

from .._core.config import RetryConfig, Timeouts
from .._core.errors import ConfigurationError
from .._core.ratelimit import LocalRateLimit
from ..appsheet import AppSheetClient
from ..appsheet import client as appsheet_client
from ..resource_management import ResourceManagementClient
from ..resource_management import client as rm_client
from ..smartsheet import SmartsheetClient
from ..smartsheet import client as ss_client
from . import _common, _persistent
from ._output import MeasuredLimiter

CONNECT_TIMEOUT = 5.0
BACKOFF_BASE = 0.25

SsBaseUrlOpt = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        envvar="SMARTSUITE_BASE_URL",
        help="Smartsheet API root instead of the region's (any server).",
    ),
]
SsRegionOpt = Annotated[
    str, typer.Option("--region", envvar="SMARTSUITE_REGION", help="us, eu, gov or au.")
]
SsTokenOpt = Annotated[
    str | None,
    typer.Option(
        "--token",
        help="Access token (default: $SMARTSHEET_ACCESS_TOKEN). Never printed.",
        show_default=False,
    ),
]
RmBaseUrlOpt = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        envvar="SMARTSUITE_RM_BASE_URL",
        help="Resource Management API root (default: the production one).",
    ),
]
RmTokenOpt = Annotated[
    str | None,
    typer.Option(
        "--token",
        help="API token (default: $SMARTSHEET_RM_TOKEN). Never printed.",
        show_default=False,
    ),
]
AsBaseUrlOpt = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        envvar="SMARTSUITE_APPSHEET_BASE_URL",
        help="AppSheet API root instead of the region's (any server).",
    ),
]
AsRegionOpt = Annotated[
    str,
    typer.Option(
        "--region", envvar="SMARTSUITE_APPSHEET_REGION", help="global, eu or asia-southeast."
    ),
]
AppIdOpt = Annotated[
    str | None, typer.Option("--app-id", help="The app id (default: $APPSHEET_APP_ID).")
]
AccessKeyOpt = Annotated[
    str | None,
    typer.Option(
        "--access-key",
        help="Application Access Key (default: $APPSHEET_ACCESS_KEY). Never printed.",
        show_default=False,
    ),
]


def cli_retry(default: RetryConfig) -> RetryConfig:
    """The service's retry policy with the command line's number of retries and quick backoff."""
    return attrs.evolve(
        default,
        max_attempts=_common.state.retries + 1,
        backoff_base=BACKOFF_BASE,
        backoff_max=min(default.backoff_max, 30.0),
    )


def _options(default_retry: RetryConfig, limiter: MeasuredLimiter) -> dict[str, Any]:
    return {
        "retry": cli_retry(default_retry),
        "timeouts": Timeouts(connect=CONNECT_TIMEOUT),
        "rate_limit": limiter,
    }


def background_emulator(enabled: bool) -> _persistent.Running | None:
    """The background emulator when ``--emulator`` is given (started when absent)."""
    if not enabled:
        return None
    running, started = _persistent.ensure()
    if started:
        _common.say(
            f"started the background emulator on {running.url} (stop: smartsuite emulator --stop)"
        )
    return running


def _secret(value: str | None, env_var: str) -> None:
    _common.state.redact.add(value, os.environ.get(env_var))


@contextlib.asynccontextmanager
async def smartsheet(
    emulator: bool, base_url: str | None, token: str | None, region: str
) -> AsyncIterator[tuple[SmartsheetClient, MeasuredLimiter]]:
    """A Smartsheet client and its measured rate limiter."""
    emu = background_emulator(emulator)
    if emu is not None:
        base_url, token = emu.smartsheet_url, emu.smartsheet_token
    elif base_url is None and region not in ss_client.REGIONS:
        raise ConfigurationError(
            f"--region must be one of {', '.join(ss_client.REGIONS)}, got {region!r}"
        )
    _secret(token, "SMARTSHEET_ACCESS_TOKEN")
    _common.state.base_url = base_url or ss_client.REGIONS[region]
    limiter = MeasuredLimiter(LocalRateLimit(ss_client.DEFAULT_RATE_LIMIT))
    options = _options(ss_client.DEFAULT_RETRY, limiter)
    async with SmartsheetClient(token, region=region, base_url=base_url, **options) as ss:
        yield ss, limiter


@contextlib.asynccontextmanager
async def resource_management(
    emulator: bool, base_url: str | None, token: str | None
) -> AsyncIterator[tuple[ResourceManagementClient, MeasuredLimiter]]:
    """A Resource Management client and its measured rate limiter."""
    emu = background_emulator(emulator)
    if emu is not None:
        base_url, token = emu.rm_url, emu.rm_token
    _secret(token, "SMARTSHEET_RM_TOKEN")
    url = base_url or rm_client.DEFAULT_BASE_URL
    _common.state.base_url = url
    limiter = MeasuredLimiter(LocalRateLimit(rm_client.DEFAULT_RATE_LIMIT))
    options = _options(rm_client.DEFAULT_RETRY, limiter)
    async with ResourceManagementClient(token, base_url=url, **options) as rm:
        yield rm, limiter


@contextlib.asynccontextmanager
async def appsheet(
    emulator: bool, base_url: str | None, app_id: str | None, access_key: str | None, region: str
) -> AsyncIterator[tuple[AppSheetClient, MeasuredLimiter]]:
    """An AppSheet client and its measured rate limiter."""
    emu = background_emulator(emulator)
    if emu is not None:
        base_url, app_id, access_key = (
            emu.appsheet_url,
            emu.appsheet_app_id,
            emu.appsheet_access_key,
        )
    _secret(access_key, "APPSHEET_ACCESS_KEY")
    if base_url is None:
        try:
            base_url = appsheet_client.region_url(region)
        except ConfigurationError:
            raise ConfigurationError(
                f"--region must be one of {', '.join(appsheet_client.REGIONS)}, got {region!r}"
            ) from None
    _common.state.base_url = base_url
    limiter = MeasuredLimiter(LocalRateLimit(appsheet_client.DEFAULT_RATE_LIMIT))
    options = _options(appsheet_client.DEFAULT_RETRY, limiter)
    async with AppSheetClient(
        app_id, access_key, region=region, base_url=base_url, **options
    ) as app:
        yield app, limiter
