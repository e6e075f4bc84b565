"""What the generator reads from the async API: members of classes, their signatures as source
text (``ast``), and where every name in an annotation or default comes from.

Only the standard library is used, and only on the async code itself: no list of methods is
kept anywhere, so a method added to an async class shows up in the next generation.
"""

from __future__ import annotations

import ast
import builtins
import functools
import importlib
import inspect
import sys
import textwrap
import typing
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import attrs

from .._core.namespaces import Namespace


class GenerationError(Exception):
    """The async API has a shape the generator does not know how to mirror."""


@attrs.frozen
class Ref:
    """Where a name comes from: ``from module import name`` (``name`` None: ``import module``)."""

    module: str
    name: str | None


def _absolute(module: str, level: int, base: str, is_package: bool) -> str:
    if level == 0:
        return module
    parts = base.split(".")
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: -(level - 1)]
    return ".".join([*parts, module] if module else parts)


@functools.cache
def module_names(modname: str) -> dict[str, Ref]:
    """Every name the module binds by import (at any depth, TYPE_CHECKING blocks and function
    bodies included) or defines at top level, and where it comes from."""
    module = importlib.import_module(modname)
    tree = module_tree(modname)
    is_package = hasattr(module, "__path__")
    names: dict[str, Ref] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(node.module or "", node.level, modname, is_package)
            for alias in node.names:
                names.setdefault(alias.asname or alias.name, Ref(source, alias.name))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names.setdefault(alias.asname, Ref(alias.name, None))
                else:
                    top = alias.name.split(".")[0]
                    names.setdefault(top, Ref(top, None))
    for node in tree.body:
        targets: list[str] = []
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            targets = [node.name]
        elif isinstance(node, ast.Assign):
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            targets = [node.target.id]
        for name in targets:
            names[name] = Ref(modname, name)
    return names


def resolve(name: str, modname: str) -> Ref | None:
    """Where ``name``, used in ``modname``, comes from; None for a builtin."""
    ref = module_names(modname).get(name)
    if ref is not None:
        return ref
    if hasattr(builtins, name):
        return None
    raise GenerationError(f"cannot tell where {name!r} used in {modname} comes from")


def load(ref: Ref) -> Any:
    """The object a :class:`Ref` names."""
    module = importlib.import_module(ref.module)
    if ref.name is None:
        return module
    try:
        return getattr(module, ref.name)
    except AttributeError:
        # ``from pkg import submodule``
        return importlib.import_module(f"{ref.module}.{ref.name}")


@functools.cache
def module_tree(modname: str) -> ast.Module:
    """The parsed source of a module (parsed once)."""
    return ast.parse(inspect.getsource(importlib.import_module(modname)))


def function_node(fn: Callable[..., Any]) -> ast.FunctionDef | ast.AsyncFunctionDef:
    """The ``def`` of a function, found in its module's parsed source by line number; for a
    function made by a factory, which says its signature in ``__signature__`` (``ss.sharing``),
    a ``def`` written from that signature (``async`` when what it wraps is a coroutine
    function)."""
    made = vars(fn).get("__signature__")
    if isinstance(made, inspect.Signature):
        return _def_of(fn.__name__, made, is_coroutine(fn))
    original = inspect.unwrap(fn)
    first = original.__code__.co_firstlineno
    tree = module_tree(original.__module__)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == (
            original.__name__
        ):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            if start == first:
                return node
    source = textwrap.dedent(inspect.getsource(original))  # defined some other way
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return node
    raise GenerationError(f"no def found for {fn!r}")


def _def_of(
    name: str, signature: inspect.Signature, coroutine: bool
) -> ast.FunctionDef | ast.AsyncFunctionDef:
    """A ``def`` with ``signature``, whose annotations must be source text (the factory's
    module has ``from __future__ import annotations``) and defaults constants."""

    def text(annotation: Any) -> ast.expr | None:
        if annotation is inspect.Parameter.empty:
            return None
        if not isinstance(annotation, str):
            raise GenerationError(f"{name}: annotation {annotation!r} is not source text")
        return ast.parse(annotation, mode="eval").body

    def constant(default: Any) -> ast.expr:
        if not isinstance(default, str | int | float | bool | type(None)):
            raise GenerationError(f"{name}: default {default!r} is not a constant")
        return ast.Constant(default)

    kinds = inspect.Parameter
    args = ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[])
    for param in signature.parameters.values():
        arg = ast.arg(param.name, text(param.annotation))
        has_default = param.default is not kinds.empty
        if param.kind is kinds.POSITIONAL_ONLY:
            args.posonlyargs.append(arg)
        elif param.kind is kinds.POSITIONAL_OR_KEYWORD:
            args.args.append(arg)
        elif param.kind is kinds.VAR_POSITIONAL:
            args.vararg = arg
        elif param.kind is kinds.KEYWORD_ONLY:
            args.kwonlyargs.append(arg)
            args.kw_defaults.append(constant(param.default) if has_default else None)
        else:
            args.kwarg = arg
        if has_default and param.kind in (kinds.POSITIONAL_ONLY, kinds.POSITIONAL_OR_KEYWORD):
            args.defaults.append(constant(param.default))
    make = ast.AsyncFunctionDef if coroutine else ast.FunctionDef
    body: list[ast.stmt] = [ast.Expr(ast.Constant(...))]
    returns = text(signature.return_annotation)
    return make(name=name, args=args, body=body, decorator_list=[], returns=returns, lineno=0)


