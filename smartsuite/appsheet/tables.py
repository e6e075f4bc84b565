"""``Table``: Find, Add, Edit, Delete and custom actions on one AppSheet table.

Every request is one Action (see :mod:`.actions`). Reads come back as an
:class:`AsyncPaginator` of one page (AppSheet answers a Find at once); writes go out in
batches and come back as an :class:`ActionResult` with one entry per input row.

A table depends on no client: it is given the transport to send on and the app settings to
read at each call (:class:`AppSettings`, which :class:`AppSheetClient` is).
"""

from __future__ import annotations

import builtins
import logging
from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar, cast

import attrs

from .._core.bulk import BatchOutcome, ItemResult, Outcome, run_in_batches
from .._core.errors import ConfigurationError, DecodeError, OutcomeUnknownError
from .._core.ids import key_value
from .._core.paging import AsyncPaginator, Page
from .._core.renames import warn_renamed
from .._core.transport import Transport
from .actions import IDEMPOTENT_ACTIONS, action_path, parse_action_response, row_not_found
from .models import ActionResponse, ActionResult, Properties, Row
from .schemas import Schema, schema_for
from .selectors import Selector, render_selector
from .values import row_to_wire, to_wire

T = TypeVar("T")

log = logging.getLogger("smartsuite.appsheet")


class AppSettings(Protocol):
    """What a :class:`Table` reads from its app at each call (an :class:`AppSheetClient`):
    changing them on the client changes what its tables send next."""

    @property
    def app_id(self) -> str: ...

    @property
    def properties(self) -> Properties: ...

    @property
    def batch_size(self) -> int: ...


def _key_text(value: Any) -> str:
    return str(value).strip()


