"""``Table``: Find, Add, Edit, Delete and custom actions on one AppSheet table.

Every request is ``POST .../tables/{table}/Action`` with ``{"Action", "Properties", "Rows"}``.
Find answers a bare JSON array; the other actions answer ``{"Rows": [...], "Warnings": [...]}``
(both shapes are accepted from every action). Writes go out in batches and come back as an
:class:`ActionResult` with one entry per input row.
See https://support.google.com/appsheet/answer/10105770 and seed 003.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import attrs

from .._core.bulk import BatchOutcome, ItemResult, Outcome, run_in_batches
from .._core.errors import APIError, ConfigurationError, DecodeError, OutcomeUnknownError
from .._core.ids import key_value
from .._core.paging import AsyncPaginator, Page
from .models import ActionResponse, ActionResult, Properties, Row
from .schemas import Schema, schema_for
from .selectors import Selector, render_selector
from .values import row_to_wire, to_wire

if TYPE_CHECKING:
    from .client import AppSheetClient

T = TypeVar("T")

log = logging.getLogger("smartsuite.appsheet")


#: Actions whose repeat leaves the same state as sending them once: Find reads, Edit sets the
#: given values, Delete removes the given keys (seed 003, "Invoke the API"). Add and the
#: data-change actions are not: a repeat may add a second row or run an action twice.
IDEMPOTENT_ACTIONS = frozenset({"Find", "Edit", "Delete"})


def _row_not_found(error: APIError) -> bool:
    """AppSheet's answer to a Delete of a key it does not hold (400 "Row having key ... not
    found")."""
    return error.status == 400 and "not found" in (error.message or "")


def parse_action_response(data: Any, body: bytes) -> ActionResponse:
    """Rows and warnings from either answer shape.

    Raises:
        DecodeError: neither a JSON array of row objects nor ``{"Rows": [...]}``.
    """
    warnings: Any = []
    if isinstance(data, list):
        rows = data
    elif isinstance(data, dict) and isinstance(data.get("Rows"), list):
        rows = data["Rows"]
        warnings = data.get("Warnings") or []
    else:
        raise DecodeError("expected a JSON array of rows or an object with 'Rows'", body=body)
    if not all(isinstance(r, dict) for r in rows):
        raise DecodeError("expected every row to be a JSON object", body=body)
    if not isinstance(warnings, list):
        warnings = [warnings]
    return ActionResponse(rows, [w if isinstance(w, str) else str(w) for w in warnings])


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
        client: AppSheetClient,
        name: str,
        *,
        key: str | None = None,
        schema: type[T] | None = None,
        properties: Properties | None = None,
        batch_size: int | None = None,
    ) -> None:
        self._client = client
        self.name = name
        self.schema: Schema[T] | None = schema_for(schema) if schema is not None else None
        self.key = key or (self.schema.key if self.schema else None)
        self._properties = properties
        self._batch_size = batch_size

    def __repr__(self) -> str:
        return f"<Table {self.name!r} key={self.key!r} of {self._client!r}>"

    # -- plumbing --------------------------------------------------------------------------

    def properties(self, override: Properties | None = None) -> Properties:
        """The Properties a request would carry: client's, then table's, then ``override``."""
        if override is not None and not isinstance(override, Properties):
            raise ConfigurationError(f"properties must be a Properties, got {override!r}")
        return self._client.properties.merged(self._properties).merged(override)

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
        response = await self._client._transport.request(
            "POST",
            self._client.action_path(self.name),
            json=body,
            idempotent=action in IDEMPOTENT_ACTIONS,
            gone_if=_row_not_found if action == "Delete" else None,
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

    def _key_rows(self, keys: Iterable[Any], props: Properties) -> list[Row]:
        key = self._require_key("addressing rows by key")
        return [{key: to_wire(key_value(k, "key"), props.locale, column=key)} for k in keys]

    # -- Find ------------------------------------------------------------------------------

    async def find(
        self,
        selector: Selector | str | None = None,
        keys: Iterable[Any] | None = None,
        *,
        properties: Properties | None = None,
    ) -> list[T]:
        """Read rows: all of them, those a selector picks, or those with the given keys.

        Args:
            selector: a built :class:`Selector` (rendered in the request's Locale) or raw
                expression text.
            keys: key values of the rows to read (needs the table's key column). An empty
                list reads nothing (AppSheet would answer every row).
            properties: Properties for this call.

        Returns:
            The rows, decoded into the schema class when the table has one.

        Raises:
            ConfigurationError: both selector and keys, or keys without a key column.
            APIError subclasses, TransportError, DecodeError.
        """
        if selector is not None and keys is not None:
            raise ConfigurationError("pass a selector or keys, not both")
        props = self.properties(properties)
        rows: list[Row] = []
        if keys is not None:
            rows = self._key_rows(keys, props)
            if not rows:
                return []
        text = render_selector(selector, props.locale) if selector is not None else None
        answer = await self.action("Find", rows, props, selector=text)
        return [self._decode(r, props) for r in answer.rows]

    def iter(
        self,
        selector: Selector | str | None = None,
        keys: Iterable[Any] | None = None,
        *,
        properties: Properties | None = None,
    ) -> AsyncPaginator[T]:
        """:meth:`find` as a paginator: ``async for row in table.iter(...)``.

        The API answers a Find with one array, so there is one page; nothing is sent until the
        paginator is awaited or iterated.
        """
        key_list = list(keys) if keys is not None else None

        async def fetch(cursor: Hashable | None) -> Page[T]:
            items = await self.find(selector, key_list, properties=properties)
            return Page(items, None, len(items))

        limits = self._client._transport.limits
        return AsyncPaginator(fetch, prefetch=False, max_pages=limits.max_pages)

    async def get(self, key: Any, *, properties: Properties | None = None) -> T | None:
        """The row with this key, or None.

        Raises:
            ConfigurationError: the table's key column is not known.
        """
        rows = await self.find(keys=[key], properties=properties)
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
        rows: list[Any] = [
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
        rows: list[Any],
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

        async def send(batch: Sequence[Row]) -> list[BatchOutcome[T]]:
            answer = await self._action(action, batch, props)
            if answer is None:
                return await self._confirm_gone(batch, props)
            result.warnings.extend(answer.warnings)
            return self._match(batch, answer.rows, props)

        size = batch_size or self._batch_size or self._client.batch_size
        await run_in_batches(
            wire,
            send,
            batch_size=size,
            locks=self._client._transport.write_locks,
            lock_key=f"appsheet:{self._client.app_id}:{self.name}",
            result=result,
        )
        return result

    async def _confirm_gone(self, batch: Sequence[Row], props: Properties) -> list[BatchOutcome[T]]:
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
        self, batch: Sequence[Row], answered: list[Row], props: Properties
    ) -> list[BatchOutcome[T]]:
        """Pair each input row with the answer row carrying its key; rows without a key pair
        by position when the counts agree. An input row left without a partner is UNKNOWN."""
        pairs: list[int | None] = [None] * len(batch)
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
        outcomes: list[BatchOutcome[T]] = []
        for partner in pairs:
            if partner is None:
                outcomes.append((Outcome.UNKNOWN, None, missing))
                continue
            try:
                outcomes.append((Outcome.LANDED, self._decode(answered[partner], props), None))
            except DecodeError as exc:  # it landed; only our reading of the answer failed
                outcomes.append((Outcome.LANDED, None, exc))
        return outcomes


__all__ = ["Table", "parse_action_response"]
