"""Emulated Smartsheet API 2.0."""

from .service import SmartsheetService

__all__ = ["SmartsheetService"]