def hand_written(fn: Callable[..., Any]) -> bool:
    """False for functions generated at run time (attrs' ``__init__``)."""
    original = inspect.unwrap(fn)
    module = sys.modules.get(original.__module__)
    source = getattr(module, "__file__", None)
    return source is not None and original.__code__.co_filename == source


def module_of(fn: Any) -> str:
    return str(inspect.unwrap(fn).__module__)


def names_in(node: ast.AST | None) -> Iterator[str]:
    """Names an annotation or default expression reads (``os`` of ``os.PathLike``)."""
    if node is None:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield from names_in(ast.parse(node.value, mode="eval").body)
        return
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            yield sub.id


def overloads(fn: Callable[..., Any]) -> list[Callable[..., Any]]:
    return list(typing.get_overloads(inspect.unwrap(fn)))


@attrs.frozen
class Member:
    """One public member of a class, found in MRO order.

    Attributes:
        name: its name.
        kind: ``method``, ``property``, ``cached_property``, ``namespace`` or ``attribute``.
        owner: the class that defines it.
        fn: the function (method, property getter); None for an attribute or a namespace.
        annotation: an attribute's annotation source and the module to read it in.
        namespace: a :class:`Namespace` descriptor (its class is the member's type).
    """

    name: str
    kind: str
    owner: type
    fn: Callable[..., Any] | None = None
    annotation: tuple[str, str] | None = None
    namespace: Namespace[Any] | None = None


#: Dunders mirrored by the facade (the lifecycle ones map to ``with`` and ``close``).
MIRRORED_DUNDERS = ("__aenter__", "__aexit__")


def members(cls: type) -> list[Member]:
    """Public methods, properties and instance attributes of ``cls``, in MRO order."""
    found: dict[str, Member] = {}
    for klass in cls.__mro__:
        if klass is object or klass is typing.Generic:
            continue
        for name, value in vars(klass).items():
            if name in found or (name.startswith("_") and name not in MIRRORED_DUNDERS):
                continue
            if isinstance(value, staticmethod | classmethod):
                continue  # constructors and helpers of the async class: not mirrored
            if isinstance(value, Namespace):
                found[name] = Member(name, "namespace", klass, namespace=value)
            elif isinstance(value, functools.cached_property):
                found[name] = Member(name, "cached_property", klass, value.func)
            elif isinstance(value, property) and value.fget is not None:
                found[name] = Member(name, "property", klass, value.fget)
            elif inspect.isfunction(value):
                found[name] = Member(name, "method", klass, value)
        for name, ann in _instance_attributes(klass):
            found.setdefault(name, Member(name, "attribute", klass, annotation=ann))
    return list(found.values())


def _instance_attributes(klass: type) -> list[tuple[str, tuple[str, str]]]:
    """``self.NAME = ...`` assignments in ``__init__`` (public names), with an annotation:
    the assignment's own, or the parameter's it copies."""
    init = vars(klass).get("__init__")
    if init is None or not inspect.isfunction(init) or not hand_written(init):
        return []
    node = function_node(init)
    params = {
        a.arg: a.annotation
        for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)
        if a.annotation is not None
    }
    module = module_of(init)
    out: list[tuple[str, tuple[str, str]]] = []
    for stmt in ast.walk(node):
        target: ast.expr | None = None
        ann: ast.expr | None = None
        if isinstance(stmt, ast.AnnAssign):
            target, ann = stmt.target, stmt.annotation
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(stmt.value, ast.Name):
                ann = params.get(stmt.value.id)
        if not (
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and target.value.id == "self"
            and not target.attr.startswith("_")
        ):
            continue
        if ann is None:
            ann = _class_annotation(klass, target.attr)
        text = ast.unparse(ann) if ann is not None else "Any"
        out.append((target.attr, (text, module)))
    return out


def _class_annotation(klass: type, name: str) -> ast.expr | None:
    raw = vars(klass).get("__annotations__", {}).get(name)
    if raw is None:
        return None
    return ast.parse(raw if isinstance(raw, str) else repr(raw), mode="eval").body


def class_generic_bases(cls: type) -> list[str]:
    """``Generic[T]`` bases of a class, as source text."""
    node = next(
        (
            n
            for n in ast.walk(module_tree(cls.__module__))
            if isinstance(n, ast.ClassDef) and n.name == cls.__name__
        ),
        None,
    )
    if node is None:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
        node = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))
    return [
        ast.unparse(b)
        for b in node.bases
        if isinstance(b, ast.Subscript) and ast.unparse(b.value) in ("Generic", "typing.Generic")
    ]


def is_coroutine(fn: Callable[..., Any]) -> bool:
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(inspect.unwrap(fn))


def is_async_gen(fn: Callable[..., Any]) -> bool:
    return inspect.isasyncgenfunction(inspect.unwrap(fn))


def is_async_context(fn: Callable[..., Any]) -> bool:
    """Decorated with ``contextlib.asynccontextmanager``."""
    return any(
        ast.unparse(d).split(".")[-1] == "asynccontextmanager"
        for d in function_node(fn).decorator_list
    )


def loaded(modname: str) -> ModuleType:
    return sys.modules.get(modname) or importlib.import_module(modname)
