"""Transport security for all three clients: https only (loopback or opt-in excepted), TLS
certificates verified by default, and no credential header follows a redirect to another host.
(check_base_url itself and the Authorization case are in tests/core.)"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from aiohttp import web

from smartsuite._core.config import RetryConfig
from smartsuite._core.errors import ConfigurationError, TransportError
from smartsuite.appsheet import AppSheetClient
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.smartsheet import OAuthApp, SmartsheetClient, SmartsheetOAuth

ONCE = RetryConfig(max_attempts=1)
SECRET = "credential-under-test-123"

#: name -> (factory(base_url, **options), the credential header, one GET through the client)
Factory = Callable[..., Any]
CLIENTS: dict[str, tuple[Factory, str, Callable[[Any], Any]]] = {
    "smartsheet": (
        lambda url, **o: SmartsheetClient(SECRET, base_url=url, **o),
        "Authorization",
        lambda c: c.sheets.get(1),
    ),
    "rm": (
        lambda url, **o: ResourceManagementClient(SECRET, base_url=url, **o),
        "auth",
        lambda c: c.users.get(1),
    ),
    "appsheet": (
        lambda url, **o: AppSheetClient("app", SECRET, base_url=url, **o),
        "ApplicationAccessKey",
        lambda c: c.table("People").list().to_list(),
    ),
}


@pytest.mark.parametrize("name", CLIENTS)
@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("http://api.example.com/v", False),
        ("http://192.168.1.10/v", False),
        ("ws://127.0.0.1/v", False),
        ("http://127.0.0.1:9/v", True),
        ("http://[::1]:9/v", True),
        ("https://api.example.com/v", True),
    ],
)
def test_only_https_unless_loopback(name: str, url: str, ok: bool) -> None:
    factory = CLIENTS[name][0]
    if ok:
        factory(url)
    else:
        with pytest.raises(ConfigurationError, match="http"):
            factory(url)


@pytest.mark.parametrize("name", CLIENTS)
def test_plain_http_by_explicit_opt_in_and_tls_verified_by_default(name: str) -> None:
    factory = CLIENTS[name][0]
    client = factory("http://internal-proxy.example/v", allow_insecure=True)
    assert client._transport._shared.verify_ssl is True
    assert factory("https://api.example.com/v")._transport._shared.verify_ssl is True
    assert factory("https://x.example/v", verify_ssl=False)._transport._shared.verify_ssl is False


def test_oauth_token_endpoint_is_https_too() -> None:
    app = OAuthApp("id", "client-secret-x")
    with pytest.raises(ConfigurationError):
        SmartsheetOAuth(app, base_url="http://api.example.com/2.0")


# -- TLS against a real TLS server with a self-signed certificate ----------------------------


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:  # pragma: no cover - the CI image has openssl
        pytest.skip("openssl is needed to make a test certificate")
    where = tmp_path_factory.mktemp("tls")
    cert, key = where / "cert.pem", where / "key.pem"
    subprocess.run(
        [
            openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@attrs.define
class Peer:
    url: str
    seen: list[dict[str, str]]


async def serve(app: web.Application, ssl_context: ssl.SSLContext | None = None) -> Any:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=ssl_context)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, port


@pytest.fixture
async def tls_peer(self_signed: tuple[Path, Path]) -> AsyncIterator[Peer]:
    seen: list[dict[str, str]] = []

    async def handle(request: web.Request) -> web.Response:
        seen.append(dict(request.headers))
        return web.json_response({"id": 1, "data": [], "Rows": []})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*self_signed)
    runner, port = await serve(app, context)
    yield Peer(f"https://127.0.0.1:{port}/v", seen)
    await runner.cleanup()


@pytest.mark.parametrize("name", CLIENTS)
async def test_untrusted_certificate_is_refused_before_anything_is_sent(
    tls_peer: Peer, name: str
) -> None:
    factory, _, call = CLIENTS[name]
    async with factory(tls_peer.url, retry=ONCE) as client:
        with pytest.raises(TransportError, match=r"Certificate|SSL|cannot connect"):
            await call(client)
    assert tls_peer.seen == []  # no request, so no credential, reached the server
    async with factory(tls_peer.url, retry=ONCE, verify_ssl=False) as client:
        await call(client)  # the explicit opt-out talks to it
    assert len(tls_peer.seen) == 1


# -- redirects --------------------------------------------------------------------------------


@pytest.fixture
async def redirect_pair() -> AsyncIterator[tuple[Peer, Peer]]:
    """An origin that redirects everything to another host (another port: another origin)."""
    origin_seen: list[dict[str, str]] = []
    other_seen: list[dict[str, str]] = []

    async def other(request: web.Request) -> web.Response:
        other_seen.append(dict(request.headers))
        return web.json_response({"id": 1, "data": [], "Rows": []})

    other_app = web.Application()
    other_app.router.add_route("*", "/{tail:.*}", other)
    other_runner, other_port = await serve(other_app)

    async def origin(request: web.Request) -> web.Response:
        origin_seen.append(dict(request.headers))
        status = 307 if request.method == "POST" else 302
        raise _redirect(status, f"http://localhost:{other_port}/landing")

    origin_app = web.Application()
    origin_app.router.add_route("*", "/{tail:.*}", origin)
    origin_runner, origin_port = await serve(origin_app)
    yield (
        Peer(f"http://127.0.0.1:{origin_port}/v", origin_seen),
        Peer(f"http://localhost:{other_port}", other_seen),
    )
    await origin_runner.cleanup()
    await other_runner.cleanup()


def _redirect(status: int, location: str) -> web.HTTPException:
    cls = web.HTTPTemporaryRedirect if status == 307 else web.HTTPFound
    return cls(location=location)


@pytest.mark.parametrize("name", CLIENTS)
async def test_redirect_to_another_host_carries_no_credential(
    redirect_pair: tuple[Peer, Peer], name: str
) -> None:
    origin, other = redirect_pair
    factory, header, call = CLIENTS[name]
    async with factory(origin.url, retry=ONCE) as client:
        await call(client)
    assert origin.seen and origin.seen[0].get(header) is not None
    assert len(other.seen) == 1
    landed = {k.lower(): v for k, v in other.seen[0].items()}
    for sensitive in ("authorization", "auth", "applicationaccesskey", "assume-user"):
        assert sensitive not in landed
    assert all(SECRET not in v for v in landed.values())
