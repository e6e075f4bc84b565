"""pytest plugin: fixtures that start the emulator and hand out connected clients.

Installed as a ``pytest11`` entry point. It works with pytest-asyncio in ``strict`` mode (mark
async tests ``@pytest.mark.asyncio``) and in ``auto`` mode, without warnings::

    import pytest

    @pytest.mark.asyncio
    @pytest.mark.smartsuite_faults(latency=0.01, script=[Fault.RATE_LIMIT])
    async def test_my_sync(smartsheet_client, smartsuite_emulator):
        sheet = await smartsheet_client.sheets.create("T", [...])
        assert smartsuite_emulator.smartsheet.log[-1].method == "POST"

Fixtures:
    smartsuite_emulator: a running :class:`~smartsuite.emulator.Emulator`, fresh per test, with
        the test's ``smartsuite_faults`` markers applied.
    smartsuite_emulator_session: one emulator for the whole session, served from its own
        thread and event loop, so tests on any loop scope can reach it (state is shared: use
        distinct sheet names, or the per-test one when a test needs a clean slate).
    smartsuite_rate_limit: the pacing of the fixture clients: the test's ``smartsuite_pacing``
        marker, else :data:`EMULATOR_RATE_LIMIT`. Override the fixture to change it for a module.
    smartsheet_client / rm_client / appsheet_client: clients connected to ``smartsuite_emulator``,
        closed after the test.

Markers:
    ``@pytest.mark.smartsuite_faults(service=None, *, script=(), **settings)``: before the test,
        set ``settings`` (any :class:`~smartsuite.emulator.FaultConfig` field: ``latency``,
        ``rate_limit``, ``burst``, ``mix``, ``seed`` ...) on ``service`` (``"smartsheet"``,
        ``"rm"`` or ``"appsheet"``; all three when None) and script each fault of ``script``
        (a :class:`~smartsuite.emulator.Fault`, or ``(Fault, {"times": 2, "method": "POST"})``).
        Several markers stack.
    ``@pytest.mark.smartsuite_pacing(rate=300, per=60, burst=10)``: the fixture clients' rate
        limit (the arguments of :class:`~smartsuite.RateLimitConfig`).

When the project leaves pytest-asyncio's ``asyncio_default_fixture_loop_scope`` unset, the
plugin sets it to ``function`` (the value pytest-asyncio is moving to), so its deprecation
warning does not fire.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import attrs
import pytest

from ._core.config import RateLimitConfig
from ._core.errors import ConfigurationError
from .emulator import Emulator, Fault, FaultConfig

#: Pacing for fixture clients: fast, since the emulator is local.
EMULATOR_RATE_LIMIT = RateLimitConfig(rate=2000, per=1, burst=200)

_SERVICES = ("smartsheet", "rm", "appsheet")
_SETTABLE = frozenset(a.name for a in attrs.fields(FaultConfig) if not a.name.startswith("_"))
_LOOP_SCOPE_INI = "asyncio_default_fixture_loop_scope"

if TYPE_CHECKING:
    from .appsheet import AppSheetClient
    from .resource_management import ResourceManagementClient
    from .smartsheet import SmartsheetClient

try:
    import pytest_asyncio

    _HAVE_PYTEST_ASYNCIO = True
except ImportError:  # pragma: no cover - without pytest-asyncio the async fixtures cannot run
    _HAVE_PYTEST_ASYNCIO = False


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "smartsuite_faults(service=None, *, script=(), **settings): preset the emulator's "
        "faults for this test (see smartsuite.testing)",
    )
    config.addinivalue_line(
        "markers",
        "smartsuite_pacing(rate, per, burst): the smartsuite fixture clients' RateLimitConfig",
    )
    if _HAVE_PYTEST_ASYNCIO:
        try:
            unset = not config.getini(_LOOP_SCOPE_INI)
        except ValueError:  # pytest-asyncio without this option
            unset = False
        if unset:
            # getini caches; pytest-asyncio reads the same cache right after us.
            config._inicache[_LOOP_SCOPE_INI] = "function"


def apply_fault_markers(emulator: Emulator, node: pytest.Item) -> None:
    """Apply every ``smartsuite_faults`` marker of ``node`` to ``emulator`` (outermost first).

    Raises:
        ConfigurationError: an unknown service or setting, or a malformed scripted fault.
    """
    for marker in reversed(list(node.iter_markers("smartsuite_faults"))):
        kwargs = dict(marker.kwargs)
        service = kwargs.pop("service", marker.args[0] if marker.args else None)
        script = kwargs.pop("script", ())
        unknown = set(kwargs) - _SETTABLE
        if unknown:
            raise ConfigurationError(
                f"smartsuite_faults: unknown settings {sorted(unknown)}; "
                f"allowed: {', '.join(sorted(_SETTABLE))}"
            )
        if service is not None and service not in _SERVICES:
            raise ConfigurationError(
                f"smartsuite_faults: service must be one of {', '.join(_SERVICES)}, got {service!r}"
            )
        for name in (service,) if service else _SERVICES:
            faults: FaultConfig = getattr(emulator, name).faults
            for key, value in kwargs.items():
                setattr(faults, key, value)
            for entry in script:
                fault, options = entry if isinstance(entry, tuple) else (entry, {})
                if not isinstance(fault, Fault):
                    raise ConfigurationError(f"smartsuite_faults: {fault!r} is not a Fault")
                faults.script(fault, **options)


def _pacing(node: pytest.Item) -> RateLimitConfig:
    marker = node.get_closest_marker("smartsuite_pacing")
    if marker is None:
        return EMULATOR_RATE_LIMIT
    return RateLimitConfig(*marker.args, **marker.kwargs)


class _EmulatorThread:
    """An emulator served from its own thread and event loop."""

    def __init__(self) -> None:
        self.emulator = Emulator()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="smartsuite-emulator", daemon=True
        )

    def __enter__(self) -> Emulator:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.emulator.start(), self._loop).result(timeout=30)
        return self.emulator

    def __exit__(self, *exc: object) -> None:
        try:
            asyncio.run_coroutine_threadsafe(self.emulator.close(), self._loop).result(timeout=30)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=30)
            self._loop.close()


@pytest.fixture(scope="session")
def smartsuite_emulator_session() -> Iterator[Emulator]:
    """One emulator for the whole test session, on its own thread (any event loop reaches it)."""
    with _EmulatorThread() as emulator:
        yield emulator


@pytest.fixture
def smartsuite_rate_limit(request: pytest.FixtureRequest) -> RateLimitConfig:
    """The fixture clients' pacing: the ``smartsuite_pacing`` marker, else generous."""
    return _pacing(request.node)


