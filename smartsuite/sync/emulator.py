"""The emulator for sync code: ``with EmulatorThread() as emu:`` serves it from its own thread.

::

    from smartsuite.sync import EmulatorThread, SmartsheetClient

    with EmulatorThread() as emu, SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url
    ) as ss:
        ...
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from ..emulator import Emulator
from ._portal import Portal


class EmulatorThread:
    """A :class:`~smartsuite.emulator.Emulator` serving from a portal thread of its own.

    Args:
        **options: the :class:`Emulator` arguments (host, port, tokens ...).

    The emulator's state (``emu.smartsheet.faults`` ...) is read and set from your thread.
    """

    def __init__(self, **options: Any) -> None:
        self.emulator = Emulator(**options)
        self._portal: Portal | None = None

    def start(self) -> Emulator:
        """Start serving; returns the emulator (its URLs and tokens)."""
        if self._portal is None:
            portal = Portal("smartsuite-emulator")
            try:
                portal.call(self.emulator.start())
            except BaseException:
                portal.close()
                raise
            portal.on_close(self.emulator.close)
            self._portal = portal
        return self.emulator

    def stop(self) -> None:
        """Stop serving and end the thread."""
        if self._portal is not None:
            portal, self._portal = self._portal, None
            portal.close()

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
