"""Public names that changed: the old one keeps working for one release, with a warning."""

from __future__ import annotations

import sys
import warnings
from typing import TypeVar

from .errors import ConfigurationError

T = TypeVar("T")


def outside_caller_level() -> int:
    """The ``stacklevel`` that makes a warning point at the first frame outside smartsuite
    (decorators and wrappers add frames, so a fixed level would blame our own code)."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("smartsuite"):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def warn_renamed(old: str, new: str) -> None:
    """Warn (DeprecationWarning, at the caller's line) that ``old`` is now called ``new``."""
    warnings.warn(
        f"{old} is deprecated and will be removed in the next release; use {new}",
        DeprecationWarning,
        stacklevel=outside_caller_level(),
    )


def renamed_arg(new_name: str, new: T | None, old_name: str, old: T | None) -> T | None:
    """The value of a renamed keyword argument: ``new`` unless only ``old`` was given (which
    warns). Both at once with different values is a :class:`ConfigurationError`."""
    if old is None:
        return new
    warn_renamed(f"{old_name}=", f"{new_name}=")
    if new is not None and new != old:
        raise ConfigurationError(f"pass {new_name}= or {old_name}=, not both")
    return old


__all__ = ["outside_caller_level", "renamed_arg", "warn_renamed"]
