"""Give re-exported exceptions their public import path.

An exception defined in ``smartsuite._core.errors`` and re-exported as ``smartsuite.NotFoundError``
would otherwise print as ``smartsuite._core.errors.NotFoundError`` in tracebacks, reprs and logs,
a path users must not import from. Each package ``__init__`` calls :func:`publish` for its names.

Only exception classes are renamed: model classes keep their defining module because typing and
cattrs resolve their (string) annotations through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def publish(package: str, namespace: Mapping[str, Any], names: Iterable[str]) -> None:
    """Set ``__module__`` (and ``__qualname__``) of the exceptions among ``names`` to
    ``package``, for those defined below it (a name already given a public home stays)."""
    for name in names:
        obj = namespace.get(name)
        if not isinstance(obj, type) or not issubclass(obj, BaseException):
            continue
        if obj.__module__.startswith(package + "."):
            obj.__module__ = package
            obj.__qualname__ = name


__all__ = ["publish"]
