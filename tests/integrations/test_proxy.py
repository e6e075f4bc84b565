"""proxy= and trust_env, through a real forward proxy on loopback."""

from __future__ import annotations

import aiohttp
import pytest

from smartsuite import (
    APIError,
    AppSheetClient,
    ConfigurationError,
    ResourceManagementClient,
    SmartsheetClient,
)
from smartsuite.emulator import Emulator
from tests.integrations.forward_proxy import forward_proxy

PASSWORD = "pr0xy-s3cret"


def _with_auth(url: str, password: str = PASSWORD) -> str:
    return url.replace("http://", f"http://etl:{password}@")


async def test_all_three_clients_go_through_an_authenticating_proxy(
    smartsuite_emulator: Emulator,
) -> None:
    emu = smartsuite_emulator
    async with forward_proxy("etl", PASSWORD) as proxy:
        url = _with_auth(proxy.url)
        async with (
            SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url, proxy=url) as ss,
            ResourceManagementClient(emu.rm_token, base_url=emu.rm_url, proxy=url) as rm,
            AppSheetClient(
                emu.appsheet_app_id,
                emu.appsheet_access_key,
                base_url=emu.appsheet_url,
                proxy=url,
            ) as app,
        ):
            await ss.sheets.list().to_list()
            await rm.users.list().to_list()
            await app.table("People", key="ID").list().to_list()
            for client in (ss, rm, app):
                assert PASSWORD not in repr(client) + repr(vars(client._transport))
    relayed = [target for _, target in proxy.relayed]
    assert any("/smartsheet/2.0/sheets" in t for t in relayed)
    assert any("/rm/api/v1/users" in t for t in relayed)
    assert any("/tables/People/Action" in t for t in relayed)
    assert proxy.refused == 0
    # Every request really went through the proxy: the emulator saw the same number.
    assert len(emu.smartsheet.log) + len(emu.rm.log) + len(emu.appsheet.log) == len(relayed)


async def test_wrong_proxy_password_is_refused_without_echoing_it(
    smartsuite_emulator: Emulator,
) -> None:
    emu = smartsuite_emulator
    async with forward_proxy("etl", PASSWORD) as proxy:
        url = _with_auth(proxy.url, "wrong-pass-xyz")
        async with SmartsheetClient(
            emu.smartsheet_token, base_url=emu.smartsheet_url, proxy=url
        ) as ss:
            with pytest.raises(APIError) as info:
                await ss.sheets.list().to_list()
    assert info.value.status == 407
    assert proxy.refused == 1 and not emu.smartsheet.log
    assert "wrong-pass-xyz" not in str(info.value) + repr(info.value)


async def test_trust_env_reads_http_proxy_and_no_proxy(
    smartsuite_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    emu = smartsuite_emulator
    async with forward_proxy() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        async with SmartsheetClient(
            emu.smartsheet_token, base_url=emu.smartsheet_url, trust_env=True
        ) as ss:
            await ss.sheets.list().to_list()
        assert len(proxy.relayed) == 1

        async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
            await ss.sheets.list().to_list()  # the default ignores the environment
        assert len(proxy.relayed) == 1

        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        async with SmartsheetClient(
            emu.smartsheet_token, base_url=emu.smartsheet_url, trust_env=True
        ) as ss:
            await ss.sheets.list().to_list()
        assert len(proxy.relayed) == 1  # bypassed
    assert len(emu.smartsheet.log) == 3


def test_bad_proxy_url_is_a_clear_error_without_the_password() -> None:
    for bad in ("socks5://u:hunter2@p:1080", "http://u:hunter2@", "proxy.example:3128"):
        with pytest.raises(ConfigurationError) as info:
            SmartsheetClient("t", proxy=bad)
        assert "hunter2" not in str(info.value)
        assert "proxy must be" in str(info.value)
    with pytest.raises(ConfigurationError, match="invalid port"):
        SmartsheetClient("t", proxy="http://u:hunter2@p:99999")


async def test_session_options_clash_with_a_borrowed_session() -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(ConfigurationError, match="proxy, trust_env"):
            SmartsheetClient("t", session=session, proxy="http://p:1", trust_env=True)
