"""Decoding large bodies straight from bytes into models, when msgspec is installed.

``json.loads`` followed by structuring builds every object twice: a dict per cell, then the
cell. Here msgspec (the ``speed`` extra) parses the body into generated *mirror* structs, one
per model, whose fields are the wire names with the strictest msgspec type equal in meaning to
the converter's hook (``int``, ``str``, ``bool``, ``Any``, ``dict[str, Any]``, lists of those or
of mirrors); every other field (timestamps, ids read from text, unions) is parsed as plain JSON
and goes through the converter's own hook. Mirrors forbid unknown keys. Generated functions then
move each struct's values into a model object with plain slot stores.

Anything msgspec refuses (an unknown key for ``extra``, a value of another type for
``decode_issues``, a float out of range, a lone surrogate) and any failing hook sends the item
(a row, when the model's list field is decoded item by item) or the whole body to the reference
path: ``json.loads`` and the converter. The result is then the reference result exactly, so the
fast path only ever returns what the reference decoder would return (tests/models check this on
arbitrary bodies).
"""

from __future__ import annotations

import codecs
import datetime as dt
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import cattrs

from . import scalars
from .gc_pause import collector_paused
from .model import DECODED, raw_class
from .serde import FieldPlan, WireNames, field_plans, structure

if TYPE_CHECKING:
    from .response import Response

try:  # msgspec is optional (the ``speed`` extra)
    import msgspec

    HAVE_MSGSPEC = True
except ImportError:  # pragma: no cover - exercised by the stdlib-path tests with it hidden
    HAVE_MSGSPEC = False

T = TypeVar("T")

#: Plain field types msgspec decodes exactly as the converter's hooks do (``float`` is left
#: out: both take a JSON integer, but the rounding of huge ones is not worth proving equal).
_PLAIN: tuple[Any, ...] = (
    int,
    str,
    bool,
    Any,
    dict[str, Any],
    list[str],
    list[int],
    list[Any],
    list[dict[str, Any]],
)


#: Hooks msgspec's own type decodes exactly as they do, by the hook: ``_parse_date`` takes
#: 10-character ``date.fromisoformat`` strings (``YYYY-MM-DD``, also ``YYYY-Www-D``) and
#: milliseconds; msgspec's ``date`` takes ``YYYY-MM-DD`` only (RFC 3339 full-date), with the same
#: result, and sends everything else to the reference path. (msgspec's ``datetime`` is not
#: exact: it takes ``t``/``z`` and rounds digits past the microsecond, which ``fromisoformat``
#: truncates, so timestamp hooks are inlined instead, see :func:`inline`.)
_EXACT: dict[Any, Any] = {scalars._parse_date: dt.date}

#: Hook -> (one statement equal to it on a JSON string ``{v}``, the names it uses).
_INLINE: dict[Any, tuple[str, dict[str, Any]]] = {}


def inline(hook: Callable[[Any, Any], Any], statement: str, names: dict[str, Any]) -> None:
    """Let the generated code run ``statement`` in place of ``hook`` on a field msgspec has
    checked to be a string: ``statement`` (one line; ``{v}`` the field, which it replaces with
    the decoded value) must be the hook's own code for a string, raising where it raises."""
    _INLINE[hook] = (statement, names)


#: Bodies above this size are only checked by the transport (:func:`well_formed`, a tenth of a
#: ``json.loads``), not parsed, so that a bytes decoder can read them (an RM page of 1,000 time
#: entries is ~300 kB). A body no bytes decoder takes is then parsed by ``Response.json()``.
CHECK_ONLY_BYTES = 64 * 1024


class Fallback(Exception):
    """Raised inside the fast path: the reference path decides this body (or item)."""


def available() -> bool:
    """Whether msgspec is installed (the fast path exists)."""
    return HAVE_MSGSPEC


