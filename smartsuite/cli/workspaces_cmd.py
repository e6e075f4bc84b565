"""``smartsuite workspaces``: list workspaces and show what is in one, folder by folder."""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import AsyncIterator
from typing import Annotated, Any

import attrs
import typer

from .._core.errors import PagingError
from ..smartsheet import SmartsheetClient
from ..smartsheet.models.children import (
    Child,
    ChildFolder,
    ChildReport,
    ChildSheet,
    ChildSight,
    ChildTemplate,
    UnknownChild,
)
from ..smartsheet.resources.children import MAX_TREE_FOLDERS
from ._common import EmulatorOpt, JsonOpt, VerboseOpt, print_listing, resolve_id, run, say
from ._connect import SsBaseUrlOpt, SsRegionOpt, SsTokenOpt, smartsheet
from ._help import command, group

app = group("Smartsheet workspaces: list them, show one as a tree.")

WorkspaceArg = Annotated[str, typer.Argument(help="Workspace id, or its exact name.")]

#: The ``type`` of each child model (the API's ``resourceType``; a dashboard is a ``sight``).
_TYPES: dict[type[Any], str] = {
    ChildFolder: "folder",
    ChildSheet: "sheet",
    ChildReport: "report",
    ChildSight: "sight",
    ChildTemplate: "template",
}


@attrs.frozen
class Node:
    """One item of a workspace tree, in depth-first order.

    ``path`` is the names of the folders above it (the workspace not included, as in
    ``ss.workspaces.walk``); ``last`` says, for each level down to this item, whether that
    item is the last of its siblings (for drawing the tree).
    """

    type: str
    id: int | None
    name: str
    path: tuple[str, ...]
    parent_id: int
    last: tuple[bool, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "id": self.id,
            "name": self.name,
            "path": list(self.path),
            "parent_id": self.parent_id,
        }

    def line(self) -> str:
        """The item as a line of the drawn tree: ``│   └── Q3/ (folder 42)``."""
        indent = "".join("    " if last else "│   " for last in self.last[:-1])
        branch = "└── " if self.last[-1] else "├── "
        slash = "/" if self.type == "folder" else ""
        ident = "" if self.id is None else f" {self.id}"
        return f"{indent}{branch}{self.name}{slash} ({self.type}{ident})"


def child_type(child: Child) -> str:
    if isinstance(child, UnknownChild):
        return child.resource_type or "unknown"
    return _TYPES.get(type(child), child.resource_type or "unknown")


async def resolve_workspace(ss: SmartsheetClient, ref: str) -> int:
    """The id of the workspace given by id or by name (see :func:`resolve_id`)."""
    return await resolve_id(ref, ss.workspaces.list, "workspace", "give the id")


async def walk_tree(ss: SmartsheetClient, workspace_id: int) -> AsyncIterator[Node]:
    """Every item of a workspace, depth first (folders before what follows them), listing
    one folder's children at a time (``/workspaces/{id}/children``, then
    ``/folders/{id}/children`` for each folder).

    Depth first reads like a tree, which ``ss.workspaces.walk`` (breadth first) does not; the
    same guards apply: a folder met twice, or more than ``MAX_TREE_FOLDERS``, is refused.

    Raises:
        PagingError: the server's tree loops or is too large.
    """
    top = [c async for c in ss.workspaces.children(workspace_id)]
    stack: list[tuple[deque[Child], int, tuple[str, ...], tuple[bool, ...]]] = [
        (deque(top), workspace_id, (), ())
    ]
    seen: set[int] = set()
    while stack:
        pending, parent, path, last = stack[-1]
        if not pending:
            stack.pop()
            continue
        child = pending.popleft()
        name = child.name or ""
        node = Node(child_type(child), child.id, name, path, parent, (*last, not pending))
        yield node
        if isinstance(child, ChildFolder) and child.id is not None:
            if child.id in seen:
                raise PagingError(f"folder {child.id} appears twice in the tree")
            seen.add(child.id)
            if len(seen) > MAX_TREE_FOLDERS:
                raise PagingError(f"more than {MAX_TREE_FOLDERS} folders in one tree")
            inside = [c async for c in ss.folders.children(child.id)]
            stack.append((deque(inside), child.id, (*path, name), node.last))


@command(app, "list")
def list_workspaces(
    emulator: EmulatorOpt = False,
    base_url: SsBaseUrlOpt = None,
    token: SsTokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """List the workspaces the token can see."""

    async def job() -> int:
        async with smartsheet(emulator, base_url, token, region) as (ss, _):
            found = [
                {"id": w.id, "name": w.name, "access_level": w.access_level,
                 "permalink": w.permalink}
                async for w in ss.workspaces.list()
            ]  # fmt: skip
        columns = {"id": "id", "name": "name", "access": "access_level"}
        return print_listing(found, columns, as_json=as_json)

    run(job, as_json=as_json, verbose=verbose)


@command(app, "tree")
def tree(
    workspace: WorkspaceArg,
    emulator: EmulatorOpt = False,
    base_url: SsBaseUrlOpt = None,
    token: SsTokenOpt = None,
    region: SsRegionOpt = "us",
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Show everything in a workspace as a tree: its folders, sheets, reports, dashboards
    (sight) and templates, listed folder by folder. With --json: JSON Lines, the workspace
    first, then one object per item (type, id, name, path of folder names, parent_id)."""

    async def job() -> int:
        async with smartsheet(emulator, base_url, token, region) as (ss, _):
            workspace_id = await resolve_workspace(ss, workspace)
            meta = await ss.workspaces.metadata(workspace_id)
            root = {"type": "workspace", "id": workspace_id, "name": meta.name or ""}
            if as_json:
                _json_line({**root, "path": [], "parent_id": None})
            else:
                say(f"{root['name']} (workspace {workspace_id})", error=False)
            count = 0
            async for node in walk_tree(ss, workspace_id):
                count += 1
                if as_json:
                    _json_line(node.to_json())
                else:
                    say(node.line(), error=False)
        if not as_json:
            say(f"{count} items")
        return 0

    run(job, as_json=as_json, verbose=verbose)


def _json_line(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, default=str) + "\n")
    sys.stdout.flush()
