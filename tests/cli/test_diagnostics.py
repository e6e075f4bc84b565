"""``-v`` shows the request log and never a secret, even one the server echoes; output is not
wrapped for a pipe; the version; and the environment supplies the base URL and region."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from smartsuite.emulator import Emulator

from .test_commands import invoke, ss_args

SECRET = "s3cret-token-value-123"


@pytest.fixture
async def echo_server() -> AsyncIterator[str]:
    """A hostile server that puts the caller's token into its answers (error and success)."""

    async def handler(request: web.Request) -> web.Response:
        token = request.headers.get("Authorization", "")
        if request.query.get("page") == "2":
            return web.json_response({"data": [], "totalCount": 0, "echo": token})
        body = {
            "errorCode": 1002,
            "message": f"your token {token} is not valid here",
            "refId": token,
        }
        return web.json_response(body, status=401, headers={"X-Echo": token})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/2.0"
    await runner.cleanup()


async def test_verbose_shows_the_request_log(smartsuite_emulator: Emulator) -> None:
    for args in (["-v", "sheets", "list"], ["sheets", "list", "--verbose"]):
        result = await invoke(*args, *ss_args(smartsuite_emulator))
        assert result.exit_code == 0, result.output
        assert "smartsuite: GET /smartsheet/2.0/sheets -> 200 in" in result.stderr
        assert smartsuite_emulator.smartsheet_token not in result.output
    quiet = await invoke("sheets", "list", *ss_args(smartsuite_emulator))
    assert "smartsuite:" not in quiet.stderr


@pytest.mark.parametrize("extra", [[], ["--json"]])
async def test_verbose_never_prints_a_secret_the_server_echoes(
    echo_server: str, extra: list[str]
) -> None:
    result = await invoke(
        "-v", "sheets", "list", "--base-url", echo_server, "--token", SECRET, *extra
    )
    assert result.exit_code == 3
    assert "GET /2.0/sheets -> 401" in result.stderr
    assert SECRET not in result.output and "***" in result.output


async def test_the_environment_gives_the_token_base_url_and_region(
    smartsuite_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {
        "SMARTSUITE_BASE_URL": smartsuite_emulator.smartsheet_url,
        "SMARTSHEET_ACCESS_TOKEN": smartsuite_emulator.smartsheet_token,
    }
    ok = await invoke("sheets", "list", "--json", env=env)
    assert ok.exit_code == 0 and ok.stdout.strip() == "[]"
    bad_region = await invoke(
        "sheets", "list", env={"SMARTSUITE_REGION": "mars", "SMARTSHEET_ACCESS_TOKEN": "x1234"}
    )
    assert bad_region.exit_code == 2
    assert "--region must be one of us, eu, gov, au, got 'mars'" in bad_region.stderr
    no_token = await invoke("sheets", "list", env={**env, "SMARTSHEET_ACCESS_TOKEN": ""})
    assert (
        no_token.exit_code == 2
        and "pass --token or set $SMARTSHEET_ACCESS_TOKEN" in no_token.stderr
    )
    insecure = await invoke(
        "sheets", "list", "--base-url", "http://example.com/2.0", "--token", "x1234"
    )
    assert insecure.exit_code == 2 and "--base-url" in insecure.stderr
    assert "base_url" not in insecure.stderr and "allow_insecure" not in insecure.stderr


async def test_output_is_not_wrapped_for_a_pipe(smartsuite_emulator: Emulator) -> None:
    name = "a sheet name long enough that an 80 column terminal would wrap the message " * 2
    result = await invoke("sheets", "export", name, "-o", "x.csv", *ss_args(smartsuite_emulator))
    assert result.exit_code == 2
    assert f"error: no sheet named {name!r}" in result.stderr.splitlines()
