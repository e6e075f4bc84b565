"""The emulator behind ``--emulator``: one background process, found through a small state
file, started when absent, so that state survives from one command to the next.

* ``--emulator`` on any command finds the running emulator (state file + process + port all
  alive) or starts one (``smartsuite emulator --background``) and waits for it.
* It stops by itself after ``$SMARTSUITE_EMULATOR_IDLE`` seconds without a request (default
  3600), or with ``smartsuite emulator --stop``.
* The state file is ``$SMARTSUITE_EMULATOR_STATE``, else
  ``$XDG_CACHE_HOME/smartsuite/emulator.json`` (``~/.cache/...``); the process's output goes to
  ``emulator.log`` beside it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

from .._core.errors import ConfigurationError

DEFAULT_IDLE_SECONDS = 3600.0
START_TIMEOUT = 30.0


@attrs.frozen
class Running:
    """A running background emulator, as its state file describes it."""

    pid: int
    url: str
    smartsheet_url: str
    smartsheet_token: str
    rm_url: str
    rm_token: str
    appsheet_url: str
    appsheet_app_id: str
    appsheet_access_key: str

    def to_json(self) -> dict[str, Any]:
        return attrs.asdict(self)


def state_path() -> Path:
    """Where the running emulator is recorded."""
    explicit = os.environ.get("SMARTSUITE_EMULATOR_STATE")
    if explicit:
        return Path(explicit)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "smartsuite" / "emulator.json"


def idle_seconds() -> float:
    text = os.environ.get("SMARTSUITE_EMULATOR_IDLE", "")
    try:
        value = float(text) if text else DEFAULT_IDLE_SECONDS
    except ValueError:
        raise ConfigurationError(
            f"$SMARTSUITE_EMULATOR_IDLE must be a number of seconds, got {text!r}"
        ) from None
    return value if value > 0 else DEFAULT_IDLE_SECONDS


def write_state(path: Path, running: Running) -> None:
    """Record ``running`` atomically (written by the emulator process once it listens)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(running.to_json()))
    os.replace(tmp, path)


def remove_state(path: Path, pid: int) -> None:
    """Remove the state file if it still describes process ``pid``."""
    found = _read(path)
    if found is not None and found.pid == pid:
        path.unlink(missing_ok=True)


def _read(path: Path) -> Running | None:
    try:
        return Running(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError, OSError, AttributeError):  # no WNOHANG: Windows
        os.waitpid(pid, os.WNOHANG)  # reap it if it was our child and has exited
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _listening(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), 1.0):
            return True
    except OSError:
        return False


def find() -> Running | None:
    """The running background emulator, or None (a stale state file is removed)."""
    path = state_path()
    running = _read(path)
    if running is None:
        return None
    if _alive(running.pid) and _listening(running.url):
        return running
    path.unlink(missing_ok=True)
    return None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise find-or-start between concurrent commands (POSIX; elsewhere a no-op)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with path.with_name(path.name + ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _spawn(path: Path, idle: float) -> None:
    """Start ``smartsuite emulator --background`` detached from this process: a launcher starts
    it in a new session and exits at once, so it is never our child (no zombie, and it lives on
    after the command ends)."""
    log = path.with_name("emulator.log")
    command = [
        sys.executable, "-m", "smartsuite.cli", "emulator", "--port", "0",
        "--state-file", str(path), "--idle-timeout", f"{idle:g}",
    ]  # fmt: skip
    launcher = (
        "import subprocess, sys\n"
        "log = open(sys.argv[1], 'ab')\n"
        "subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=log, stderr=log, "
        "start_new_session=True, close_fds=True)\n"
    )
    subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
        [sys.executable, "-c", launcher, str(log), *command],
        check=True,
        stdin=subprocess.DEVNULL,
        timeout=START_TIMEOUT,
    )


def ensure() -> tuple[Running, bool]:
    """The running background emulator, started when absent; and whether it was started now.

    Raises:
        ConfigurationError: it could not be started (the log's last line says why).
    """
    path = state_path()
    with _locked(path):
        running = find()
        if running is not None:
            return running, False
        _spawn(path, idle_seconds())
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            running = _read(path)
            if running is not None and _listening(running.url):
                return running, True
            time.sleep(0.05)
    log = path.with_name("emulator.log")
    tail = log.read_text(errors="replace").strip().splitlines()[-1:] if log.exists() else []
    raise ConfigurationError(
        f"the background emulator did not start within {START_TIMEOUT:g} s"
        + (f": {tail[0]}" if tail else "")
        + f" (log: {log})"
    )


def stop(timeout: float = 10.0) -> Running | None:
    """Stop the background emulator; returns what was stopped (None: none was running)."""
    path = state_path()
    running = find()
    if running is None:
        return None
    with contextlib.suppress(ProcessLookupError):
        os.kill(running.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _alive(running.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _alive(running.pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(running.pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    remove_state(path, running.pid)
    return running
