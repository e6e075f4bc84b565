"""Every ```python block of the README, run exactly as shown: written to a file and run with
``python file.py`` in an empty directory, with no names bound from outside.

The blocks run in parallel subprocesses (once per session); each block is one test that checks
its process ended with exit status 0 and wrote no traceback or warning to stderr. Blocks that
need a server say so in their first line and exit cleanly with a message when it is missing;
this test starts one (Redis) when the block asks for it, through the environment variable the
block documents.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
_FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
_HEADING = re.compile(r"^#{2,4} (.+)$", re.M)
# Credentials a developer may have exported must not leak into "as written" runs.
_SCRUBBED = ("SMARTSHEET_", "APPSHEET_", "SMARTSUITE_", "REDIS_URL", "HTTP_PROXY", "HTTPS_PROXY")


@attrs.frozen
class Block:
    name: str
    line: int
    code: str


@attrs.frozen
class Ran:
    returncode: int
    stdout: str
    stderr: str


def blocks() -> list[Block]:
    text = README.read_text()
    found: list[Block] = []
    seen: dict[str, int] = {}
    for match in _FENCE.finditer(text):
        headings = _HEADING.findall(text, 0, match.start())
        slug = re.sub(r"[^a-z0-9]+", "-", (headings[-1] if headings else "top").lower()).strip("-")
        seen[slug] = seen.get(slug, 0) + 1
        name = slug if seen[slug] == 1 else f"{slug}-{seen[slug]}"
        found.append(Block(name, text.count("\n", 0, match.start()) + 1, match.group(1)))
    return found


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(_SCRUBBED)}
    env.pop("PYTHONPATH", None)  # the installed package, as after `pip install ".[cli]"`
    return {**env, **extra}


def _run(block: Block, workdir: Path, env: dict[str, str]) -> Ran:
    workdir.mkdir(parents=True)
    script = workdir / "example.py"
    script.write_text(block.code)
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str | None]:
    server = shutil.which("redis-server")
    if server is None:
        yield None
        return
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import time

        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def results(tmp_path_factory: pytest.TempPathFactory, redis_url: str | None) -> dict[str, Ran]:
    root = tmp_path_factory.mktemp("readme")
    extra = {"REDIS_URL": redis_url} if redis_url else {}
    env = _env(extra)
    todo = blocks()
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {b.name: pool.submit(_run, b, root / b.name, env) for b in todo}
        return {name: f.result() for name, f in futures.items()}


def test_readme_has_runnable_blocks() -> None:
    found = blocks()
    assert len(found) >= 20
    for block in found:
        # A complete program: an async main run by asyncio, a __main__ guard, or a script on
        # the sync clients (smartsuite.sync), which needs neither.
        complete = ("asyncio.run(main())", "__main__", "from smartsuite.sync import")
        assert any(marker in block.code for marker in complete), block.name
        assert not re.search(r"^await ", block.code, re.M), f"{block.name}: top-level await"


@pytest.mark.parametrize("block", blocks(), ids=lambda b: b.name)
def test_readme_block_runs_as_written(block: Block, results: dict[str, Ran]) -> None:
    ran = results[block.name]
    where = f"README.md line {block.line} ({block.name})"
    assert ran.returncode == 0, f"{where} exited {ran.returncode}:\n{ran.stderr[-3000:]}"
    assert "Traceback" not in ran.stderr, f"{where}:\n{ran.stderr[-3000:]}"
    assert "Warning" not in ran.stderr, f"{where} warned:\n{ran.stderr[-3000:]}"
    # This run has every extra and a Redis server: only a block marked optional may skip.
    if not block.code.startswith("# optional:"):
        assert "skipped:" not in ran.stdout, f"{where}: {ran.stdout[-500:]}"
