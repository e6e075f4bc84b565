"""Build Find ``Selector`` expressions that no value can break out of.

::

    from smartsuite.appsheet import Filter, OrderBy, Top, col

    adults = Filter("People", (col("Age") >= 21) & (col("State") == "CA"))
    oldest = Top(OrderBy(adults, "Age", descending=True), 10)
    await appsheet.table("People").list(oldest).to_list()

Every Python value becomes a literal: text is double-quoted with embedded quotes doubled
(``a"b`` -> ``"a""b"``), so brackets, commas, parentheses and quotes inside a
value stay inside its literal; read with or without the doubling rule, the text between quotes is
never code. Dates, times and datetimes are written in the request's Locale inside ``DATE(...)``,
``TIME(...)`` and ``DATETIME(...)``, so a selector is rendered when the request is built. Table
and column names are checked instead of escaped: a name that could end its reference is refused.
A plain string (or :class:`Raw`) passes an expression through untouched.
See https://support.google.com/appsheet/answer/10105770 (Examples: Selector).
"""

from __future__ import annotations

import abc
import datetime as dt
import enum
import math
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from .._core.errors import ConfigurationError
from .values import format_date, format_datetime, format_time

_TABLE_FORBIDDEN = frozenset("[](),\"'")


def _check_name(name: object, what: str, forbidden: frozenset[str]) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ConfigurationError(f"{what} must be a non-empty string, got {name!r}")
    bad = sorted({c for c in name if c in forbidden or ord(c) < 32 or ord(c) == 127})
    if bad or name != name.strip():
        shown = ", ".join(repr(c) for c in bad) or "leading or trailing spaces"
        raise ConfigurationError(f"{what} {name!r} cannot be used in a selector ({shown})")
    return name


def table_name(name: object) -> str:
    """Check a table name for use in an expression (no brackets, parentheses, commas, quotes)."""
    return _check_name(name, "table name", _TABLE_FORBIDDEN)


def column_name(name: object) -> str:
    """Check a column name for use in ``[...]`` (no square brackets or control characters)."""
    return _check_name(name, "column name", frozenset("[]"))


def quote_text(text: str) -> str:
    """A text literal: ``"..."`` with every ``"`` inside doubled."""
    return '"' + text.replace('"', '""') + '"'


def _number(value: Decimal | float) -> str:
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not number.is_finite():
        raise ConfigurationError(f"cannot use {value!r} in a selector: it is not finite")
    return format(number, "f")


def literal(value: Any, locale: str | None = None) -> str:
    """One Python value as an expression literal.

    Raises:
        ConfigurationError: a value with no literal form (a dict, NaN ...).
    """
    if isinstance(value, Expr):
        return value.render(locale)
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigurationError(f"cannot use {value!r} in a selector: it is not finite")
    if isinstance(value, float | Decimal):
        return _number(value)
    if isinstance(value, str):
        return quote_text(value)
    if isinstance(value, dt.datetime):
        return f"DATETIME({quote_text(format_datetime(value, locale))})"
    if isinstance(value, dt.date):
        return f"DATE({quote_text(format_date(value, locale))})"
    if isinstance(value, dt.time):
        return f"TIME({quote_text(format_time(value))})"
    if isinstance(value, enum.Enum):
        return literal(value.value, locale)
    raise ConfigurationError(f"cannot use a {type(value).__name__} value in a selector")


class Expr(abc.ABC):
    """An expression that renders to AppSheet's expression text."""

    @abc.abstractmethod
    def render(self, locale: str | None = None) -> str:
        """The expression text, with date literals written in ``locale`` (default en-US)."""

    def __str__(self) -> str:
        return self.render()


class Condition(Expr):
    """A Yes/No expression; combine with ``&`` (AND), ``|`` (OR) and ``~`` (NOT)."""

    def __and__(self, other: Condition) -> Condition:
        return And(self, other)

    def __or__(self, other: Condition) -> Condition:
        return Or(self, other)

    def __invert__(self) -> Condition:
        return Not(self)


