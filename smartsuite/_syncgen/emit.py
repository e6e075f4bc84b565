"""Source text for one generated module: its imports (deduplicated by object, aliased when
two objects share a name) and the rewriting of annotations and defaults into it."""

from __future__ import annotations

import ast
import builtins
import collections.abc
import contextlib
import copy
import inspect
import textwrap
import typing
from typing import Any

from .._core.paging import AsyncPaginator
from .introspect import GenerationError, Ref, load, names_in, resolve

ASYNC_ITERABLES = (collections.abc.AsyncIterable, collections.abc.AsyncIterator, AsyncPaginator)
ASYNC_CONTEXTS = (contextlib.AbstractAsyncContextManager, typing.AsyncContextManager)
SYNC_ITERABLES = (collections.abc.Iterable, collections.abc.Iterator, typing.Iterable)
AWAITABLES = (collections.abc.Awaitable, collections.abc.Coroutine, typing.Awaitable)


class Imports:
    """The names a generated module imports, one local name per object."""

    def __init__(self, reserved: set[str]) -> None:
        self.reserved = set(reserved)
        self.by_object: dict[int, str] = {}
        self.lines: dict[str, Ref] = {}  # local name -> what it imports
        self.objects: dict[str, Any] = {}  # local name -> the object (keeps ids valid)

    def name_for(self, obj: Any, ref: Ref, preferred: str | None = None) -> str:
        if id(obj) in self.by_object:
            return self.by_object[id(obj)]
        if isinstance(obj, typing.TypeVar):
            for local, same in self.objects.items():
                if isinstance(same, typing.TypeVar) and _same_typevar(same, obj):
                    self.by_object[id(obj)] = local
                    return local
        base = preferred or ref.name or ref.module.split(".")[0]
        local, n = base, 1
        while local in self.reserved or local in self.lines:
            n += 1
            local = f"{base}_{n}"
        self.lines[local] = ref
        self.by_object[id(obj)] = local
        self.objects[local] = obj
        return local

    def render(self) -> list[str]:
        out: list[str] = []
        for local, ref in sorted(self.lines.items(), key=lambda kv: (kv[1].module, kv[0])):
            if ref.name is None:
                out.append(
                    f"import {ref.module}"
                    if local == ref.module
                    else f"import {ref.module} as {local}"
                )
            elif local == ref.name:
                out.append(f"from {ref.module} import {ref.name}")
            else:
                out.append(f"from {ref.module} import {ref.name} as {local}")
        return out


def _same_typevar(a: typing.TypeVar, b: typing.TypeVar) -> bool:
    return (a.__name__, a.__bound__, a.__constraints__, a.__covariant__) == (
        b.__name__,
        b.__bound__,
        b.__constraints__,
        b.__covariant__,
    )