def well_formed(body: bytes) -> bool:
    """Whether ``body`` is one syntactically valid JSON document in valid UTF-8, checked
    without building it (msgspec skips over the values; UTF-8 is checked in 1 MB slices).
    False also when msgspec is stricter than ``json`` (``NaN``, lone surrogates): the caller
    then parses with ``json``, which decides."""
    if not HAVE_MSGSPEC:
        return False
    try:
        msgspec.json.decode(body, type=msgspec.Raw)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return False
    if body.isascii():
        return True
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(body)
    step = 1 << 20
    try:
        for start in range(0, len(view), step):
            decoder.decode(view[start : start + step], start + step >= len(view))
    except UnicodeDecodeError:
        return False
    return True


@attrs.frozen
class _Plan:
    """One model's mirror struct and the generated code that converts it."""

    key: str
    struct: Any


class BytesDecoder(Generic[T]):
    """Decodes a body of ``cls`` straight from bytes (see the module docstring).

    Args:
        cls: the model of the whole body.
        conv: the service's converter (its hooks decode the fields that are not plain, and its
            reference decoder takes whatever the fast path refuses).
        wire_name: the converter's wire names.
        per_item: list-of-model fields of ``cls`` decoded item by item, so that an item off the
            fast path costs only itself, and the structs of one item at a time are alive
            (the rows of a sheet).

    Raises:
        RuntimeError: msgspec is not installed.
        TypeError: a model in the tree has a required field or a converter.
    """

    def __init__(
        self,
        cls: type[T],
        conv: cattrs.Converter,
        wire_name: WireNames,
        *,
        per_item: frozenset[str] = frozenset(),
    ) -> None:
        if not HAVE_MSGSPEC:
            raise RuntimeError("msgspec is not installed")
        self._cls = cls
        self._conv = conv
        self._wire_name = wire_name
        self._per_item = per_item
        self._plans: dict[type, _Plan] = {}
        self._building: set[type] = set()
        self._env: dict[str, Any] = {
            "new": object.__new__,
            "astuple": msgspec.structs.astuple,
            "DECODED": DECODED,
            "Fallback": Fallback,
        }
        self._source: list[str] = []
        root = self._plan(cls, top=True)
        self._decoder = msgspec.json.Decoder(root.struct)
        code = "".join(self._source)
        exec(compile(code, f"<bytes decoder {cls.__name__}>", "exec"), self._env)  # noqa: S102
        self._convert: Callable[[Any], T] = self._env[f"one_{root.key}"]

    # -- building ------------------------------------------------------------------------------

    def _plan(self, cls: type, *, top: bool = False) -> _Plan:
        found = self._plans.get(cls)
        if found is not None:
            return found
        if cls in self._building:
            raise TypeError(f"{cls.__name__} contains itself: no fast decoding")
        self._building.add(cls)
        for a in attrs.fields(cls):
            if a.converter is not None:
                raise TypeError(f"{cls.__name__}.{a.name}: no fast decoding for this field")
        plans, fixed = field_plans(cls, self._wire_name)
        fields: list[tuple[str, Any]] = []
        lines: list[str] = []  # the fix-ups after the tuple store, indented by 4
        targets: list[str] = []
        env = self._env
        key = f"{cls.__name__}_{len(self._building)}"
        for p in plans:
            kind, mirror, sub = self._mirror(p, top)
            fields.append((p.name, mirror))
            targets.append(f"o.{p.name}")
            for n in range(len(p.aliases)):
                fields.append((f"{p.name}__alias{n}", mirror))
                targets.append(f"a_{p.name}_{n}")
            name = f"o.{p.name}"
            for n in range(len(p.aliases)):
                lines.append(f"if {name} is None: {name} = a_{p.name}_{n}")
            if p.required:  # missing and null look alike here: the reference path tells them apart
                lines.append(f"if {name} is None: raise Fallback")
            missing = "[]" if p.empty_list else "None"
            if p.factory is not None:
                env[f"f_{key}_{p.name}"] = p.factory
                missing = f"f_{key}_{p.name}()"
            inner = p.inner
            if kind == "plain":
                if missing != "None":
                    lines.append(f"if {name} is None: {name} = {missing}")
            elif kind == "inline":
                template, names = _INLINE[sub]
                env.update(names)
                lines.append(f"if {name} is not None: {template.format(v=name)}")
                if missing != "None":
                    lines.append(f"else: {name} = {missing}")
            elif kind == "model":
                lines.append(f"if {name} is not None: {name} = one_{sub}({name})")
            elif kind == "list":
                lines.append(f"{name} = {missing} if {name} is None else many_{sub}({name})")
            elif kind == "items":
                env[f"items_{key}_{p.name}"] = self._item_decoder(typing.get_args(inner)[0])
                lines.append(
                    f"{name} = {missing} if {name} is None else items_{key}_{p.name}({name})"
                )
            else:  # the converter's hook, as the reference decoder calls it
                env[f"h_{key}_{p.name}"] = self._conv.get_structure_hook(inner)
                env[f"t_{key}_{p.name}"] = inner
                lines.append(
                    f"{name} = {missing} if {name} is None else "
                    f"h_{key}_{p.name}({name}, t_{key}_{p.name})"
                )
        for name, default in fixed.items():
            env[f"d_{key}_{name}"] = default
            lines.append(f"o.{name} = d_{key}_{name}")
        env[f"raw_{key}"] = raw_class(cls)
        env[f"cls_{key}"] = cls
        lines.append("o._state = DECODED")
        lines.append(f"o.__class__ = cls_{key}")
        if hasattr(cls, "_after_decode"):
            lines.append("o._after_decode()")
        struct = msgspec.defstruct(
            f"{key}Wire",
            [
                (n, t, msgspec.field(default=None, name=w))
                for (n, t), w in zip(fields, self._wires(plans), strict=True)
            ],
            forbid_unknown_fields=True,
            gc=False,
        )
        plan = _Plan(key, struct)
        self._plans[cls] = plan
        store = f"({', '.join(targets)},) = astuple(s)"
        body = "".join(f"    {line}\n" for line in [f"o = new(raw_{key})", store, *lines])
        self._source.append(f"def one_{key}(s):\n{body}    return o\n")
        loop = "".join(f"        {line}\n" for line in [f"o = new(raw_{key})", store, *lines])
        self._source.append(
            f"def many_{key}(items):\n    out = []\n    add = out.append\n"
            f"    for s in items:\n{loop}        add(o)\n    return out\n"
        )
        return plan

    @staticmethod
    def _wires(plans: list[FieldPlan]) -> list[str]:
        return [w for p in plans for w in (p.wire, *p.aliases)]

    def _mirror(self, p: FieldPlan, top: bool) -> tuple[str, Any, Any]:
        """The kind of conversion a field needs, its type in the mirror struct, and the key of
        the nested model's plan (for ``inline``: the hook)."""
        inner = p.inner
        if inner is Any:
            return "plain", Any, ""
        if inner in _PLAIN:
            return "plain", inner | None, ""
        hook = self._conv.get_structure_hook(inner) if isinstance(inner, type) else None
        if hook is not None and hook in _EXACT:
            return "plain", _EXACT[hook] | None, ""
        if hook is not None and hook in _INLINE:
            return "inline", str | None, hook
        if self._mirrored(inner):
            plan = self._plan(inner)
            return "model", plan.struct | None, plan.key
        origin, args = typing.get_origin(inner), typing.get_args(inner)
        if origin is list and len(args) == 1 and self._mirrored(args[0]):
            if top and p.name in self._per_item:
                return "items", list[msgspec.Raw] | None, ""
            plan = self._plan(args[0])
            return "list", list[plan.struct] | None, plan.key  # type: ignore[name-defined]
        return "hook", Any, ""

    def _mirrored(self, tp: Any) -> bool:
        return mirrored(self._conv, tp)

    def _item_decoder(self, item: type) -> Callable[[list[Any]], list[Any]]:
        """Decode a list of raw items one at a time: each through the fast path, or, when it
        refuses one, through ``json`` and the converter's hook for ``item`` (its own fast
        structure function or the reference decoder)."""
        plan = self._plan(item)
        decode = msgspec.json.Decoder(plan.struct).decode
        convert = self._env  # the converters are compiled with the rest, looked up late
        slow_hook = self._conv.get_structure_hook(item)
        name = plan.key

        def items(raws: list[Any]) -> list[Any]:
            one = convert[f"one_{name}"]
            out: list[Any] = []
            add = out.append
            for raw in raws:
                try:
                    add(one(decode(raw)))
                except Exception:  # msgspec's errors, a failing hook, Fallback
                    add(_slow_item(raw, slow_hook, item))
            return out

        return items

    # -- decoding ------------------------------------------------------------------------------

    def decode(self, body: bytes) -> T:
        """The model decoded from ``body``.

        Raises:
            Fallback: the fast path refused the body; decode it with the reference path.
        """
        with collector_paused():
            try:
                struct = self._decoder.decode(body)
            except (msgspec.DecodeError, msgspec.ValidationError):
                raise Fallback from None
            try:
                return self._convert(struct)
            except Fallback:
                raise
            except Exception:
                raise Fallback from None


