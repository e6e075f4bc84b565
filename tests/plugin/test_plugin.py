"""The pytest plugin, run in inner pytest sessions (pytester) in strict and auto mode, -W error."""

from __future__ import annotations

import pytest

pytest_plugins = ("pytester",)

README_STYLE = """
import pytest
from smartsuite.smartsheet import Column


async def my_job(client):
    workspace = await client.workspaces.create("Sync")
    sheet = await client.sheets.create_in_workspace(
        workspace.id, "Synced", [Column(title="Name", primary=True)]
    )
    (await client.rows.add(sheet.id, [{"Name": "Ada"}])).raise_for_failures()


@pytest.mark.asyncio
async def test_my_job(smartsheet_client, smartsuite_emulator):
    await my_job(smartsheet_client)
    [sheet] = smartsuite_emulator.smartsheet.state.sheets.values()
    assert len(sheet.rows) == 1
"""

MARKERS = """
import pytest
from smartsuite import RateLimitConfig
from smartsuite.emulator import Fault
from smartsuite.smartsheet import Column

pytestmark = pytest.mark.asyncio


@pytest.mark.smartsuite_faults("smartsheet", latency=0.001, script=[Fault.RATE_LIMIT])
async def test_faults_preset(smartsheet_client, smartsuite_emulator):
    assert smartsuite_emulator.smartsheet.faults.latency == 0.001
    assert smartsuite_emulator.rm.faults.latency == 0.0  # only the service named
    await smartsheet_client.sheets.list().to_list()
    assert smartsheet_client.stats.rate_limited == 1  # the scripted 429, then a retry


@pytest.mark.smartsuite_faults(script=[(Fault.UNAVAILABLE, {"times": 2, "method": "GET"})])
async def test_scripted_with_options(rm_client, smartsuite_emulator):
    await rm_client.users.list().to_list()
    assert rm_client.stats.retries["http_503"] == 2


async def test_no_marker_means_no_faults(smartsheet_client):
    await smartsheet_client.sheets.list().to_list()
    assert smartsheet_client.stats.total_retries == 0


@pytest.mark.smartsuite_pacing(rate=7, per=1, burst=3)
async def test_pacing(smartsuite_rate_limit, smartsheet_client):
    assert smartsuite_rate_limit == RateLimitConfig(rate=7, per=1, burst=3)


@pytest.mark.smartsuite_faults(lateness=1)
async def test_unknown_setting(smartsuite_emulator):
    pass
"""

SESSION = """
import pytest
from smartsuite import SmartsheetClient
from smartsuite.smartsheet import Column


@pytest.mark.asyncio
async def test_first_writes(smartsuite_emulator_session):
    emu = smartsuite_emulator_session
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        workspace = await ss.workspaces.create("Session")
        columns = [Column(title="A", primary=True)]
        await ss.sheets.create_in_workspace(workspace.id, "Shared", columns)


@pytest.mark.asyncio
async def test_second_sees_it(smartsuite_emulator_session):
    emu = smartsuite_emulator_session
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        names = [s.name async for s in ss.sheets.list()]
    assert names == ["Shared"]


def test_sync_test_can_use_it_too(smartsuite_emulator_session):
    assert smartsuite_emulator_session.smartsheet.state.sheets
"""


def _run(pytester: pytest.Pytester, mode: str, *extra: str) -> pytest.RunResult:
    # No asyncio_default_fixture_loop_scope: a newcomer's project, the plugin's defaults.
    pytester.makeini(f"[pytest]\nasyncio_mode = {mode}\n")
    return pytester.runpytest_subprocess("-W", "error", "-p", "no:cacheprovider", *extra)


def _no_warnings(result: pytest.RunResult) -> None:
    assert result.parseoutcomes().get("warnings", 0) == 0
    assert "warnings summary" not in result.stdout.str()
    assert "Warning" not in result.stderr.str()


def test_strict_mode(pytester: pytest.Pytester) -> None:
    """pytest-asyncio's default mode: the README's test, the markers, the session emulator."""
    pytester.makepyfile(test_job=README_STYLE, test_markers=MARKERS, test_session=SESSION)
    result = _run(pytester, "strict")
    result.assert_outcomes(passed=1 + 4 + 3, errors=1)
    result.stdout.fnmatch_lines(["*unknown settings*lateness*allowed: burst, latency*"])
    _no_warnings(result)


def test_auto_mode(pytester: pytest.Pytester) -> None:
    """In auto mode no marker is needed, and the session emulator works the same."""
    pytester.makepyfile(
        test_job=README_STYLE.replace("@pytest.mark.asyncio\n", ""), test_session=SESSION
    )
    result = _run(pytester, "auto")
    result.assert_outcomes(passed=1 + 3)
    _no_warnings(result)


def test_explicit_loop_scope_setting_is_respected(pytester: pytest.Pytester) -> None:
    pytester.makeini(
        "[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = module\n"
    )
    pytester.makepyfile(test_job=README_STYLE)
    result = pytester.runpytest_subprocess("-W", "error", "-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*asyncio_default_fixture_loop_scope=module*"])
