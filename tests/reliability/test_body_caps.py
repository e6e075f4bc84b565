"""Bounded memory on hostile bodies: a gzip bomb, an oversized body with and without
Content-Length, and an endless chunked body, from a real loopback server to all three clients.
Each ends in ResponseTooLargeError naming the cap, with memory near the cap, not the body."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import attrs
import pytest

from smartsuite import Limits, ResponseTooLargeError
from smartsuite._core.config import RetryConfig
from smartsuite._core.errors import ConfigurationError, DecodeError
from smartsuite.appsheet import AppSheetClient
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.smartsheet import SmartsheetClient

MiB = 1 << 20
ONCE = RetryConfig(max_attempts=1)
TOKEN = "body-caps-token-0123456789"
CAP = 2 * MiB

Factory = Callable[..., Any]
CLIENTS: dict[str, tuple[Factory, Callable[[Any], Any]]] = {
    "smartsheet": (
        lambda url, **o: SmartsheetClient(TOKEN, base_url=url, retry=ONCE, **o),
        lambda c: c.sheets.get(1),
    ),
    "rm": (
        lambda url, **o: ResourceManagementClient(TOKEN, base_url=url + "/api/v1", retry=ONCE, **o),
        lambda c: c.users.get(1),
    ),
    "appsheet": (
        lambda url, **o: AppSheetClient("app", TOKEN, base_url=url, retry=ONCE, **o),
        lambda c: c.table("People").list().to_list(),
    ),
}


@attrs.define
class Hostile:
    root: str

    def url(self, mode: str) -> str:
        return f"{self.root}/{mode}"

    async def stats(self) -> dict[str, int]:
        async with aiohttp.ClientSession() as session, session.get(self.url("_stats")) as resp:
            data: dict[str, int] = await resp.json()
            return data


@pytest.fixture(scope="module")
def hostile_process() -> Iterator[str]:
    """The hostile server (tests/reliability/hostile_server.py) in its own process."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.hostile_server"],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def hostile(hostile_process: str) -> Hostile:
    return Hostile(hostile_process)


def measure() -> contextlib.AbstractContextManager[list[int]]:
    """Peak traced memory of the block, appended to the yielded list."""

    @contextlib.contextmanager
    def block() -> Iterator[list[int]]:
        peak: list[int] = []
        tracemalloc.start()
        try:
            yield peak
        finally:
            peak.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()

    return block()


def test_defaults_are_at_least_512_mib_and_caps_are_checked() -> None:
    assert Limits().max_decoded_bytes >= 512 * MiB
    assert Limits().max_body_bytes >= 512 * MiB
    for bad in (0, -1, True, 1.5):
        with pytest.raises(ConfigurationError, match="max_body_bytes"):
            Limits(max_body_bytes=bad)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="limits"):
        SmartsheetClient(TOKEN, limits={"max_body_bytes": 1})  # type: ignore[typeddict-item]


@pytest.mark.parametrize("name", CLIENTS)
async def test_gzip_bomb_stops_at_the_decoded_cap_in_bounded_memory(
    hostile: Hostile, name: str
) -> None:
    factory, call = CLIENTS[name]
    before = (await hostile.stats()).get("bomb", 0)
    async with factory(hostile.url("bomb"), limits=Limits(max_decoded_bytes=CAP)) as client:
        with measure() as peak, pytest.raises(ResponseTooLargeError) as info:
            await call(client)
    error = info.value
    assert error.limit == "max_decoded_bytes" and error.cap == CAP
    assert "Limits.max_decoded_bytes" in str(error) and "2,097,152" in str(error)
    # the bomb inflates to 64 MiB; the client held about the cap
    assert peak[0] < 3 * CAP, f"peak {peak[0] / MiB:.1f} MiB for a {CAP / MiB:.0f} MiB cap"
    assert (await hostile.stats())["bomb"] == before + 1  # not asked for again


@pytest.mark.parametrize("name", CLIENTS)
async def test_oversized_plain_body_is_refused_from_its_content_length(
    hostile: Hostile, name: str
) -> None:
    factory, call = CLIENTS[name]
    async with factory(hostile.url("big"), limits=Limits(max_body_bytes=CAP)) as client:
        with (
            measure() as peak,
            pytest.raises(ResponseTooLargeError, match="Content-Length 8388608") as info,
        ):
            await call(client)
    assert info.value.limit == "max_body_bytes"
    assert peak[0] < CAP  # refused before the 8 MiB body was read


async def test_endless_chunked_body_stops_at_the_cap(hostile: Hostile) -> None:
    factory, call = CLIENTS["smartsheet"]
    async with factory(hostile.url("endless"), limits=Limits(max_body_bytes=CAP)) as client:
        with (
            measure() as peak,
            pytest.raises(ResponseTooLargeError, match="max_body_bytes") as info,
        ):
            await call(client)
    assert info.value.path == "/endless/sheets/1" and info.value.method == "GET"
    assert peak[0] < 3 * CAP
    written = (await hostile.stats())["endless-bytes"]
    assert written < 64 * MiB  # the client hung up; the server never wrote its 256 MiB


async def test_compressed_bytes_on_the_wire_are_counted_too(hostile: Hostile) -> None:
    # 4 MiB of random bytes: as large on the wire as decoded, chunked, no Content-Length
    factory, call = CLIENTS["rm"]
    limits = Limits(max_body_bytes=CAP, max_decoded_bytes=64 * MiB)
    async with factory(hostile.url("random-gzip"), limits=limits) as client:
        with pytest.raises(ResponseTooLargeError) as info:
            await call(client)
    assert info.value.limit == "max_body_bytes"


async def test_bodies_within_the_caps_are_read_whole(hostile: Hostile) -> None:
    factory, call = CLIENTS["smartsheet"]  # 8 MiB of spaces: within the caps, then not JSON
    async with factory(hostile.url("big"), limits=Limits(max_body_bytes=16 * MiB)) as client:
        with pytest.raises(DecodeError, match="empty"):
            await call(client)


async def test_streamed_downloads_are_exempt(hostile: Hostile) -> None:
    factory, _ = CLIENTS["smartsheet"]
    async with factory(hostile.url("x"), limits=Limits(max_body_bytes=CAP)) as client:
        received = 0
        async with client._transport.stream(hostile.url("big") + "/file.bin") as chunks:
            async for chunk in chunks:
                received += len(chunk)
    assert received == 8 * MiB


async def test_a_body_longer_than_its_content_length_is_read_only_to_that_length() -> None:
    # An uncompressed answer with Content-Length within the caps is read in one bounded read;
    # a server that then keeps writing garbage gets the client to take the declared body or
    # to drop the connection as broken (aiohttp sees a malformed next answer), never to read
    # on.
    import asyncio

    from smartsuite._core.errors import TransportError
    from tests.core.support import make_transport

    body = b'{"a":"12345678"}'

    async def liar(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}"
        writer.write(head.encode() + b"\r\n\r\n" + body)
        with contextlib.suppress(ConnectionError):
            for _ in range(64):  # 8 MiB more
                writer.write(b"x" * (128 * 1024))
                await writer.drain()
        writer.close()

    server = await asyncio.start_server(liar, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport = make_transport(f"http://127.0.0.1:{port}", retry=ONCE)
    try:
        with measure() as peak:
            try:
                response = await transport.request("GET", "/x")
            except TransportError as exc:
                assert "connection lost" in str(exc)
            else:
                assert response.body == body
        assert peak[0] < CAP
    finally:
        await transport.aclose()
        server.close()
