"""Synchronous clients for scripts, notebooks and WSGI apps: ``smartsuite.sync``.

::

    from smartsuite.sync import SmartsheetClient

    with SmartsheetClient() as ss:            # token from $SMARTSHEET_ACCESS_TOKEN
        sheet = ss.sheets.get(sheet_id)
        for row in ss.rows.list(sheet_id):    # paginators are plain iterators
            ...

Every method of the async clients' namespaces is here with the same name, arguments and return
types; coroutines block until done, ``AsyncPaginator[T]`` is a :class:`Paginator` (``for``,
``pages()``, ``to_list()``, ``first_page()``), async generators are iterators, and ``async with``
is ``with``. Errors are the async API's own classes. The ETL entry points (``upsert_rows``,
``stream_sheet``, ``write_records`` ...) are in :mod:`smartsuite.sync.etl`.

How it works: each sync client owns a *portal*, one asyncio event loop in a daemon thread, and
runs the async client on it. Any thread may call (a thread pool may share one client; a notebook
whose main thread runs a loop is fine); only the portal's own thread may not (callbacks such as
``on_progress`` run there), which raises :class:`LoopThreadError`. Closing the client or leaving
its ``with`` stops the thread; a forgotten client is stopped when collected or at exit. Ctrl-C
during a call cancels the async task, waits for it to wind down (bulk results and upsert
checkpoints stay as the async API leaves them) and raises ``KeyboardInterrupt``.

The typed surface is generated from the async classes and checked in. After changing the async
API, regenerate it with::

    python -m smartsuite._syncgen          # --check: only report stale modules

(a test fails while the checked-in modules are stale).
"""

from . import etl
from ._appsheet import AppSheetClient
from ._portal import ClientClosedError, LoopThreadError, Portal
from ._resource_management import ResourceManagementClient
from ._runtime import Paginator
from ._smartsheet import SmartsheetClient
from .emulator import EmulatorThread

__all__ = [
    "AppSheetClient",
    "ClientClosedError",
    "EmulatorThread",
    "LoopThreadError",
    "Paginator",
    "Portal",
    "ResourceManagementClient",
    "SmartsheetClient",
    "etl",
]
