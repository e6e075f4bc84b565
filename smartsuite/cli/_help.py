"""Help text conventions: flags show no ``<bool>`` type, and docstrings become one paragraph
per blank-line-separated block (no line breaks from the source code)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from ._clickapi import Context, Parameter, TyperOption
from ._errors import EPILOG

F = TypeVar("F", bound=Callable[..., Any])


def _hide_flag_types(params: list[Parameter]) -> list[Parameter]:
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""  # typer shows an empty metavar as no type at all
    return params


class CliCommand(TyperCommand):
    """A command whose help shows flags without a type."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        return _hide_flag_types(super().get_params(ctx))


class CliGroup(TyperGroup):
    """A group whose help shows flags without a type."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        return _hide_flag_types(super().get_params(ctx))


def one_paragraph(doc: str | None) -> str:
    """A docstring's paragraphs with their source line breaks removed."""
    blocks = inspect.cleandoc(doc or "").split("\n\n")
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())


def group(help: str) -> typer.Typer:
    """A sub-command group with the shared conventions."""
    return typer.Typer(help=help, no_args_is_help=True, cls=CliGroup, epilog=EPILOG)


def command(app: typer.Typer, name: str) -> Callable[[F], F]:
    """Register a function as command ``name`` of ``app`` (help from its docstring)."""

    def register(fn: F) -> F:
        app.command(name, cls=CliCommand, help=one_paragraph(fn.__doc__), epilog=EPILOG)(fn)
        return fn

    return register
