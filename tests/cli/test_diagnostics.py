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


def test_retry_lines_count_attempts_per_request_from_the_log_records() -> None:
    import io
    import logging

    from rich.console import Console

    from smartsuite.cli._diagnostics import RETRY_TEMPLATE, CliLogHandler, Redactor

    out = io.StringIO()
    redact = Redactor()
    redact.add(SECRET)
    handler = CliLogHandler(
        Console(file=out, width=200), verbose=True, retries=3, redact=redact,
        base_url=lambda: "https://api.example.com/2.0",
    )  # fmt: skip
    answer = "%s %s -> %d in %.1f ms (attempt %d)"

    def log(msg: str, *args: object, **extra: object) -> None:
        record = logging.LogRecord("smartsuite", logging.DEBUG, __file__, 1, msg, args, None)
        record.__dict__.update(extra)
        handler.emit(record)

    log(answer, "GET", "/sheets", 503, 1.0, 1)
    log(RETRY_TEMPLATE, 0.1, "http_503")
    log(answer, "GET", "/sheets", 503, 1.0, 2)
    log(RETRY_TEMPLATE, 0.2, "http_503")
    log(answer, "GET", f"/sheets/{SECRET}", 200, 1.0, 3)  # done: the next retry is a new request's
    log(RETRY_TEMPLATE, 0.1, "connect")
    log(RETRY_TEMPLATE, 0.3, "connect")
    log(RETRY_TEMPLATE, 0.3, "rate_limited", attempt=3)  # a structured attempt wins
    lines = out.getvalue().splitlines()
    assert [x for x in lines if x.startswith("retrying")] == [
        "retrying (1/3): HTTP 503 (in 0.10 s)",
        "retrying (2/3): HTTP 503 (in 0.20 s)",
        "retrying (1/3): cannot connect to api.example.com (in 0.10 s)",
        "retrying (2/3): cannot connect to api.example.com (in 0.30 s)",
        "retrying (3/3): rate limited (HTTP 429) (in 0.30 s)",
    ]
    assert "smartsuite: GET /sheets/*** -> 200 in 1.0 ms (attempt 3)" in lines