def _slow_item(raw: Any, hook: Callable[[Any, Any], Any], item: type) -> Any:
    import json

    try:
        data = json.loads(bytes(raw))
        return hook(data, item)
    except Exception:
        # Whatever the reference decoder does with this item (keep the list as sent, raise)
        # is decided for the whole body.
        raise Fallback from None


def mirrored(conv: cattrs.Converter, tp: Any) -> bool:
    """A model the converter decodes with its reference decoder (or a generated function
    equal to it): a custom hook (a union picked by a ``type`` key ...) is left to run."""
    if not _is_model(tp):
        return False
    hook = conv.get_structure_hook(tp)
    hook = getattr(hook, "reference", hook)
    return getattr(hook, "__qualname__", "").startswith("make_model_structure_fn.")


def _is_model(tp: Any) -> bool:
    from .model import Model

    return isinstance(tp, type) and issubclass(tp, Model)


# -- the registry the resources decode through -----------------------------------------------

_FACTORIES: dict[tuple[int, type], Callable[[], BytesDecoder[Any]]] = {}
_BUILT: dict[tuple[int, type], BytesDecoder[Any]] = {}


def register(
    conv: cattrs.Converter,
    cls: type,
    wire_name: WireNames,
    *,
    per_item: frozenset[str] = frozenset(),
) -> None:
    """Decode large bodies of ``cls`` for ``conv`` straight from bytes when msgspec is
    installed (the decoder is built on first use)."""
    if not HAVE_MSGSPEC:
        return
    _FACTORIES[(id(conv), cls)] = lambda: BytesDecoder(cls, conv, wire_name, per_item=per_item)


