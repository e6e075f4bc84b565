"""Operations as data: what each API operation is, declared once where it is implemented.

Every client method that performs an API operation is declared with :func:`declare` (each
service wraps it as its own ``@operation``). The declaration says whether repeating the
operation is safe and what it costs against the rate limit; while the method runs, the
transport reads those facts from :data:`current_operation`, so the retry rule belongs to the
operation and never to the HTTP method alone. Paginators capture the declaration when they are
made, so pages fetched later are judged by the same rule.

The declaration also checks id arguments: every parameter whose name ends in ``_id`` (or
``_ids``) and whose annotation is an integer goes through :func:`ids.ident` before the method
body runs, so ``sheets.get(1.5)`` is refused instead of reading sheet 1.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from .ids import MAX_ID, ident, idents

F = TypeVar("F", bound=Callable[..., Any])

#: Methods whose operations set a state: sending one twice leaves the same state as once.
_STATE_SETTING = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@attrs.frozen
class OperationSpec:
    """The facts about one API operation that the transport needs.

    Attributes:
        service: ``smartsheet``, ``resource_management`` or ``appsheet``.
        operation_id: the vendor's operationId (or our name for it).
        method: the HTTP method.
        path: the path template, as the vendor writes it.
        idempotent: repeating it after an ambiguous failure leaves the same state as sending
            it once (reads, and writes that set given values). Creates and appends are not.
        cost: how many requests it counts as against the rate limit.
    """

    service: str
    operation_id: str
    method: str
    path: str
    idempotent: bool
    cost: int = 1


#: The operation whose method is running (None outside any declared operation).
current_operation: contextvars.ContextVar[OperationSpec | None] = contextvars.ContextVar(
    "smartsuite_current_operation", default=None
)


def default_idempotent(method: str) -> bool:
    """The usual answer for ``method``: reads, PUT and DELETE are safe; POST and PATCH not.

    Declarations override it where the operation differs (a POST that reads, a PUT that
    appends).
    """
    return method.upper() in _STATE_SETTING


def declare(
    service: str,
    operation_id: str,
    method: str,
    path: str,
    *,
    idempotent: bool | None = None,
    cost: int = 1,
) -> Callable[[F], F]:
    """Declare the operation a client method performs (see the module docstring).

    Args:
        service: the service name.
        operation_id: the operation's id.
        method: HTTP method.
        path: path template.
        idempotent: whether a repeat is safe; defaults to :func:`default_idempotent`.
        cost: rate-limit cost.
    """
    spec = OperationSpec(
        service,
        operation_id,
        method.upper(),
        path,
        default_idempotent(method) if idempotent is None else idempotent,
        cost,
    )

    def wrap(fn: F) -> F:
        check = _id_checker(fn)
        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                if check is not None:
                    args, kwargs = check(args, kwargs)
                token = current_operation.set(spec)
                try:
                    return await fn(*args, **kwargs)
                finally:
                    current_operation.reset(token)

            wrapped: Any = run_async
        else:

            @functools.wraps(fn)
            def run_sync(*args: Any, **kwargs: Any) -> Any:
                if check is not None:
                    args, kwargs = check(args, kwargs)
                token = current_operation.set(spec)
                try:
                    return fn(*args, **kwargs)
                finally:
                    current_operation.reset(token)

            wrapped = run_sync
        wrapped.__operation__ = spec
        return wrapped  # type: ignore[no-any-return]

    return wrap


def spec_of(fn: Any) -> OperationSpec | None:
    """The declaration on a client method, if it has one."""
    return getattr(fn, "__operation__", None)


def _annotation_parts(annotation: Any) -> set[str]:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return {p.strip() for p in str(text).split("|")}


def _is_int_annotation(annotation: Any) -> bool:
    parts = _annotation_parts(annotation)
    return "int" in parts and parts <= {"int", "None"}


def _is_int_list_annotation(annotation: Any) -> bool:
    text = str(annotation).replace(" ", "")
    return any(
        text.startswith(f"{outer}[int]") for outer in ("Sequence", "list", "Iterable", "Collection")
    )


Checker = Callable[[tuple[Any, ...], dict[str, Any]], tuple[tuple[Any, ...], dict[str, Any]]]


def _id_checker(fn: Callable[..., Any]) -> Checker | None:
    """A function that checks ``fn``'s integer id arguments, or None when it has none."""
    params = list(inspect.signature(fn).parameters.values())
    singles: list[tuple[int, str]] = []
    required: set[str] = set()  # ``x_id: int``: None is refused too
    many: list[tuple[int, str]] = []
    for position, param in enumerate(params):
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.name.endswith("_id") and _is_int_annotation(param.annotation):
            singles.append((position, param.name))
            if "None" not in _annotation_parts(param.annotation):
                required.add(param.name)
        elif param.name.endswith("_ids") and _is_int_list_annotation(param.annotation):
            many.append((position, param.name))
    if not singles and not many:
        return None

    def check(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, Any]:
        count = len(args)
        for position, name in singles:
            if position < count:
                value = args[position]
                # An exact int in range is what ident() accepts unchanged: no call needed.
                if (type(value) is not int or value < 0 or value > MAX_ID) and (
                    value is not None or name in required
                ):
                    ident(value, name)
            elif kwargs:
                value = kwargs.get(name)
                if value is not None or (name in required and name in kwargs):
                    ident(value, name)
        for position, name in many:
            # A list replaces the caller's iterable, which checking it may have consumed.
            if position < count:
                if args[position] is not None:
                    checked = idents(args[position], name)
                    args = (*args[:position], checked, *args[position + 1 :])
            elif kwargs and kwargs.get(name) is not None:
                kwargs = {**kwargs, name: idents(kwargs[name], name)}
        return args, kwargs

    return check


__all__ = ["OperationSpec", "current_operation", "declare", "default_idempotent", "spec_of"]
