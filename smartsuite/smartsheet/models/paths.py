"""Where an asset lives: the ``/{sheets|reports|sights|folders}/{id}/path`` answer, a chain of
nodes from the top container down to the asset (added 2026-02-16)."""

from __future__ import annotations

import datetime as dt

import attrs

from ..._core.model import Model, track, unset


@attrs.define(on_setattr=track)
class PathNode(Model):
    """One step of a path: a workspace or folder, or (with dates) the asset itself.

    ``folders`` holds the next step down; the asset appears in ``sheets``, ``reports`` or
    ``sights`` of the node that contains it (a folder path ends in ``folders``).
    """

    id: int | None = unset  # absent on the bare holder of an asset outside any workspace
    name: str | None = unset
    permalink: str | None = unset
    access_level: str | None = unset
    created_at: dt.datetime | None = unset
    modified_at: dt.datetime | None = unset
    folders: list[PathNode] | None = unset
    sheets: list[PathNode] | None = unset
    reports: list[PathNode] | None = unset
    sights: list[PathNode] | None = unset

    def chain(self) -> list[PathNode]:
        """The nodes from this one down to the asset (bounded: 10,000 levels)."""
        # The answer for an asset outside any workspace is a bare holder of the leaf.
        found = [self] if self.id is not None or self.name is not None else []
        node = self
        for _ in range(10_000):
            below = [*(node.sheets or ()), *(node.reports or ()), *(node.sights or ())]
            if below:
                found.append(below[0])
                return found
            if not node.folders:
                return found
            node = node.folders[0]
            found.append(node)
        return found

    def leaf(self) -> PathNode:
        """The asset at the end of the path."""
        return self.chain()[-1]

    def names(self) -> list[str]:
        """The names along the path, top first (``["Team", "Plans", "Q3"]``)."""
        return [n.name or "" for n in self.chain()]
