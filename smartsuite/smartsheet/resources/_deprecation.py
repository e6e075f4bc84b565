"""Warnings for operations Smartsheet has deprecated but still answers (the Home / "Sheets
folder" endpoints since 2025-03-25, their sunset date withdrawn on 2026-01-09: developers.
smartsheet.com changelog; ``GET /home``, marked deprecated in Python SDK 4.4.0)."""

from __future__ import annotations

import warnings

from ..._core.renames import outside_caller_level


def warn_deprecated(operation: str, replacement: str) -> None:
    """Warn that ``operation`` is deprecated by Smartsheet (it still works) and name the way
    forward."""
    warnings.warn(
        f"{operation} is deprecated by Smartsheet (it still answers, with no sunset date set); "
        f"use {replacement}",
        DeprecationWarning,
        stacklevel=outside_caller_level(),
    )
