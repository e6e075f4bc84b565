"""Container contents, as the API serves them since 2026-06-03: ``/metadata`` for the
workspace or folder itself and token-paged ``/children`` for what is in it
(https://developers.smartsheet.com/api/smartsheet/guides/updating-code/migrate-from-get-workspace).

Mixed into ``ss.workspaces`` and ``ss.folders``; the removed ``GET /workspaces/{id}``,
``GET /folders/{id}`` and the ``/folders`` listings are rebuilt from these.
"""

from __future__ import annotations

import warnings
from collections import deque
from collections.abc import AsyncIterator, Sequence
from typing import Any

from ..._core.errors import ConfigurationError, PagingError
from ..._core.model import unset
from ..._core.paging import AsyncPaginator
from ..._core.renames import outside_caller_level
from .._resource import SmartsheetResource
from ..models.children import (
    CHILD_MODELS,
    Child,
    ChildFolder,
    ChildSheet,
    ChildTemplate,
    ChildType,
    TreeEntry,
    UnknownChild,
)
from ..models.containers import Folder, Template
from ..models.sheets import Sheet
from ._params import csv_param

SUNSET = "2026-06-03"

_CHILD_TYPES = {t.value for t in ChildType}

#: A tree walk refuses to visit more folders than this (a server could loop forever).
MAX_TREE_FOLDERS = 100_000


def resource_types_param(types: Sequence[str] | str | None) -> str | None:
    """``childrenResourceTypes``: checked against the documented values, sent lower case."""
    if types is None:
        return None
    values = [types] if isinstance(types, str) else list(types)
    out = []
    for value in values:
        kind = str(value).lower()
        if kind not in _CHILD_TYPES:
            raise ConfigurationError(
                f"resource type must be one of {sorted(_CHILD_TYPES)}, not {value!r}"
            )
        out.append(kind)
    if ChildType.TEMPLATES in out and ChildType.SHEETS not in out:
        # Templates are only listed together with sheets (Python SDK 4.0.0 changelog).
        out.append(ChildType.SHEETS.value)
    return ",".join(out)


def warn_removed(old: str, replacement: str) -> None:
    warnings.warn(
        f"{old} was removed from the Smartsheet API on {SUNSET}; "
        f"this method now uses {replacement} instead",
        DeprecationWarning,
        stacklevel=outside_caller_level(),
    )


def as_folder(child: Child) -> Folder:
    """A child as the :class:`Folder` the removed folder listings returned."""
    if isinstance(child, ChildFolder):
        return Folder(id=child.id, name=child.name, permalink=child.permalink)
    folder_id = getattr(child, "id", None)
    return Folder(
        id=folder_id if isinstance(folder_id, int) else unset, name=getattr(child, "name", None)
    )


def as_template(child: ChildTemplate) -> Template:
    """A template child as the :class:`Template` the removed template listings returned."""
    return Template(
        id=child.id,
        name=child.name,
        type=child.type,
        access_level=child.access_level,
        description=child.description,
    )


class ChildrenMixin(SmartsheetResource):
    """``metadata``/``children`` for one container kind (``_kind`` is ``workspaces`` or
    ``folders``)."""

    _kind = "workspaces"

    def _child(self, data: Any) -> Child:
        if not isinstance(data, dict):
            return UnknownChild(resource_type=None, data={"value": data})
        kind = data.get("resourceType")
        model = CHILD_MODELS.get(kind.lower()) if isinstance(kind, str) else None
        if model is None:
            return UnknownChild(resource_type=kind if isinstance(kind, str) else None, data=data)
        decoded: Child = self._decode(data, model)
        return decoded

    def _children(
        self,
        container_id: int,
        resource_types: Sequence[str] | str | None,
        include: Sequence[str] | None,
        page_size: int | None,
    ) -> AsyncPaginator[Child]:
        params = {
            "childrenResourceTypes": resource_types_param(resource_types),
            "include": csv_param(include),
        }
        path = f"/{self._kind}/{{id}}/children"
        return self._token_pages(
            container_id, params=params, page_size=page_size, decode=self._child, path=path
        )

    async def _legacy_contents(self, container_id: int) -> dict[str, Any]:
        """The child lists the removed ``GET /{kind}/{id}`` used to embed."""
        found: dict[str, list[Any]] = {
            "folders": [],
            "sheets": [],
            "reports": [],
            "sights": [],
            "templates": [],
        }
        async for child in self._children(container_id, None, None, None):
            if isinstance(child, ChildFolder):
                found["folders"].append(as_folder(child))
            elif isinstance(child, ChildSheet):
                found["sheets"].append(
                    Sheet(
                        id=child.id,
                        name=child.name,
                        access_level=child.access_level,
                        permalink=child.permalink,
                        created_at=child.created_at,
                        modified_at=child.modified_at,
                    )
                )
            elif isinstance(child, ChildTemplate):
                found["templates"].append(as_template(child))
            elif isinstance(child, UnknownChild):
                continue
            else:
                key = "reports" if child.resource_type == "report" else "sights"
                found[key].append(self._encode(child))
        return found

    async def _walk(
        self, folders: ChildrenMixin, container_id: int, include: Sequence[str] | None
    ) -> AsyncIterator[TreeEntry]:
        queue: deque[tuple[ChildrenMixin, int, tuple[str, ...]]] = deque([(self, container_id, ())])
        seen: set[int] = set()
        while queue:
            owner, ident, path = queue.popleft()
            async for child in owner._children(ident, None, include, None):
                yield TreeEntry(child=child, path=path)
                if isinstance(child, ChildFolder) and child.id is not None:
                    if child.id in seen:
                        raise PagingError(f"folder {child.id} appears twice in the tree")
                    seen.add(child.id)
                    if len(seen) > MAX_TREE_FOLDERS:
                        raise PagingError(f"more than {MAX_TREE_FOLDERS} folders in one tree")
                    queue.append((folders, child.id, (*path, child.name or "")))
