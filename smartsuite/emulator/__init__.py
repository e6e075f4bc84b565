"""In-memory emulator of the Smartsheet, Resource Management and AppSheet APIs (aiohttp.web).

It is the default peer of ``smartsuite demo``, of our tests and benchmarks, and of users' own
integration tests (see :mod:`smartsuite.testing`). Faults are injected per service through
``emu.smartsheet.faults`` and friends (:class:`FaultConfig`).
"""

from .base import EmulatedService, LoggedRequest
from .faults import Fault, FaultConfig
from .server import (
    DEFAULT_APPSHEET_APP_ID,
    DEFAULT_APPSHEET_KEY,
    DEFAULT_RM_TOKEN,
    DEFAULT_SMARTSHEET_TOKEN,
    Emulator,
)

__all__ = [
    "DEFAULT_APPSHEET_APP_ID",
    "DEFAULT_APPSHEET_KEY",
    "DEFAULT_RM_TOKEN",
    "DEFAULT_SMARTSHEET_TOKEN",
    "EmulatedService",
    "Emulator",
    "Fault",
    "FaultConfig",
    "LoggedRequest",
]