def _cond(value: Condition | bool) -> Condition:
    if isinstance(value, bool):
        return Const(value)
    if isinstance(value, Condition):
        return value
    raise ConfigurationError(f"expected a condition (or True/False), got {value!r}")


@attrs.frozen
class Const(Condition):
    """``TRUE`` or ``FALSE``."""

    value: bool

    def render(self, locale: str | None = None) -> str:
        return "TRUE" if self.value else "FALSE"


@attrs.frozen(eq=False)
class Compare(Condition):
    """``left op right`` with op one of ``= <> < <= > >=``."""

    left: Any
    op: str
    right: Any

    def render(self, locale: str | None = None) -> str:
        return f"{literal(self.left, locale)} {self.op} {literal(self.right, locale)}"


@attrs.frozen(eq=False)
class Call(Condition):
    """A function call on values and columns: ``CONTAINS([Name], "x")``."""

    name: str
    args: tuple[Any, ...]

    def render(self, locale: str | None = None) -> str:
        return f"{self.name}({', '.join(literal(a, locale) for a in self.args)})"


class _Junction(Condition):
    name: str = ""

    def __init__(self, *conditions: Condition | bool) -> None:
        if not conditions:
            raise ConfigurationError(f"{self.name}() needs at least one condition")
        self.conditions = tuple(_cond(c) for c in conditions)

    def render(self, locale: str | None = None) -> str:
        return f"{self.name}({', '.join(c.render(locale) for c in self.conditions)})"

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self.conditions!r}"


class And(_Junction):
    """``AND(a, b, ...)``: every condition holds."""

    name = "AND"


class Or(_Junction):
    """``OR(a, b, ...)``: at least one condition holds."""

    name = "OR"


@attrs.frozen(eq=False)
class Not(Condition):
    """``NOT(c)``."""

    condition: Condition

    def render(self, locale: str | None = None) -> str:
        return f"NOT({self.condition.render(locale)})"


@attrs.frozen(eq=False)
class Column(Expr):
    """A column reference ``[Name]``. Compare it with ``==``, ``!=``, ``<`` ... to get a condition.

    ``col("X") == None`` means ``ISBLANK([X])``.
    """

    name: str = attrs.field(converter=column_name)

    def render(self, locale: str | None = None) -> str:
        return f"[{self.name}]"

    def __eq__(self, other: object) -> Condition:  # type: ignore[override]
        return Call("ISBLANK", (self,)) if other is None else Compare(self, "=", other)

    def __ne__(self, other: object) -> Condition:  # type: ignore[override]
        return Call("ISNOTBLANK", (self,)) if other is None else Compare(self, "<>", other)

    def __lt__(self, other: object) -> Condition:
        return Compare(self, "<", other)

    def __le__(self, other: object) -> Condition:
        return Compare(self, "<=", other)

    def __gt__(self, other: object) -> Condition:
        return Compare(self, ">", other)

    def __ge__(self, other: object) -> Condition:
        return Compare(self, ">=", other)

    __hash__ = Expr.__hash__

    def contains(self, text: str) -> Condition:
        """``CONTAINS([col], text)`` (case-insensitive, as in AppSheet)."""
        return Call("CONTAINS", (self, text))

    def startswith(self, text: str) -> Condition:
        """``STARTSWITH([col], text)``."""
        return Call("STARTSWITH", (self, text))

    def endswith(self, text: str) -> Condition:
        """``ENDSWITH([col], text)``."""
        return Call("ENDSWITH", (self, text))

    def is_in(self, values: Iterable[Any]) -> Condition:
        """``IN([col], LIST(v1, v2, ...))``."""
        return Call("IN", (self, Call("LIST", tuple(values))))

    def is_blank(self) -> Condition:
        """``ISBLANK([col])``."""
        return Call("ISBLANK", (self,))

    def is_not_blank(self) -> Condition:
        """``ISNOTBLANK([col])``."""
        return Call("ISNOTBLANK", (self,))


def col(name: str) -> Column:
    """A column reference: ``col("Age") >= 21``.

    Raises:
        ConfigurationError: the name contains ``[`` or ``]`` or control characters.
    """
    return Column(name)


