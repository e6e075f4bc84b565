"""The Resource Management ``@operation`` tag: each client method declares its operation once
(method and path template; retry safety, cost and id checks come from
:func:`smartsuite._core.operations.declare`). While the method runs, the envelope helpers read
the HTTP method and the concrete path from that declaration, so a method cannot send anything
else. The tag also keeps ``per_page=``, the old name of ``page_size=``, for one release."""

from __future__ import annotations

import contextvars
import functools
import inspect
import re
from collections.abc import Callable
from typing import Any, TypeVar

from .._core.operations import current_operation, declare
from .._core.renames import renamed_arg
from ._links import API_PREFIX

F = TypeVar("F", bound=Callable[..., Any])
Args = tuple[Any, ...]

#: The concrete path of the running operation (its template filled from the call's arguments).
_call_path: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "smartsuite_rm_call_path", default=None
)


def operation(
    resource: str,
    method: str,
    path: str,
    *,
    idempotent: bool | None = None,
    cost: int = 1,
) -> Callable[[F], F]:
    """Declare the Resource Management operation a client method performs.

    ``resource``, ``method`` and ``path`` match a row of the operation table; a test checks
    that every row has a tagged method and that the method reaches that path. Each ``{name}``
    of the path is filled from the argument of that name; ``{id}`` from the one positional
    ``*_id`` argument the template does not name otherwise.
    """
    declared = declare(
        "resource_management",
        f"{resource} {method} {path}",
        method,
        path,
        idempotent=idempotent,
        cost=cost,
    )

    def tag(fn: F) -> F:
        wrapped = declared(_bound(fn, path.removeprefix(API_PREFIX)))
        wrapped.__rm_operation__ = (resource, method, path)  # type: ignore[attr-defined]
        return wrapped

    return tag


def running_call() -> tuple[str, str]:
    """The HTTP method and concrete path of the running operation."""
    spec, path = current_operation.get(), _call_path.get()
    if spec is None or path is None:
        raise TypeError("the envelope helpers run inside an @operation method")
    return spec.method, path


def _bound(fn: F, template: str) -> F:
    signature = inspect.signature(fn)
    concrete = _path_maker(fn, signature, template)
    rename = _renamer(fn, signature)

    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def run_async(*args: Any, **kwargs: Any) -> Any:
            token = _call_path.set(concrete(args, kwargs))
            try:
                return await fn(*args, **rename(kwargs))
            finally:
                _call_path.reset(token)

        return run_async  # type: ignore[return-value]

    @functools.wraps(fn)
    def run_sync(*args: Any, **kwargs: Any) -> Any:
        token = _call_path.set(concrete(args, kwargs))
        try:
            return fn(*args, **rename(kwargs))
        finally:
            _call_path.reset(token)

    return run_sync  # type: ignore[return-value]


def _path_maker(
    fn: Callable[..., Any], signature: inspect.Signature, template: str
) -> Callable[[Args, dict[str, Any]], str]:
    params = signature.parameters
    names = list(params)
    fields = re.findall(r"\{(\w+)\}", template)
    sources: list[tuple[int, str, Any]] = []
    for field in fields:
        name = field
        if field not in params:
            others = [
                n
                for n, param in params.items()
                if n.endswith("_id")
                and n not in fields
                and param.kind is param.POSITIONAL_OR_KEYWORD
            ]
            if field != "id" or len(others) != 1:
                raise TypeError(f"{fn.__qualname__}: no argument fills {{{field}}} of {template}")
            name = others[0]
        sources.append((names.index(name), name, params[name].default))
    shape = re.sub(r"\{\w+\}", "{}", template)

    def concrete(args: Args, kwargs: dict[str, Any]) -> str:
        values = [args[i] if i < len(args) else kwargs.get(n, d) for i, n, d in sources]
        return shape.format(*values)

    return concrete


def _renamer(
    fn: Callable[..., Any], signature: inspect.Signature
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """``per_page=`` passed on as ``page_size=`` with a DeprecationWarning at the caller's line
    (:func:`~smartsuite._core.renames.renamed_arg`). Methods keep ``per_page`` in their
    signature, so type checkers and the sync facade know it; its value arrives as
    ``page_size``."""
    params = signature.parameters
    if "per_page" not in params:
        return _same
    if "page_size" not in params or params["per_page"].kind is not params["per_page"].KEYWORD_ONLY:
        raise TypeError(f"{fn.__qualname__}: per_page must be keyword-only, beside page_size")

    def rename(kwargs: dict[str, Any]) -> dict[str, Any]:
        if kwargs.get("per_page") is not None:
            old = kwargs.pop("per_page")
            kwargs["page_size"] = renamed_arg("page_size", kwargs.get("page_size"), "per_page", old)
        return kwargs

    return rename


def _same(kwargs: dict[str, Any]) -> dict[str, Any]:
    return kwargs