class Table(Generic[T]):
    """One table of an app; made by :meth:`AppSheetClient.table`.

    Attributes:
        name: the table name.
        key: the key column, when known.
        schema: the :class:`Schema` rows decode into, when the table has one.
    """

    def __init__(
        self,
        app: AppSettings,
        name: str,
        *,
        transport: Transport,
        key: str | None = None,
        schema: type[T] | None = None,
        properties: Properties | None = None,
        batch_size: int | None = None,
    ) -> None:
        self._app = app
        self._transport = transport
        self.name = name
        self.schema: Schema[T] | None = schema_for(schema) if schema is not None else None
        self.key = key or (self.schema.key if self.schema else None)
        self._properties = properties
        self._batch_size = batch_size

    def __repr__(self) -> str:
        return f"<Table {self.name!r} key={self.key!r} of {self._app!r}>"

    # -- plumbing --------------------------------------------------------------------------

    def properties(self, override: Properties | None = None) -> Properties:
        """The Properties a request would carry: client's, then table's, then ``override``."""
        if override is not None and not isinstance(override, Properties):
            raise ConfigurationError(f"properties must be a Properties, got {override!r}")
        return self._app.properties.merged(self._properties).merged(override)

    async def action(
        self,
        action: str,
        rows: Sequence[Row],
        properties: Properties,
        *,
        selector: str | None = None,
    ) -> ActionResponse:
        """Send one Action request with rows already in wire form (no batching).

        Args:
            action: ``Find``, ``Add``, ``Edit``, ``Delete`` or a data-change action's name.
            rows: the ``Rows`` to send.
            properties: the request's Properties.
            selector: the ``Selector`` property (Find only).

        Raises:
            APIError subclasses (BadRequestError for 400, PermissionDeniedError for 403,
            NotFoundError for 404 ...), TransportError, DecodeError.
        """
        parsed = await self._action(action, rows, properties, selector=selector)
        return parsed if parsed is not None else ActionResponse([])

    async def _action(
        self,
        action: str,
        rows: Sequence[Row],
        properties: Properties,
        *,
        selector: str | None = None,
    ) -> ActionResponse | None:
        """:meth:`action`; None when a Delete retried after an ambiguous failure was told
        its rows are not found (the earlier attempt may have deleted them)."""
        props = properties.to_wire()
        if selector is not None:
            props["Selector"] = selector
        body = {"Action": action, "Properties": props, "Rows": list(rows)}
        response = await self._transport.request(
            "POST",
            action_path(self._app.app_id, self.name),
            json=body,
            idempotent=action in IDEMPOTENT_ACTIONS,
            gone_if=row_not_found if action == "Delete" else None,
        )
        if response.already_gone:
            return None
        parsed = parse_action_response(response.json(), response.body)
        for warning in parsed.warnings:
            log.warning("AppSheet %s on %r warned: %s", action, self.name, warning)
        return parsed

    def _decode(self, row: Row, props: Properties) -> T:
        if self.schema is None:
            return cast(T, dict(row))
        return self.schema.decode(row, props.locale)

    def _encode(self, row: Any, props: Properties) -> Row:
        if isinstance(row, Mapping):
            return row_to_wire(row, props.locale, timezone=props.timezone)
        if attrs.has(type(row)):
            schema = self.schema if self.schema is not None else schema_for(type(row))
            return schema.encode(row, props.locale, timezone=props.timezone)
        raise ConfigurationError(f"a row must be a mapping or an attrs instance, got {row!r}")

    def _require_key(self, what: str) -> str:
        if self.key is None:
            raise ConfigurationError(
                f"{what} needs the key column of table {self.name!r}: "
                "pass key= to table() or use a schema with a key column"
            )
        return self.key

    def _key_rows(self, keys: Iterable[Any], props: Properties) -> builtins.list[Row]:
        key = self._require_key("addressing rows by key")
        return [{key: to_wire(key_value(k, "key"), props.locale, column=key)} for k in keys]

    # -- Find ------------------------------------------------------------------------------

    def list(
        self,
        selector: Selector | str | None = None,
        keys: Iterable[Any] | None = None,
        *,
        properties: Properties | None = None,
    ) -> AsyncPaginator[T]:
        """Read rows: all of them, those a selector picks, or those with the given keys.

        ``async for row in table.list(...)``, or ``await table.list(...).to_list()``. AppSheet
        answers a Find with one array, so there is one page, bounded by the transport's body
        limit (:class:`~smartsuite.Limits`); nothing is sent until the paginator is awaited or
        iterated.

        Args:
            selector: a built :class:`Selector` (rendered in the request's Locale) or raw
                expression text.
            keys: key values of the rows to read (needs the table's key column). An empty
                list reads nothing (AppSheet would answer every row).
            properties: Properties for this call.

        Returns:
            A paginator of the rows, decoded into the schema class when the table has one.

        Raises:
            ConfigurationError (at once): both selector and keys, or keys without a key
                column. APIError subclasses, TransportError, DecodeError (when read).
        """
        if selector is not None and keys is not None:
            raise ConfigurationError("pass a selector or keys, not both")
        props = self.properties(properties)
        rows = self._key_rows(keys, props) if keys is not None else []
        text = render_selector(selector, props.locale) if selector is not None else None

        async def fetch(cursor: Hashable | None) -> Page[T]:
            if keys is not None and not rows:
                return Page([], None, 0)
            answer = await self.action("Find", rows, props, selector=text)
            items = [self._decode(r, props) for r in answer.rows]
            return Page(items, None, len(items))

        return AsyncPaginator(fetch, prefetch=False, max_pages=self._transport.limits.max_pages)

    async def find(
        self,
        selector: Selector | str | None = None,
        keys: Iterable[Any] | None = None,
        *,
        properties: Properties | None = None,
    ) -> builtins.list[T]:
        """Deprecated (one release): ``await table.list(...).to_list()``.

        Raises:
            As :meth:`list`.
        """
        warn_renamed("Table.find()", "Table.list() (await table.list(...).to_list())")
        return await self.list(selector, keys, properties=properties).to_list()

    def iter(
        self,
        selector: Selector | str | None = None,
        keys: Iterable[Any] | None = None,
        *,
        properties: Properties | None = None,
    ) -> AsyncPaginator[T]:
        """Deprecated (one release): :meth:`list`, the same paginator."""
        warn_renamed("Table.iter()", "Table.list()")
        return self.list(selector, keys, properties=properties)

    async def get(self, key: Any, *, properties: Properties | None = None) -> T | None:
        """The row with this key, or None.

        Raises:
            ConfigurationError: the table's key column is not known.
        """
        rows = await self.list(keys=[key], properties=properties).to_list()
        return rows[0] if rows else None

    # -- writes ----------------------------------------------------------------------------

    async def add(
        self,
        rows: Iterable[T | Mapping[str, Any]],
        *,
        properties: Properties | None = None,
        batch_size: int | None = None,
    ) -> ActionResult[T]:
        """Add rows. The key may be left out when the table generates it (``UNIQUEID()``).

        Returns:
            An :class:`ActionResult` with the added row (as AppSheet stored it) per input row.

        Raises:
            ConfigurationError: a row AppSheet cannot take; nothing is sent then.
        """
        return await self._write("Add", list(rows), properties, batch_size, need_key=False)

    async def edit(
        self,
        rows: Iterable[T | Mapping[str, Any]],
        *,
        properties: Properties | None = None,
        batch_size: int | None = None,
    ) -> ActionResult[T]:
        """Update rows; each must carry its key. Columns left out keep their values.

        Raises:
            ConfigurationError: a row without its key (when the key column is known).
        """
        return await self._write("Edit", list(rows), properties, batch_size, need_key=True)

    async def delete(
        self,
        keys_or_rows: Iterable[Any],
        *,
        properties: Properties | None = None,
        batch_size: int | None = None,
    ) -> ActionResult[T]:
        """Delete rows given by key values or by rows carrying their key.

        Raises:
            ConfigurationError: bare keys without a known key column.
        """
        items = list(keys_or_rows)
        props = self.properties(properties)
        rows: builtins.list[Any] = [
            r if isinstance(r, Mapping) or attrs.has(type(r)) else self._key_rows([r], props)[0]
            for r in items
        ]
        return await self._write("Delete", rows, properties, batch_size, need_key=True)

    async def invoke(
        self,
        action_name: str,
        rows: Iterable[T | Mapping[str, Any]],
        *,
        properties: Properties | None = None,
        batch_size: int | None = None,
    ) -> ActionResult[T]:
        """Run the table's data-change action ``action_name`` on rows (each with its key).

        Raises:
            ConfigurationError: an empty action name, or a row without its key.
        """
        if not isinstance(action_name, str) or not action_name.strip():
            raise ConfigurationError(f"action_name must be a non-empty string, got {action_name!r}")
        return await self._write(action_name, list(rows), properties, batch_size, need_key=True)

    async def _write(
        self,
        action: str,
        rows: builtins.list[Any],
        properties: Properties | None,
        batch_size: int | None,
        *,
        need_key: bool,
    ) -> ActionResult[T]:
        props = self.properties(properties)
        wire = [self._encode(r, props) for r in rows]
        if need_key and self.key is not None:
            for i, row in enumerate(wire):
                if row.get(self.key) in (None, ""):
                    raise ConfigurationError(
                        f"row {i} has no value for the key column {self.key!r}; {action} needs it"
                    )
        result: ActionResult[T] = ActionResult(
            [ItemResult(i, Outcome.NOT_SENT) for i in range(len(wire))]
        )

        async def send(batch: Sequence[Row]) -> builtins.list[BatchOutcome[T]]:
            answer = await self._action(action, batch, props)
            if answer is None:
                return await self._confirm_gone(batch, props)
            result.warnings.extend(answer.warnings)
            return self._match(batch, answer.rows, props)

        size = batch_size or self._batch_size or self._app.batch_size
        await run_in_batches(
            wire,
            send,
            batch_size=size,
            locks=self._transport.write_locks,
            lock_key=f"appsheet:{self._app.app_id}:{self.name}",
            result=result,
        )
        return result

    async def _confirm_gone(
        self, batch: Sequence[Row], props: Properties
    ) -> builtins.list[BatchOutcome[T]]:
        """After a retried Delete met "not found": read the keys back; a row that is absent
        is deleted, as asked; one still present was refused (the earlier attempt was not
        applied, and another key of the batch really is missing)."""
        assert self.key is not None  # Delete needs the key (checked before sending)
        keys = [row.get(self.key) for row in batch]
        found = await self.action("Find", [{self.key: k} for k in keys], props)
        present = {_key_text(r.get(self.key, "")) for r in found.rows}
        refused = ConfigurationError(
            "the retried Delete was refused (a row of its batch was not found) and this row "
            "is still present"
        )
        return [
            (Outcome.FAILED, None, refused)
            if _key_text(k) in present
            else (Outcome.LANDED, self._decode(row, props), None)
            for k, row in zip(keys, batch, strict=True)
        ]

    def _match(
        self, batch: Sequence[Row], answered: builtins.list[Row], props: Properties
    ) -> builtins.list[BatchOutcome[T]]:
        """Pair each input row with the answer row carrying its key; rows without a key pair
        by position when the counts agree. An input row left without a partner is UNKNOWN."""
        pairs: builtins.list[int | None] = [None] * len(batch)
        if self.key is not None:
            by_key: dict[str, deque[int]] = {}
            for j, row in enumerate(answered):
                by_key.setdefault(_key_text(row.get(self.key, "")), deque()).append(j)
            for i, row in enumerate(batch):
                value = row.get(self.key)
                queue = by_key.get(_key_text(value)) if value not in (None, "") else None
                if queue:
                    pairs[i] = queue.popleft()
        used = {j for j in pairs if j is not None}
        lone_in = [i for i, j in enumerate(pairs) if j is None]
        lone_out = [j for j in range(len(answered)) if j not in used]
        if len(lone_in) == len(lone_out):
            for i, j in zip(lone_in, lone_out, strict=True):
                pairs[i] = j
        missing = OutcomeUnknownError(
            f"AppSheet answered {len(answered)} rows for {len(batch)} sent and none matches "
            "this row; read it back to learn whether it was applied"
        )
        outcomes: builtins.list[BatchOutcome[T]] = []
        for partner in pairs:
            if partner is None:
                outcomes.append((Outcome.UNKNOWN, None, missing))
                continue
            try:
                outcomes.append((Outcome.LANDED, self._decode(answered[partner], props), None))
            except DecodeError as exc:  # it landed; only our reading of the answer failed
                outcomes.append((Outcome.LANDED, None, exc))
        return outcomes


__all__ = ["IDEMPOTENT_ACTIONS", "AppSettings", "Table", "parse_action_response"]
