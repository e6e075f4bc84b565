"""The Resource Management wire format: snake_case names as in Python, ISO dates, UTC timestamps.

Beyond the shared converter this adds: the ``paging`` block (``self`` is a Python keyword's
neighbour, so it is ``self_link`` here), nested collections that remember their item model,
``from`` keys (``from_`` in Python) and the unions decided by a ``type`` field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, get_args, get_origin

import cattrs
from cattrs.gen import make_dict_unstructure_fn

from .._core import bytes_decode, bytes_pages
from .._core.serde import make_converter
from .models.common import Nested, Paging
from .models.events import EVENT_MODELS, WebhookEvent
from .models.projects import Assignable, AssignableBase, LeaveType, Project
from .models.reports import CustomFieldFilter, Report, ReportFilter, ReportTotals
from .models.time import ExpenseItem, TimeEntry

_ASSIGNABLES: dict[str, type[AssignableBase]] = {"Project": Project, "LeaveType": LeaveType}
_APPROVABLES: dict[str, type[TimeEntry | ExpenseItem]] = {
    "TimeEntry": TimeEntry,
    "ExpenseItem": ExpenseItem,
}


def _utc(value: Any, _: type) -> dt.datetime:
    if isinstance(value, bool) or not isinstance(value, str):
        raise TypeError(f"expected a timestamp string, got {type(value).__name__}")
    parsed = dt.datetime.fromisoformat(value)
    return parsed.astimezone(dt.UTC) if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


# The same statement as ``_utc`` on a string, run in place of it by the bytes decoders.
bytes_decode.inline(
    _utc,
    "_t = fromiso({v}); {v} = _t.astimezone(UTC) if _t.tzinfo else _t.replace(tzinfo=UTC)",
    {"fromiso": dt.datetime.fromisoformat, "UTC": dt.UTC},
)


def _by_type(
    conv: cattrs.Converter, table: dict[str, Any], fallback: type | None, what: str
) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected a {what} object, got {type(value).__name__}")
        kind = value.get("type") or value.get("approvable_type")
        cls = table.get(kind) if isinstance(kind, str) else None
        if cls is None:
            if fallback is None:
                raise ValueError(f"unknown {what} type {kind!r}")
            cls = fallback
        return conv.structure(value, cls)

    return structure


def _wire_name(cls: type, name: str) -> str:
    # ``self`` and ``from`` are Python words: ``self_link`` and ``from_`` here.
    if cls is Paging and name == "self_link":
        return "self"
    return name.rstrip("_")


def _build() -> cattrs.Converter:
    conv = make_converter(camel_case=False, wire_name=_wire_name)
    conv.register_structure_hook(dt.datetime, _utc)
    for filter_cls in (ReportFilter, CustomFieldFilter):
        # Report filters are sent whole: every field, null included.
        conv.register_unstructure_hook(filter_cls, make_dict_unstructure_fn(filter_cls, conv))

    def nested_factory(tp: Any) -> Callable[[Any, Any], Nested[Any]]:
        args = get_args(tp)
        item = args[0] if args else Any

        def structure(value: Any, _: Any) -> Nested[Any]:
            if not isinstance(value, dict) or not isinstance(value.get("data"), list):
                raise TypeError("expected a nested collection with a 'data' list")
            paging = value.get("paging")
            return Nested(
                # Items are decoded lazily per call: a Project nests Projects (children).
                data=[conv.structure(v, item) for v in value["data"]],
                paging=conv.structure(paging, Paging) if isinstance(paging, dict) else None,
                item_type=item if isinstance(item, type) else None,
            )

        return structure

    def is_nested(t: Any) -> bool:
        return get_origin(t) is Nested

    conv.register_structure_hook_factory(is_nested, nested_factory)
    assignable = _by_type(conv, _ASSIGNABLES, AssignableBase, "assignable")
    approvable = _by_type(conv, _APPROVABLES, None, "approvable")
    conv.register_structure_hook_func(lambda t: t == Assignable, assignable)
    conv.register_structure_hook_func(lambda t: t == TimeEntry | ExpenseItem, approvable)
    conv.register_structure_hook_func(
        lambda t: t == TimeEntry | ExpenseItem | None,
        lambda v, _: None if v is None else approvable(v, None),
    )

    def event(value: Any, _: Any) -> WebhookEvent:
        if not isinstance(value, dict) or not isinstance(value.get("type"), str):
            raise TypeError("a webhook payload needs a string 'type'")
        kind: str = value["type"]
        model = next((m for p, m in EVENT_MODELS.items() if kind.startswith(p)), None)
        if model is None:
            raise ValueError(f"unknown webhook event type {kind!r}")
        return WebhookEvent(type=kind, data=conv.structure(value.get("data"), model))

    conv.register_structure_hook(WebhookEvent, event)
    _fast_hooks(conv)
    return conv


def _fast_hooks(conv: cattrs.Converter) -> None:
    """Generated structure functions for every model that fits them (list pages hold up to
    1,000 items; see _core/fast_structure.py), each equal in result to the reference
    decoder, which takes every object off the fast path."""
    from .._core.fast_structure import make_fast_structure_fn
    from .._core.model import Model
    from . import models

    def exactly(cls: type) -> Callable[[Any], bool]:
        return lambda t: t is cls

    for cls in {m for m in vars(models).values() if isinstance(m, type)}:
        if not issubclass(cls, Model) or cls is Model or cls is WebhookEvent:
            continue
        try:
            fast = make_fast_structure_fn(cls, conv, _wire_name)
        except TypeError:  # a factory default or a converter: the reference decoder stays
            continue
        conv.register_structure_hook_func(exactly(cls), fast)


CONVERTER = _build()
bytes_pages.register_pages(CONVERTER, _wire_name)
# Report answers are one object of up to thousands of rows (``_object`` reads them through
# ``bytes_decode.decode_bytes``).
for _report in (Report, ReportTotals):
    bytes_decode.register(CONVERTER, _report, _wire_name)
