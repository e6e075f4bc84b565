"""Emulated AppSheet API v2 (the Action endpoint)."""

from .service import AppSheetService

__all__ = ["AppSheetService"]
