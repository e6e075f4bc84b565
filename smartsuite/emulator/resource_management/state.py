"""In-memory Resource Management data."""

from __future__ import annotations


class RMState:
    def __init__(self) -> None:
        self.users: dict[int, dict[str, object]] = {}
