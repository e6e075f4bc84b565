"""Evaluates a parsed Selector against the emulator's tables.

A selector yields a list of key values; Find answers the rows with those keys, in that order.
Comparisons follow AppSheet's habits: text compares case-insensitively, a blank equals only a
blank, and text compared with a date, number or Yes/No value is read as one (in the Locale).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import coerce
from .expressions import Call, ColumnRef, Compare, Lit, Node, SelectorError, TableColumn, TableRef

if TYPE_CHECKING:
    from .state import EmuTable

Row = Mapping[str, Any]


class Evaluator:
    """Evaluates selectors for one request.

    Args:
        tables: the app's tables by name.
        order: the request locale's date order (``MDY`` / ``DMY``).
    """

    def __init__(self, tables: Mapping[str, EmuTable], order: str) -> None:
        self.tables = tables
        self.order = order

    # -- selectors: lists of keys ----------------------------------------------------------

    def keys(self, node: Node) -> tuple[EmuTable, list[Any]]:
        """The table a selector reads and the key values it picks, in order."""
        if not isinstance(node, Call):
            raise SelectorError(
                "a Selector must be Filter(...), Select(...), OrderBy(...) or Top(...)"
            )
        if node.name == "FILTER" and len(node.args) == 2 and isinstance(node.args[0], TableRef):
            table = self._table(node.args[0].name)
            cond = node.args[1]
            return table, [key for key, row in table.typed_rows() if self.truth(cond, row, table)]
        if (
            node.name == "SELECT"
            and len(node.args) in (2, 3)
            and isinstance(node.args[0], TableColumn)
        ):
            table = self._table(node.args[0].table)
            column = node.args[0].column
            if column != "_ComputedKey":
                table.check_column(column)
            distinct = len(node.args) == 3 and self.truth(node.args[2], {}, table)
            out: list[Any] = []
            for key, row in table.typed_rows():
                if self.truth(node.args[1], row, table):
                    value = key if column == "_ComputedKey" else row.get(column)
                    if not (distinct and value in out):
                        out.append(value)
            return table, out
        if node.name == "ORDERBY" and len(node.args) >= 2:
            table, found = self.keys(node.args[0])
            columns, descending = self._sort_spec(node.args[1:], table)
            rows = {k: table.typed_row(k) or {} for k in found}
            ordered = sorted(
                found,
                key=lambda k: tuple(_sort_key(rows[k].get(c)) for c in columns),
                reverse=descending,
            )
            return table, ordered
        if node.name == "TOP" and len(node.args) == 2:
            table, found = self.keys(node.args[0])
            count = self.value(node.args[1], {}, table)
            if not isinstance(count, Decimal) or count < 0 or count != count.to_integral_value():
                raise SelectorError("Top needs a whole number >= 0")
            return table, found[: int(count)]
        raise SelectorError(
            f"{node.name}(...) with {len(node.args)} arguments is not a Selector form"
        )

    def _table(self, name: str) -> EmuTable:
        table = self.tables.get(name)
        if table is None:
            raise SelectorError(f"table '{name}' not found")
        return table

    def _sort_spec(self, args: tuple[Node, ...], table: EmuTable) -> tuple[list[str], bool]:
        if not isinstance(args[0], ColumnRef):
            raise SelectorError("OrderBy sorts by [Column] references")
        columns = [args[0].name]
        descending = False
        rest = list(args[1:])
        if rest and not isinstance(rest[0], ColumnRef):
            descending = self.truth(rest.pop(0), {}, table)
        for arg in rest:
            if not isinstance(arg, ColumnRef):
                raise SelectorError("OrderBy takes one direction, then more [Column] references")
            columns.append(arg.name)
        for c in columns:
            table.check_column(c)
        return columns, descending

    # -- values ------------------------------------------------------------------------------

    def truth(self, node: Node, row: Row, table: EmuTable) -> bool:
        value = self.value(node, row, table)
        if not isinstance(value, bool):
            raise SelectorError(f"expected a Yes/No condition, got {value!r}")
        return value

    def value(self, node: Node, row: Row, table: EmuTable) -> Any:
        if isinstance(node, Lit):
            return node.value
        if isinstance(node, ColumnRef):
            table.check_column(node.name)
            return row.get(node.name)
        if isinstance(node, Compare):
            return self.compare(
                node.op, self.value(node.left, row, table), self.value(node.right, row, table)
            )
        if isinstance(node, Call):
            fn = _FUNCTIONS.get(node.name)
            if fn is None:
                raise SelectorError(f"function {node.name}() is not supported in a Selector here")
            return fn(self, [self.value(a, row, table) for a in node.args])
        raise SelectorError(
            "a table reference is only allowed as Filter's or Select's first argument"
        )

    def _align(self, a: Any, b: Any) -> tuple[Any, Any]:
        """Bring two non-blank values to one comparable kind, or fail."""
        for x, y, flip in ((a, b, False), (b, a, True)):
            if isinstance(y, str) and not isinstance(x, str):
                y = self._read_text_as(x, y)
                return (y, x) if flip else (x, y)
        return a, b

    def _read_text_as(self, like: Any, text: str) -> Any:
        kind = {bool: "Yes/No", dt.datetime: "DateTime", dt.date: "Date", dt.time: "Time"}.get(
            type(like)
        )
        try:
            if kind is not None:
                return coerce.parse(kind, text, "Selector", self.order)
            if isinstance(like, int | Decimal):
                return coerce.parse("Decimal", text, "Selector", self.order)
        except coerce.CoerceError as exc:
            raise SelectorError(str(exc)) from None
        raise SelectorError(f"cannot compare {type(like).__name__} with text")

    def compare(self, op: str, a: Any, b: Any) -> bool:
        blank_a, blank_b = a in (None, ""), b in (None, "")
        if blank_a or blank_b:
            if op == "=":
                return blank_a and blank_b
            if op == "<>":
                return not (blank_a and blank_b)
            return False
        a, b = self._align(a, b)
        ka, kb = _comparable(a), _comparable(b)
        if type(ka) is not type(kb):
            raise SelectorError(f"cannot compare {type(a).__name__} with {type(b).__name__}")
        result: bool = {
            "=": ka == kb,
            "<>": ka != kb,
            "<": ka < kb,
            "<=": ka <= kb,
            ">": ka > kb,
            ">=": ka >= kb,
        }[op]
        return result

    def text(self, value: Any) -> str:
        return coerce.render("", value, self.order).casefold()


def _comparable(value: Any) -> Any:
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, str):
        return value.casefold()
    return value


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "":
        return (0, "")
    return (1, _comparable(value))


def _arity(name: str, args: list[Any], count: int) -> None:
    if len(args) != count:
        raise SelectorError(f"{name}() takes {count} arguments, got {len(args)}")


def _and(ev: Evaluator, args: list[Any]) -> bool:
    return all(_bool(a) for a in args)


def _or(ev: Evaluator, args: list[Any]) -> bool:
    return any(_bool(a) for a in args)


def _not(ev: Evaluator, args: list[Any]) -> bool:
    _arity("NOT", args, 1)
    return not _bool(args[0])


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise SelectorError(f"expected a Yes/No value, got {value!r}")
    return value


def _text_fn(name: str, test: Callable[[str, str], bool]) -> Callable[[Evaluator, list[Any]], bool]:
    def fn(ev: Evaluator, args: list[Any]) -> bool:
        _arity(name, args, 2)
        return test(ev.text(args[0]), ev.text(args[1]))

    return fn


def _blank(ev: Evaluator, args: list[Any]) -> bool:
    _arity("ISBLANK", args, 1)
    return args[0] in (None, "") or args[0] == []


def _in(ev: Evaluator, args: list[Any]) -> bool:
    _arity("IN", args, 2)
    if not isinstance(args[1], list):
        raise SelectorError("IN() takes a value and a LIST(...)")
    return any(ev.compare("=", args[0], item) for item in args[1])


def _typed(kind: str) -> Callable[[Evaluator, list[Any]], Any]:
    def fn(ev: Evaluator, args: list[Any]) -> Any:
        _arity(kind.upper(), args, 1)
        if not isinstance(args[0], str):
            raise SelectorError(f"{kind.upper()}() takes a text value")
        try:
            return coerce.parse(kind, args[0], kind.upper(), ev.order)
        except coerce.CoerceError as exc:
            raise SelectorError(str(exc)) from None

    return fn


_FUNCTIONS: dict[str, Callable[[Evaluator, list[Any]], Any]] = {
    "AND": _and,
    "OR": _or,
    "NOT": _not,
    "ISBLANK": _blank,
    "ISNOTBLANK": lambda ev, args: not _blank(ev, args),
    "CONTAINS": _text_fn("CONTAINS", lambda a, b: b in a),
    "STARTSWITH": _text_fn("STARTSWITH", lambda a, b: a.startswith(b)),
    "ENDSWITH": _text_fn("ENDSWITH", lambda a, b: a.endswith(b)),
    "IN": _in,
    "LIST": lambda ev, args: list(args),
    "DATE": _typed("Date"),
    "TIME": _typed("Time"),
    "DATETIME": _typed("DateTime"),
}

__all__ = ["Evaluator"]
