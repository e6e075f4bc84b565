"""A real redis-server on a free loopback port, started and stopped by the tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from typing import Any

import pytest

REDIS_MISSING = (
    "redis-server is not installed (apt-get install redis-server); the Redis backend tests "
    "need a real server"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """One ``redis-server --port N --save "" --appendonly no`` subprocess.

    Args:
        password: when set, the server requires it (``--requirepass``).
    """

    def __init__(self, password: str | None = None) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip(REDIS_MISSING)
        self.binary = binary
        self.port = free_port()
        self.password = password
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def start(self) -> None:
        args = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        args += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        if self.password:
            args += ["--requirepass", self.password]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise RuntimeError(f"redis-server exited: {err}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    reply = sock.recv(64)
                if reply.startswith((b"+PONG", b"-NOAUTH")):
                    return
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError("redis-server did not start within 10 s")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def overlapping_writes(log: Sequence[Any]) -> int:
    """Pairs of logged writes to one object whose server-side intervals intersect.

    An interval runs from the request's arrival to its answer, so it covers any injected
    latency; the service's own ``overlapping_writes`` only sees the handler's part.
    """
    by_key: dict[str, list[tuple[float, float]]] = {}
    for entry in log:
        if entry.write_key is not None and entry.finished:
            by_key.setdefault(entry.write_key, []).append((entry.started, entry.finished))
    count = 0
    for spans in by_key.values():
        spans.sort()
        busy_until = float("-inf")
        for started, finished in spans:
            if started < busy_until:
                count += 1
            busy_until = max(busy_until, finished)
    return count
