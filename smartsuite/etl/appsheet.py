"""The AppSheet adapter of the ETL engine: upsert and export a table by its key column."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .._core.bulk import BatchOutcome
from .._core.errors import ConfigurationError, SmartsuiteError
from .._core.paging import AsyncPaginator
from .engine import Existing, OnProgress, Update, upsert
from .records import Key, Record, key_of
from .resend import without_resends
from .result import UpsertResult

if TYPE_CHECKING:
    import os

    from ..appsheet import AppSheetClient, Selector

#: Rows per Add / Edit request.
BATCH_SIZE = 500


class AppSheetTarget:
    """Upserts rows of one AppSheet table, matching on its key column.

    Args:
        app: the client.
        table: the table name.
        key: the table's key column.
        batch_size: rows per request.
    """

    def __init__(
        self, app: AppSheetClient, table: str, *, key: str, batch_size: int = BATCH_SIZE
    ) -> None:
        if batch_size < 1:
            raise ConfigurationError(f"batch_size must be >= 1, got {batch_size}")
        # Adds never re-sent blind: the engine re-reads first (see etl.resend).
        self._app = without_resends(app)
        self._table = self._app.table(table, key=key)
        self.key = key
        self._batch_size = batch_size

    @property
    def name(self) -> str:
        return f"appsheet:{self._app.app_id}:{self._table.name}"

    @property
    def batch_size(self) -> int:
        return self._batch_size

    async def prepare(self, fields: Sequence[str], key: Sequence[str]) -> None:
        """AppSheet matches rows on the table's key column only."""
        if tuple(key) != (self.key,):
            raise ConfigurationError(
                f"AppSheet rows are matched on the table's key column {self.key!r}, not {key!r}"
            )

    def validate(self, record: Record) -> SmartsuiteError | None:
        return None

    def refuse_adds(self, count: int) -> SmartsuiteError | None:
        return None

    async def read(self, key: Sequence[str]) -> dict[Key, Existing]:
        """One Find of the whole table."""
        rows: list[dict[str, Any]] = await self._table.list().to_list()
        found: dict[Key, Existing] = {}
        for row in rows:
            k = key_of(row, key)
            if k is not None and k not in found:
                found[k] = Existing(row.get(self.key), row)
        return found

    async def add(self, records: Sequence[Record]) -> list[BatchOutcome[Any]]:
        result = await self._table.add(records, batch_size=len(records))
        return [(r.outcome, _key(r.value, self.key), r.error) for r in result]

    async def update(self, updates: Sequence[Update]) -> list[BatchOutcome[Any]]:
        rows = [{self.key: u.record[self.key], **u.changes} for u in updates]
        result = await self._table.edit(rows, batch_size=len(rows))
        return [(r.outcome, _key(r.value, self.key), r.error) for r in result]


def _key(row: Any, key: str) -> Any:
    return row.get(key) if isinstance(row, dict) else None


async def upsert_table(
    app: AppSheetClient,
    table: str,
    records: Iterable[Record],
    *,
    key: str,
    checkpoint: str | os.PathLike[str] | None = None,
    dry_run: bool = False,
    on_progress: OnProgress | None = None,
    batch_size: int = BATCH_SIZE,
) -> UpsertResult:
    """Insert or update rows of an AppSheet table by its key column: one Find, then Edit for
    changed rows (changed columns only) and Add for new ones, reconciled like every upsert.

    Args:
        app: the client.
        table: the table name.
        records: dicts keyed by column name.
        key: the table's key column.
        checkpoint / dry_run / on_progress: as for :func:`smartsuite.etl.upsert`.
        batch_size: rows per request.

    Returns:
        An :class:`UpsertResult` (an added row's ``id`` is its key).
    """
    target = AppSheetTarget(app, table, key=key, batch_size=batch_size)
    return await upsert(
        target, records, key=key, checkpoint=checkpoint, dry_run=dry_run, on_progress=on_progress
    )


def stream_table(
    app: AppSheetClient, table: str, selector: Selector | str | None = None
) -> AsyncPaginator[dict[str, Any]]:
    """The rows of a table (those ``selector`` picks) as dicts. AppSheet answers a Find in one
    response, so this is one page."""
    return app.table(table).list(selector)


__all__ = ["BATCH_SIZE", "AppSheetTarget", "stream_table", "upsert_table"]
