"""A small, safe parser for the Find ``Selector`` expressions (no ``eval`` anywhere).

It reads the forms the client's builder writes, which are the forms AppSheet's help shows::

    Filter(People, AND([Age] >= 21, [State] = "CA"))
    Select(People[ID], [Age] >= 21, TRUE)
    Top(OrderBy(Filter(People, TRUE), [Name], FALSE, [Age]), 10)

Grammar (function names are case-insensitive)::

    expr     := term [op term]              op: = <> < <= > >=
    term     := call | "[" column "]" | string | number | TRUE | FALSE | "(" expr ")"
    call     := NAME "(" [arg ("," arg)*] ")"
    string   := '"' (any char but '"' | '""')* '"'
    Filter's first argument is a table name; Select's is ``Table[Column]``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

MAX_LENGTH = 100_000
MAX_DEPTH = 64
OPERATORS = ("<>", "<=", ">=", "=", "<", ">")


class SelectorError(Exception):
    """The Selector text is not an expression this emulator understands."""


@attrs.frozen
class Lit:
    """A literal: text, a Decimal number or a boolean."""

    value: str | Decimal | bool


@attrs.frozen
class ColumnRef:
    """``[Column]``."""

    name: str


@attrs.frozen
class TableRef:
    """A table name (Filter's first argument)."""

    name: str


@attrs.frozen
class TableColumn:
    """``Table[Column]`` (Select's first argument)."""

    table: str
    column: str


@attrs.frozen
class Compare:
    """``left op right``."""

    op: str
    left: Node
    right: Node


@attrs.frozen
class Call:
    """``NAME(args...)``; ``name`` is upper-cased."""

    name: str
    args: tuple[Node, ...]


Node = Lit | ColumnRef | TableRef | TableColumn | Compare | Call


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0

    def fail(self, message: str) -> SelectorError:
        return SelectorError(f"{message} at position {self.pos}")

    def ws(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def peek(self) -> str:
        self.ws()
        return self.text[self.pos : self.pos + 1]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            found = self.text[self.pos : self.pos + 1] or "the end"
            raise self.fail(f"expected {char!r}, found {found!r}")
        self.pos += 1

    def expr(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail("expression nested too deeply")
        left = self.term()
        self.ws()
        for op in OPERATORS:
            if self.text.startswith(op, self.pos):
                self.pos += len(op)
                left = Compare(op, left, self.term())
                break
        self.depth -= 1
        return left

    def term(self) -> Node:
        char = self.peek()
        if char == '"':
            return Lit(self.string())
        if char == "[":
            return ColumnRef(self.bracketed())
        if char == "(":
            self.pos += 1
            inner = self.expr()
            self.expect(")")
            return inner
        if char.isdigit() or char in "+-.":
            return Lit(self.number())
        if char.isalpha() or char == "_":
            return self.name_or_call()
        raise self.fail(f"unexpected {char or 'end of expression'!r}")

    def string(self) -> str:
        self.pos += 1  # the opening quote
        out: list[str] = []
        while True:
            end = self.text.find('"', self.pos)
            if end < 0:
                raise self.fail("unterminated text literal")
            out.append(self.text[self.pos : end])
            self.pos = end + 1
            if self.text.startswith('"', self.pos):  # a doubled quote stands for one quote
                out.append('"')
                self.pos += 1
                continue
            return "".join(out)

    def bracketed(self) -> str:
        self.expect("[")
        end = self.text.find("]", self.pos)
        if end < 0:
            raise self.fail("unterminated column reference")
        name = self.text[self.pos : end]
        if not name or "[" in name:
            raise self.fail(f"bad column reference [{name}]")
        self.pos = end + 1
        return name

    def number(self) -> Decimal:
        start = self.pos
        if self.text[self.pos] in "+-":
            self.pos += 1
        while self.pos < len(self.text) and (
            self.text[self.pos].isdigit() or self.text[self.pos] == "."
        ):
            self.pos += 1
        try:
            return Decimal(self.text[start : self.pos])
        except InvalidOperation:
            raise self.fail(f"bad number {self.text[start : self.pos]!r}") from None

    def identifier(self) -> str:
        start = self.pos
        while self.pos < len(self.text) and (
            self.text[self.pos].isalnum() or self.text[self.pos] == "_"
        ):
            self.pos += 1
        return self.text[start : self.pos]

    def name_or_call(self) -> Node:
        name = self.identifier().upper()
        if self.peek() != "(":
            if name in ("TRUE", "FALSE"):
                return Lit(name == "TRUE")
            raise self.fail(f"unknown name {name!r}")
        self.pos += 1
        args: list[Node] = []
        if name == "FILTER":
            args.append(TableRef(self.raw_until(",)")))
        elif name == "SELECT":
            table = self.raw_until("[")
            args.append(TableColumn(table, self.bracketed()))
        elif self.peek() == ")":
            self.pos += 1
            return Call(name, ())
        else:
            args.append(self.expr())
        while self.peek() == ",":
            self.pos += 1
            args.append(self.expr())
        self.expect(")")
        return Call(name, tuple(args))

    def raw_until(self, stops: str) -> str:
        self.ws()
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in stops:
            if self.text[self.pos] in '"[]()':
                raise self.fail("bad table name")
            self.pos += 1
        name = self.text[start : self.pos].strip()
        if not name:
            raise self.fail("missing table name")
        return name


def parse_selector(text: str) -> Node:
    """Parse Selector text into a tree.

    Raises:
        SelectorError: it is not a well-formed expression.
    """
    if not isinstance(text, str) or not text.strip():
        raise SelectorError("the Selector is empty")
    if len(text) > MAX_LENGTH:
        raise SelectorError(f"the Selector is longer than {MAX_LENGTH} characters")
    parser = _Parser(text)
    node = parser.expr()
    parser.ws()
    if parser.pos != len(text):
        raise parser.fail(f"unexpected text {text[parser.pos : parser.pos + 20]!r}")
    return node


def literals(node: Node) -> list[Any]:
    """Every literal value in a tree, left to right (tests use it to check escaping)."""
    if isinstance(node, Lit):
        return [node.value]
    if isinstance(node, Compare):
        return literals(node.left) + literals(node.right)
    if isinstance(node, Call):
        return [v for arg in node.args for v in literals(arg)]
    return []


__all__ = [
    "Call",
    "ColumnRef",
    "Compare",
    "Lit",
    "Node",
    "SelectorError",
    "TableColumn",
    "TableRef",
    "literals",
    "parse_selector",
]
