"""The README's Redis block, run exactly as written (``python file.py``) against a real
redis-server, and without one: it must then say what it needs and exit cleanly.

(It used to be exec'd with ``redis_url`` and ``emu`` predefined; the README blocks are now
complete programs, so this runs the program and checks it used the server.)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.redis.support import RedisServer
from tests.test_readme_examples import blocks

MARK = "# needs the redis extra"


def _redis_blocks() -> list[str]:
    return [b.code for b in blocks() if b.code.startswith(MARK)]


def _run(code: str, tmp_path: Path, redis_url: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "example.py"
    script.write_text(code)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMARTSHEET_", "REDIS"))}
    env["REDIS_URL"] = redis_url
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_readme_has_redis_examples() -> None:
    assert len(_redis_blocks()) >= 1


@pytest.mark.parametrize("code", _redis_blocks())
def test_readme_redis_example_uses_the_server(
    code: str, redis_server: RedisServer, tmp_path: Path
) -> None:
    done = _run(code, tmp_path, redis_server.url)
    assert done.returncode == 0, done.stderr
    assert "skipped" not in done.stdout and "Traceback" not in done.stderr
    assert "fencing token" in done.stdout
    keys = subprocess.run(
        ["redis-cli", "-p", str(redis_server.port), "--scan"],
        capture_output=True,
        text=True,
        timeout=10,
    )
    if keys.returncode == 0:  # redis-cli ships with redis-server; the limiter left its keys
        assert "smartsheet:etl-token" in keys.stdout


@pytest.mark.parametrize("code", _redis_blocks())
def test_readme_redis_example_without_a_server_says_so(code: str, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed once we leave: nothing listens there
    done = _run(code, tmp_path, f"redis://:pw@127.0.0.1:{port}/0")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("skipped: this example needs a Redis server")
    assert "Traceback" not in done.stderr and ":pw@" not in done.stdout
