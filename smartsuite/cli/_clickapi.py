"""The click that typer runs on: recent typer releases vendor it as ``typer._click``, older ones
use the ``click`` package. Exceptions, contexts and parameters must come from the same one."""

from __future__ import annotations

from typer.core import TyperArgument, TyperOption

try:
    from typer._click.core import Context, Parameter
    from typer._click.exceptions import UsageError
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - typer before it vendored click
    from click import (  # type: ignore[assignment,no-redef]
        Context,
        Parameter,
        UsageError,
        get_current_context,
    )

__all__ = [
    "Context",
    "Parameter",
    "TyperArgument",
    "TyperOption",
    "UsageError",
    "get_current_context",
]
