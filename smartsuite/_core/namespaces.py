"""``Namespace``: a client's resource namespace (``ss.sheets``, ``rm.projects``) in one line.

::

    class SmartsheetClient(BaseClient):
        sheets: Namespace[Sheets] = Namespace(".resources.sheets:Sheets", "Sheets: list, get ...")

The resource module is imported on first access, not when the client module is (so importing
a client does not import every resource), and the namespace is made once per client instance
and kept in the instance's ``__dict__`` (``with_options`` views drop it and make their own).
The target is written like a relative import from the module defining the client.
"""

from __future__ import annotations

import importlib
from typing import Generic, Self, TypeVar, cast, overload

from .errors import ConfigurationError

R = TypeVar("R")


class Namespace(Generic[R]):
    """A lazily imported resource namespace, made once per client instance.

    Args:
        target: ``"module:Class"``; the module is absolute or relative (leading dots) to the
            module of the class the namespace is defined on.
        doc: what the namespace holds; shown by ``help()`` and the sync facade.

    Raises:
        ConfigurationError: a target without exactly one ``:``.
    """

    def __init__(self, target: str, doc: str) -> None:
        module, sep, attr = target.partition(":")
        if not sep or not module or not attr or ":" in attr:
            raise ConfigurationError(f"namespace target must be 'module:Class', got {target!r}")
        self.target = target
        self.__doc__ = doc
        self.name = ""
        self._module = module
        self._attr = attr
        self._package: str | None = None
        self._cls: type[R] | None = None

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        # A relative target is relative to the owner's module, as an import written there.
        self._package = owner.__module__.rpartition(".")[0] or None

    def resource_class(self) -> type[R]:
        """The namespace's class (its module is imported on the first call)."""
        if self._cls is None:
            module = importlib.import_module(self._module, self._package)
            self._cls = getattr(module, self._attr)
        return self._cls

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> R: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Self | R:
        if obj is None:
            return self
        made = cast(R, cast(type, self.resource_class())(obj))
        # Stored under the attribute's name: later reads find it before this descriptor.
        obj.__dict__[self.name] = made
        return made

    def __repr__(self) -> str:
        return f"Namespace({self.target!r})"


__all__ = ["Namespace"]