def and_(*conditions: Condition | bool) -> Condition:
    """``AND(...)`` of the conditions."""
    return And(*conditions)


def or_(*conditions: Condition | bool) -> Condition:
    """``OR(...)`` of the conditions."""
    return Or(*conditions)


def not_(condition: Condition | bool) -> Condition:
    """``NOT(condition)``."""
    return Not(_cond(condition))


# -- selectors ---------------------------------------------------------------------------------


class Selector(Expr):
    """An expression producing the list of row keys a Find returns, in order."""


@attrs.frozen
class Raw(Selector):
    """Expression text sent exactly as given: the escape hatch for forms the builder lacks."""

    text: str

    def render(self, locale: str | None = None) -> str:
        return self.text


@attrs.frozen
class Filter(Selector):
    """``Filter(Table, condition)``: keys of the rows where the condition holds."""

    table: str = attrs.field(converter=table_name)
    condition: Condition = attrs.field(default=Const(True), converter=_cond)

    def render(self, locale: str | None = None) -> str:
        return f"Filter({self.table}, {self.condition.render(locale)})"


@attrs.frozen
class Select(Selector):
    """``Select(Table[Column], condition, distinct?)``: that column of the matching rows.

    For a Find selector the column should be the table's key (or ``_ComputedKey``).
    """

    table: str = attrs.field(converter=table_name)
    column: str = attrs.field(converter=column_name)
    condition: Condition = attrs.field(default=Const(True), converter=_cond)
    distinct: bool = False

    def render(self, locale: str | None = None) -> str:
        flag = ", TRUE" if self.distinct else ""
        return f"Select({self.table}[{self.column}], {self.condition.render(locale)}{flag})"


def _columns(values: tuple[str | Column, ...]) -> tuple[Column, ...]:
    if not values:
        raise ConfigurationError("OrderBy needs at least one column")
    return tuple(v if isinstance(v, Column) else Column(v) for v in values)


@attrs.frozen(init=False)
class OrderBy(Selector):
    """``OrderBy(keys, [A], descending?, [B], ...)``: the keys sorted by the columns.

    AppSheet's ORDERBY takes one direction for all its sort columns.
    """

    source: Selector
    columns: tuple[Column, ...]
    descending: bool

    def __init__(self, source: Selector, *columns: str | Column, descending: bool = False) -> None:
        if not isinstance(source, Selector):
            raise ConfigurationError(f"OrderBy sorts a selector, got {source!r}")
        self.__attrs_init__(source, _columns(columns), descending)

    def render(self, locale: str | None = None) -> str:
        first, *rest = (c.render(locale) for c in self.columns)
        parts = [self.source.render(locale), first, "TRUE" if self.descending else "FALSE", *rest]
        return f"OrderBy({', '.join(parts)})"


@attrs.frozen
class Top(Selector):
    """``Top(keys, n)``: the first ``n`` keys."""

    source: Selector
    count: int

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.source, Selector):
            raise ConfigurationError(f"Top takes a selector, got {self.source!r}")
        if isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 0:
            raise ConfigurationError(f"Top needs a count >= 0, got {self.count!r}")

    def render(self, locale: str | None = None) -> str:
        return f"Top({self.source.render(locale)}, {self.count})"


def render_selector(selector: Selector | str, locale: str | None = None) -> str:
    """The Selector property text: a built selector rendered in ``locale``, a string as is."""
    if isinstance(selector, str):
        return selector
    if isinstance(selector, Selector):
        return selector.render(locale)
    raise ConfigurationError(f"selector must be a Selector or a string, got {selector!r}")


__all__ = [
    "And",
    "Call",
    "Column",
    "Compare",
    "Condition",
    "Const",
    "Expr",
    "Filter",
    "Not",
    "Or",
    "OrderBy",
    "Raw",
    "Select",
    "Selector",
    "Top",
    "and_",
    "col",
    "column_name",
    "literal",
    "not_",
    "or_",
    "quote_text",
    "render_selector",
    "table_name",
]
