"""``{data, paging}`` pages (Resource Management lists) decoded straight from bytes: the items
as :class:`~smartsuite._core.bytes_decode.BytesDecoder` does them, the envelope around them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import cattrs

from .bytes_decode import HAVE_MSGSPEC, BytesDecoder, Fallback, mirrored
from .gc_pause import collector_paused
from .serde import WireNames

if TYPE_CHECKING:
    from .response import Response

if HAVE_MSGSPEC:
    import msgspec

T = TypeVar("T")


class PageDecoder(Generic[T]):
    """Decodes a ``{"data": [...], "paging": ...}`` page of ``item`` objects straight from
    bytes: the items as :class:`BytesDecoder` does, the ``paging`` value as plain JSON (other
    envelope keys are skipped, as the reference path does). Any item the fast path refuses
    sends the whole page to the reference path.

    Raises:
        RuntimeError: msgspec is not installed.
        TypeError: a model in the tree has a converter, or contains itself.
    """

    def __init__(self, item: type[T], conv: cattrs.Converter, wire_name: WireNames) -> None:
        items = BytesDecoder(item, conv, wire_name)
        plan = items._plans[item]
        envelope = msgspec.defstruct(
            f"{plan.key}PageWire",
            [("data", list[plan.struct]), ("paging", Any, None)],  # type: ignore[name-defined]
            gc=False,
        )
        self._decoder = msgspec.json.Decoder(envelope)
        self._many: Callable[[list[Any]], list[T]] = items._env[f"many_{plan.key}"]

    def decode(self, body: bytes) -> tuple[list[T], Any]:
        """The items of the page and its raw ``paging`` value.

        Raises:
            Fallback: the fast path refused the page; decode it with the reference path.
        """
        with collector_paused():
            try:
                page: Any = self._decoder.decode(body)
            except (msgspec.DecodeError, msgspec.ValidationError):
                raise Fallback from None
            try:
                return self._many(page.data), page.paging
            except Exception:
                raise Fallback from None


_PAGE_WIRES: dict[int, WireNames] = {}
_PAGES: dict[tuple[int, Any], PageDecoder[Any] | None] = {}


def register_pages(conv: cattrs.Converter, wire_name: WireNames) -> None:
    """Decode ``{data, paging}`` pages for ``conv`` straight from bytes (see
    :func:`decode_page`) when msgspec is installed."""
    if HAVE_MSGSPEC:
        _PAGE_WIRES[id(conv)] = wire_name


def page_decoder_for(conv: cattrs.Converter, item: Any) -> PageDecoder[Any] | None:
    """The page decoder of ``item`` objects for ``conv`` (built on first use); None when pages
    are not registered for ``conv``, or ``item`` is not a model decoded by the reference
    decoder (a union picked by a ``type`` key ...)."""
    key = (id(conv), item)
    if key in _PAGES:
        return _PAGES[key]
    found: PageDecoder[Any] | None = None
    wire_name = _PAGE_WIRES.get(id(conv))
    if wire_name is not None and mirrored(conv, item):
        with contextlib.suppress(TypeError):
            found = PageDecoder(item, conv, wire_name)
    _PAGES[key] = found
    return found


def decode_page(
    conv: cattrs.Converter, response: Response, item: type[T]
) -> tuple[list[T], Any] | None:
    """The items and raw ``paging`` value of ``response``'s ``{data, paging}`` page, decoded
    straight from bytes; None when the caller must decode it with ``response.json()`` and the
    converter (no page decoder, the body is parsed already, or the fast path refused it: the
    reference path then decides, errors included)."""
    if response.is_parsed:
        return None
    decoder = page_decoder_for(conv, item)
    if decoder is None:
        return None
    try:
        return decoder.decode(response.body)
    except Fallback:
        return None


__all__ = ["PageDecoder", "decode_page", "page_decoder_for", "register_pages"]