def parse_expr(node: ast.expr) -> ast.expr:
    """A string annotation parsed; any other expression as it is."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return ast.parse(node.value, mode="eval").body
    return node


class Rewriter(ast.NodeTransformer):
    """Rewrites names read in ``module`` into the generated module's names.

    Args:
        imports: the generated module's imports.
        module: the module the expression was written in.
        wrapped: async classes mirrored by sync classes, and the sync names.
        result: rewriting a return type (``AsyncPaginator`` becomes ``Paginator``).
        shadowed: builtins to write as ``builtins.NAME``.
    """

    def __init__(
        self,
        imports: Imports,
        module: str,
        wrapped: dict[type, str],
        *,
        result: bool = True,
        shadowed: frozenset[str] = frozenset(),
    ) -> None:
        self.imports = imports
        self.module = module
        self.wrapped = wrapped
        self.result = result  # a return type: AsyncPaginator becomes the sync Paginator
        # Builtins named like a member of the generated class: in its body ``list[int]``
        # would name the method ``list``, so they are written ``builtins.list[int]``.
        self.shadowed = shadowed

    def visit_Name(self, node: ast.Name) -> ast.AST:
        ref = resolve(node.id, self.module)
        if ref is None:
            if node.id not in self.shadowed:
                return node
            module = self.imports.name_for(builtins, Ref("builtins", None))
            return ast.Attribute(ast.Name(module, ast.Load()), node.id, node.ctx)
        obj = load(ref)
        if obj is AsyncPaginator and self.result:
            return ast.Name("Paginator", node.ctx)
        if isinstance(obj, type) and obj in self.wrapped:
            return ast.Name(self.wrapped[obj], node.ctx)
        return ast.Name(self.imports.name_for(obj, ref), node.ctx)

    def text(self, node: ast.expr | None, *, annotation: bool = True) -> str:
        """The expression rewritten (a string annotation is parsed first; a default is not)."""
        if node is None:
            return ""
        expr = parse_expr(node) if annotation else node
        return ast.unparse(self.visit(copy.deepcopy(expr)))


def objects_in(node: ast.expr | None, module: str, *, callables: bool = True) -> list[Any]:
    """The objects an annotation names (builtins left out; with ``callables`` False, not
    those inside a ``Callable[...]``)."""
    if node is not None and not callables:
        node = _without_callables(parse_expr(node), module)
    out = []
    for name in names_in(node):
        ref = resolve(name, module)
        if ref is not None:
            out.append(load(ref))
    return out


def _without_callables(node: ast.expr, module: str) -> ast.expr:
    class Strip(ast.NodeTransformer):
        def visit_Subscript(self, sub: ast.Subscript) -> ast.AST:
            head = sub.value
            if isinstance(head, ast.Name):
                ref = resolve(head.id, module)
                if ref is not None and load(ref) is collections.abc.Callable:
                    return ast.Constant(None)
            return self.generic_visit(sub)

    return Strip().visit(copy.deepcopy(node))  # type: ignore[no-any-return]


def _is(obj: Any, group: tuple[Any, ...]) -> bool:
    return any(obj is g for g in group) or getattr(obj, "__origin__", None) in group


def param_role(node: ast.expr | None, module: str, wrapped: dict[type, str]) -> str:
    """How an argument crosses into the async call: ``unwrap`` (it may be a facade),
    ``materialize`` (a plain iterable, which a sync paginator is read into a list for),
    ``awaitable`` (it holds awaitables: not mirrorable) or ``plain``."""
    objs = objects_in(node, module, callables=False)
    if any(isinstance(o, type) and o in wrapped for o in objs) or any(
        _is(o, ASYNC_ITERABLES) for o in objs
    ):
        return "unwrap"
    if node is not None and _holds_awaitables(parse_expr(node), module):
        return "awaitable"
    if any(_is(o, SYNC_ITERABLES) for o in objs):
        return "materialize"
    return "plain"


def _holds_awaitables(node: ast.expr, module: str) -> bool:
    """``Awaitable[X]``, ``Iterable[Awaitable[X]]`` ... but not a callable returning one."""
    if isinstance(node, ast.BinOp):
        return _holds_awaitables(node.left, module) or _holds_awaitables(node.right, module)
    head = node.value if isinstance(node, ast.Subscript) else node
    if not isinstance(head, ast.Name):
        return False
    ref = resolve(head.id, module)
    obj = load(ref) if ref is not None else None
    if _is(obj, AWAITABLES):
        return True
    if obj is collections.abc.Callable or not isinstance(node, ast.Subscript):
        return False
    inner = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    return any(_holds_awaitables(e, module) for e in inner)


def return_kind(node: ast.expr | None, module: str, wrapped: dict[type, str]) -> tuple[str, bool]:
    """What a return value needs: ``plain``, ``wrapped``, ``self``, ``paginator``,
    ``iterator`` or ``context``; and whether it may be None."""
    if node is None:
        return "plain", False
    node = parse_expr(node)
    optional = False
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        sides = [node.left, node.right]
        nones = [s for s in sides if isinstance(s, ast.Constant) and s.value is None]
        if len(nones) == 1:
            optional = True
            node = next(s for s in sides if s not in nones)
    head = node.value if isinstance(node, ast.Subscript) else node
    if isinstance(head, ast.Name):
        ref = resolve(head.id, module)
        obj = load(ref) if ref is not None else None
        if obj is AsyncPaginator:
            return "paginator", optional
        if isinstance(obj, type) and obj in wrapped:
            return "wrapped", optional
        if obj is typing.Self:
            return "self", optional
        if _is(obj, ASYNC_ITERABLES[:2]) or obj is collections.abc.AsyncGenerator:
            return "iterator", optional
        if _is(obj, ASYNC_CONTEXTS):
            return "context", optional
    inner = objects_in(node, module)
    if any(isinstance(o, type) and o in wrapped for o in inner) or any(
        o is AsyncPaginator for o in inner
    ):
        raise GenerationError(f"cannot mirror a return type of {ast.unparse(node)} ({module})")
    return "plain", optional


def docstring(fn: Any, see: str, indent: str) -> str:
    """The first paragraph of ``fn``'s docstring and a pointer to the async original."""
    doc = inspect.getdoc(fn) or ""
    first = doc.split("\n\n")[0].strip()
    if first.startswith("Async "):
        first = "Sync " + first[len("Async ") :]
    text = f"{first}\n\nSync facade of :{see}." if first else f"Sync facade of :{see}."
    text = text.replace("\\", "\\\\").replace('"""', "'''")
    paragraphs = [
        textwrap.fill(
            " ".join(p.split()), 88 - len(indent), break_on_hyphens=False, break_long_words=False
        )
        for p in text.split("\n\n")
    ]
    body = f"\n\n{indent}".join(p.replace("\n", f"\n{indent}") for p in paragraphs)
    return f'{indent}"""{body}\n{indent}"""' if "\n" in body else f'{indent}"""{body}"""'
