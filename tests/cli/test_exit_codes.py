"""Exit codes: one per kind of failure, mapped from the library's error tree in one place,
and errors as JSON under ``--json``."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from smartsuite._core import errors
from smartsuite.cli import main
from smartsuite.cli._errors import ExitCode, exit_code_for
from smartsuite.emulator import Emulator, Fault
from smartsuite.etl import UpsertFailedError, UpsertInterruptedError, UpsertResult

from .test_commands import invoke, ss_args


def _api(cls: type[errors.APIError], status: int) -> errors.APIError:
    return cls("m", status=status, method="GET", path="/x")


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (UpsertFailedError(UpsertResult([])), 1),
        (errors.OutcomeUnknownError("lost"), 1),
        (errors.ConfigurationError("bad"), 2),
        (errors.LimitExceededError("too big"), 2),
        (_api(errors.NotFoundError, 404), 2),
        (_api(errors.BadRequestError, 400), 2),
        (_api(errors.AuthenticationError, 401), 3),
        (_api(errors.PermissionDeniedError, 403), 3),
        (_api(errors.RateLimitedError, 429), 4),
        (_api(errors.ServerError, 503), 4),
        (errors.TransportError("reset"), 4),
        (errors.RequestTimeoutError("slow"), 4),
        (errors.DecodeError("html"), 4),
        (UpsertInterruptedError(UpsertResult([]), errors.TransportError("x")), 4),
        (KeyboardInterrupt(), 130),
    ],
)
def test_each_error_has_its_exit_code(error: BaseException, code: int) -> None:
    assert exit_code_for(error) == code


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_refused_host_fails_fast_naming_the_cause() -> None:
    port = _closed_port()
    began = time.monotonic()
    result = await invoke(
        "sheets", "list", "--base-url", f"http://127.0.0.1:{port}", "--token", "t0ken-x"
    )
    elapsed = time.monotonic() - began
    assert result.exit_code == ExitCode.UNAVAILABLE == 4
    assert elapsed < 5.0, elapsed
    retries = [line for line in result.stderr.splitlines() if line.startswith("retrying")]
    assert retries == [f"retrying ({n}/3): cannot connect to 127.0.0.1:{port}" for n in (1, 2, 3)]
    assert f"cannot connect to 127.0.0.1:{port} (Connection refused)" in result.stderr


async def test_unresolvable_host_fails_fast_naming_the_cause() -> None:
    began = time.monotonic()
    result = await invoke(
        "--retries",
        "1",
        "sheets",
        "list",
        "--base-url",
        "https://no-such-host.invalid",
        "--token",
        "t0ken-x",
    )
    assert result.exit_code == 4
    assert time.monotonic() - began < 5.0
    assert "retrying (1/1): cannot connect to no-such-host.invalid" in result.stderr
    assert "cannot resolve host no-such-host.invalid" in result.stderr


@pytest.mark.parametrize(
    ("fault", "cause"), [(Fault.UNAVAILABLE, "HTTP 503"), (Fault.RATE_LIMIT, "rate limited")]
)
async def test_server_unavailable_or_rate_limit_exhausted_exit_4(
    smartsuite_emulator: Emulator, fault: Fault, cause: str
) -> None:
    smartsuite_emulator.smartsheet.faults.script(fault, times=10)
    result = await invoke("--retries", "2", "sheets", "list", *ss_args(smartsuite_emulator))
    assert result.exit_code == 4, result.output
    lines = [x for x in result.stderr.splitlines() if x.startswith("retrying")]
    assert [x.split(":")[0] for x in lines] == ["retrying (1/2)", "retrying (2/2)"]
    assert all(cause in x for x in lines)


async def test_errors_come_out_as_json(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    emu = smartsuite_emulator
    missing = await invoke(
        "sheets", "export", "Nope", "-o", str(tmp_path / "x.csv"), "--json", *ss_args(emu)
    )
    assert missing.exit_code == 2
    assert json.loads(missing.stdout) == {
        "error": {"type": "ConfigurationError", "message": "no sheet named 'Nope'", "exit_code": 2}
    }
    by_id = await invoke(
        "sheets", "export", "777", "-o", str(tmp_path / "x.csv"), "--json", *ss_args(emu)
    )
    body = json.loads(by_id.stdout)["error"]
    assert by_id.exit_code == 2 and body["type"] == "NotFoundError" and body["status"] == 404
    denied = await invoke(
        "sheets", "list", "--json", "--base-url", emu.smartsheet_url, "--token", "wrong-token"
    )
    assert denied.exit_code == 3 and json.loads(denied.stdout)["error"]["status"] == 401


def test_usage_errors_exit_2_and_are_json_under_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sheets", "export", "--json"]) == 2
    body = json.loads(capsys.readouterr().out)["error"]
    assert body["type"] == "MissingParameter" and body["exit_code"] == 2
    assert main(["sheets", "export"]) == 2
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("smartsuite ")