def decoder_for(conv: cattrs.Converter, cls: type[T]) -> BytesDecoder[T] | None:
    """The bytes decoder registered for ``cls`` with ``conv`` (None: there is none, or msgspec
    is not installed)."""
    if not HAVE_MSGSPEC:
        return None
    key = (id(conv), cls)
    found = _BUILT.get(key)
    if found is None:
        factory = _FACTORIES.get(key)
        if factory is None:
            return None
        found = _BUILT[key] = factory()
    return found


def decode_response(conv: cattrs.Converter, response: Response, cls: type[T]) -> T:
    """``response``'s body as ``cls``: straight from bytes when a bytes decoder is registered
    and the body is above :data:`CHECK_ONLY_BYTES` and not parsed yet, else (or when the fast
    path refuses the body) through :meth:`Response.json` and
    :func:`~smartsuite._core.serde.structure`.

    Raises:
        DecodeError: the body is not JSON, or not a ``cls`` (as the reference decoder says).
    """
    found = decode_bytes(conv, response, cls)
    return structure(conv, response.json(), cls) if found is None else found


def decode_bytes(conv: cattrs.Converter, response: Response, cls: type[T]) -> T | None:
    """``response``'s body as ``cls``, straight from bytes; None when the caller must decode it
    with ``response.json()`` and the converter (no bytes decoder is registered for ``cls``, the
    body is parsed already or not above :data:`CHECK_ONLY_BYTES`, or the fast path refused it:
    the reference path then decides, errors included). A body with a key ``cls`` does not know
    (a ``data`` envelope ...) is always refused."""
    if response.is_parsed or len(response.body) <= CHECK_ONLY_BYTES:
        return None
    decoder = decoder_for(conv, cls)
    if decoder is None:
        return None
    try:
        return decoder.decode(response.body)
    except Fallback:
        return None
