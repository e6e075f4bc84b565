"""``smartsuite emulator`` in a real subprocess, and ``smartsuite demo`` with a small N."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

import pytest
from typer.testing import CliRunner

from smartsuite.cli import main
from smartsuite.cli.app import build_app
from smartsuite.cli.emulator_cmd import parse_rate


def test_emulator_command_serves_all_three_services() -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from smartsuite.cli import main; sys.exit(main())",
            "emulator",
            "--port",
            "0",
            "--latency-ms",
            "1",
            "--rate-limit",
            "100/s",
            "--faults",
            "500=0.0",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(4)]
        assert "smartsuite emulator on http://127.0.0.1:" in lines[0]
        sheet_line = lines[1].split()
        url, token = sheet_line[1], sheet_line[3]
        assert "rm/api/v1" in lines[2] and "appsheet/api/v2" in lines[3]
        request = urllib.request.Request(
            url + "/sheets", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = json.loads(response.read())
        assert body["data"] == [] and body["totalCount"] == 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_emulator_command_rejects_bad_options() -> None:
    runner = CliRunner()
    result = runner.invoke(build_app(), ["emulator", "--faults", "nonsense=1"])
    assert result.exit_code == 2
    assert "bad fault" in result.output
    result = runner.invoke(build_app(), ["emulator", "--rate-limit", "fast"])
    assert result.exit_code == 2


def test_parse_rate() -> None:
    assert parse_rate("10") == 10.0
    assert parse_rate("10/s") == 10.0
    assert parse_rate("300/min") == 5.0
    assert parse_rate(None) is None


def test_main_returns_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert main(["no-such-command"]) == 2
