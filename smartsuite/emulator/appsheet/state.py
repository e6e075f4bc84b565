"""In-memory AppSheet data."""

from __future__ import annotations


class AppSheetState:
    def __init__(self, app_ids: set[str]) -> None:
        self.app_ids = app_ids