# Without pytest-asyncio the plugin defines no async fixtures (and so never breaks a user's
# pytest).
if _HAVE_PYTEST_ASYNCIO:

    @pytest_asyncio.fixture(loop_scope="function")
    async def smartsuite_emulator(request: pytest.FixtureRequest) -> AsyncIterator[Emulator]:
        """A running emulator of all three services, fresh for each test, with the test's
        ``smartsuite_faults`` markers applied."""
        async with Emulator() as emu:
            apply_fault_markers(emu, request.node)
            yield emu

    @pytest_asyncio.fixture(loop_scope="function")
    async def smartsheet_client(
        smartsuite_emulator: Emulator, smartsuite_rate_limit: RateLimitConfig
    ) -> AsyncIterator[SmartsheetClient]:
        """A :class:`SmartsheetClient` connected to the emulator."""
        from .smartsheet import SmartsheetClient

        async with SmartsheetClient(
            smartsuite_emulator.smartsheet_token,
            base_url=smartsuite_emulator.smartsheet_url,
            rate_limit=smartsuite_rate_limit,
        ) as client:
            yield client

    @pytest_asyncio.fixture(loop_scope="function")
    async def rm_client(
        smartsuite_emulator: Emulator, smartsuite_rate_limit: RateLimitConfig
    ) -> AsyncIterator[ResourceManagementClient]:
        """A :class:`ResourceManagementClient` connected to the emulator."""
        from .resource_management import ResourceManagementClient

        async with ResourceManagementClient(
            smartsuite_emulator.rm_token,
            base_url=smartsuite_emulator.rm_url,
            rate_limit=smartsuite_rate_limit,
        ) as client:
            yield client

    @pytest_asyncio.fixture(loop_scope="function")
    async def appsheet_client(
        smartsuite_emulator: Emulator, smartsuite_rate_limit: RateLimitConfig
    ) -> AsyncIterator[AppSheetClient]:
        """An :class:`AppSheetClient` connected to the emulator's app."""
        from .appsheet import AppSheetClient

        async with AppSheetClient(
            smartsuite_emulator.appsheet_app_id,
            smartsuite_emulator.appsheet_access_key,
            base_url=smartsuite_emulator.appsheet_url,
            rate_limit=smartsuite_rate_limit,
        ) as client:
            yield client


__all__ = ["EMULATOR_RATE_LIMIT", "apply_fault_markers"]
