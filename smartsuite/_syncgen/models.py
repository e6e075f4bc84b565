"""Models in the sync facade: plain data, never wrapped.

A model (an attrs class, which every ``smartsuite._core.model.Model`` is) is returned to sync
callers as the very async object, so ``Sheet``, ``Row`` ... are the same classes in both APIs.
A model's own coroutine methods (``Sheet.refresh``) cannot be awaited in sync code, so each is
mirrored on the namespace whose ``get`` returns the model, taking the model as its first
argument: ``ss.sheets.refresh(sheet)`` runs ``sheet.refresh()`` on the client's loop.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from .emit import docstring
from .introspect import (
    GenerationError,
    Member,
    Ref,
    function_node,
    is_async_gen,
    is_coroutine,
    members,
    module_of,
    overloads,
)

if TYPE_CHECKING:
    from .module import Module

#: The namespace method whose result's async methods the namespace mirrors.
HOME_METHOD = "get"


def is_model(cls: type) -> bool:
    """Plain data: an attrs class (``Model`` subclasses are)."""
    return attrs.has(cls)


def async_methods(cls: type) -> list[Member]:
    """The public coroutine and async-generator methods of ``cls``."""
    return [
        m
        for m in members(cls)
        if m.kind == "method"
        and m.fn is not None
        and not m.name.startswith("_")
        and (is_coroutine(m.fn) or is_async_gen(m.fn))
    ]


def argument_name(model: type) -> str:
    """``Sheet`` -> ``sheet``, ``ReportDefinition`` -> ``report_definition``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def emit_model_method(mod: Module, namespace: type, model: type, m: Member) -> str:
    """A method of the sync ``namespace`` that runs ``model``'s async method ``m`` on the
    portal, with the model first and the method's own arguments after it."""
    assert m.fn is not None
    if overloads(m.fn):
        raise GenerationError(f"{model.__qualname__}.{m.name}: overloaded model methods")
    node, module = function_node(m.fn), module_of(m.fn)
    arg = argument_name(model)
    params, call, roles = mod.signature(node, module, method=True)
    if arg in roles:
        raise GenerationError(f"{model.__qualname__}.{m.name} has a parameter named {arg!r}")
    ann, kind, optional = mod.returns(node, module, m.fn)
    if kind in ("self", "context"):
        raise GenerationError(f"{model.__qualname__}.{m.name}: returns {kind}; not mirrored")
    local = mod.imports.name_for(model, Ref(model.__module__, model.__name__))
    rest = params[len("self") :]
    expr = f"{arg}.{m.name}({', '.join(call)})"
    if is_coroutine(m.fn):
        expr = f"self._portal.call({expr})"
    body = mod.wrap_result(kind, optional, ann, expr, "self._portal")
    see = (
        f"meth:`{model.__module__}.{model.__qualname__}.{m.name}`, which is a coroutine "
        f"(sync code cannot await ``{arg}.{m.name}()``)"
    )
    indented = "\n".join(" " * 8 + line for line in body.split("\n"))
    return (
        f"    def {m.name}(self, {arg}: {local}{rest}) -> {ann}:\n"
        f"{docstring(m.fn, see, '        ')}\n{indented}\n"
    )
