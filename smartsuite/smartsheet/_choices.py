"""The documented values of enum-like query parameters, checked before a request is sent.

``include``, ``exclude``, ``level`` and a few others take a fixed set of values per operation.
The server ignores a value it does not know, so ``include=["objectvalue"]`` (wrong case) would
silently return less than asked. We refuse it locally with a :class:`ConfigurationError` that
lists what the operation accepts.

The values come from the Smartsheet OpenAPI description (2024) and the API reference: each
operation's ``include`` / ``exclude`` / ``skipRemap`` / ``sharingInclude`` / ``scopes`` /
``paperSize`` enums; ``level`` is the highest level per endpoint category ("Working with
complex objects": sheets 2, reports 3, dashboards 4), and ``list-search`` / ``list-users``
``include`` values from their parameter descriptions.

Escape hatch: wrap a value the docs add later in :class:`Raw` (``include=[Raw("newThing")]``,
``level=Raw("5")``) and it is sent as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.errors import ConfigurationError
from .._core.operations import current_operation


class Raw(str):
    """A query value sent exactly as given, past the local check of documented values."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Raw({str.__repr__(self)})"


Allowed = frozenset[str] | range

_COPY = frozenset(
    {"attachments", "cellLinks", "data", "discussions", "filters", "forms", "ruleRecipients"}
    | {"rules"}
)
_COPY_SHARES = _COPY | {"shares"}
_COPY_WORKSPACE = _COPY_SHARES | {"all", "brand"}
_SKIP_REMAP = frozenset({"cellLinks", "reports", "sheetHyperlinks", "sights"})
_CONTAINER = frozenset({"source", "distributionLink", "ownerInfo", "sheetVersion", "permalinks"})
_ROW_EXCLUDE = frozenset(
    {"filteredOutRows", "linkInFromCellDetails", "linksOutToCellsDetails", "nonexistentCells"}
)
_DISCUSSION = frozenset({"attachments", "comments"})
_SUMMARY: dict[str, Allowed] = {
    "include": frozenset({"format", "writerInfo"}),
    "exclude": frozenset({"displayValue", "image", "imageAltText"}),
}
_SHARING: dict[str, Allowed] = {"sharingInclude": frozenset({"ITEM", "WORKSPACE"})}
_SHEET_LEVEL = range(0, 3)  # 0 text, 1 multi-contact, 2 multi-picklist

#: operationId -> wire parameter name -> allowed values.
CHOICES: dict[str, dict[str, Allowed]] = {
    "getSheet": {
        "include": frozenset(
            {"attachments", "columnType", "crossSheetReferences", "discussions", "filters"}
            | {"filterDefinitions", "format", "ganttConfig", "objectValue", "ownerInfo"}
            | {"rowPermalink", "source", "writerInfo"}
        ),
        "exclude": _ROW_EXCLUDE,
        "level": _SHEET_LEVEL,
        "paperSize": frozenset({"LETTER", "LEGAL", "WIDE", "ARCHD", "A4", "A3", "A2", "A1", "A0"}),
    },
    "row-get": {
        # Get Row's own list (developers.smartsheet.com rows "Get row"; the OpenAPI file names
        # only columns and filters, but objectValue is how a predecessor list is read back).
        "include": frozenset(
            {"attachments", "columns", "columnType", "discussions", "filters", "format"}
            | {"objectValue", "rowPermalink", "rowWriterInfo", "writerInfo"}
        ),
        "exclude": _ROW_EXCLUDE,
        "level": _SHEET_LEVEL,
    },
    "column-get": {"level": _SHEET_LEVEL},
    "columns-listOnSheet": {"level": _SHEET_LEVEL},
    "cellHistory-get": {"include": frozenset({"columnType", "objectValue"}), "level": _SHEET_LEVEL},
    "getReport": {
        "include": frozenset(
            {"attachments", "discussions", "proofs", "format", "objectValue", "scope", "source"}
            | {"sourceSheets"}
        ),
        "exclude": frozenset({"linkInFromCellDetails", "linksOutToCellsDetails"}),
        "level": range(0, 4),
    },
    "get-sight": {"include": frozenset({"objectValue", "source"}), "level": range(0, 5)},
    "list-sheets": {"include": frozenset({"sheetVersion", "source"})},
    "list-home-contents": {"include": _CONTAINER},
    "copy-sheet": {"include": _COPY_SHARES, "exclude": frozenset({"sheetHyperlinks"})},
    "copy-folder": {
        "include": _COPY_SHARES,
        "exclude": frozenset({"sheetHyperlinks"}),
        "skipRemap": _SKIP_REMAP,
    },
    "create-folder-folder": {
        "include": _COPY_SHARES,
        "exclude": frozenset({"sheetHyperlinks"}),
        "skipRemap": _SKIP_REMAP,
    },
    "copy-workspace": {"include": _COPY_WORKSPACE, "skipRemap": _SKIP_REMAP},
    "create-workspace": {"include": _COPY_WORKSPACE, "skipRemap": _SKIP_REMAP},
    "create-sheet-in-folder": {"include": _COPY},
    "create-sheet-in-sheets-folder": {"include": _COPY},
    "create-sheet-in-workspace": {"include": _COPY},
    "copy-rows": {"include": frozenset({"all", "attachments", "children", "discussions"})},
    "move-rows": {"include": frozenset({"attachments", "discussions"})},
    "discussions-list": {"include": _DISCUSSION},
    "row-discussions-list": {"include": _DISCUSSION},
    "proofs-listDiscussions": {"include": _DISCUSSION},
    "proofs-get": {"include": frozenset({"attachments", "discussions"})},
    "get-contact": {"include": frozenset({"profileImage"})},
    "get-current-user": {"include": frozenset({"groups"})},
    "list-users": {"include": frozenset({"lastLogin"})},
    "get-favorites": {"include": frozenset({"directId", "name"})},
    "is-favorite": {"include": frozenset({"directId", "name"})},
    "list-search": {
        "include": frozenset({"favoriteFlag"}),
        "scopes": frozenset(
            {"attachments", "cellData", "comments", "folderNames", "reportNames", "sheetNames"}
            | {"sightNames", "summaryFields", "templateNames", "workspaceNames"}
        ),
    },
    "list-summary-fields": _SUMMARY,
    "list-summary-fields-paginated": _SUMMARY,
    # the 2026 /shares endpoint replaced the per-asset share lists
    "list-asset-shares": _SHARING,
}

#: Wire names shown as the Python keyword the caller used.
_PYTHON_NAME = {
    "skipRemap": "skip_remap",
    "sharingInclude": "sharing_include",
    "paperSize": "paper_size",
}


def check_choices(method: str, params: Mapping[str, Any] | None) -> None:
    """Refuse undocumented values of the running operation's enum-like parameters.

    Raises:
        ConfigurationError: naming the parameter, the bad values and every allowed value.
    """
    if not params:
        return
    spec = current_operation.get()
    if spec is None or spec.service != "smartsheet" or spec.method != method:
        return
    table = CHOICES.get(spec.operation_id)
    if table is None:
        return
    for name, allowed in table.items():
        value = params.get(name)
        if value is None:
            continue
        bad = _unknown(value, allowed)
        if bad:
            shown = ", ".join(repr(b) for b in bad)
            if isinstance(allowed, range):
                accepted = f"{allowed.start}..{allowed.stop - 1}"
            else:
                accepted = ", ".join(sorted(allowed))
            raise ConfigurationError(
                f"{_PYTHON_NAME.get(name, name)}={shown} is not documented for "
                f"{spec.operation_id}; allowed: {accepted} (wrap a newer value in "
                "smartsuite.smartsheet.Raw(...) to send it anyway)"
            )


def _unknown(value: Any, allowed: Allowed) -> list[Any]:
    if isinstance(value, Raw):
        return []
    if isinstance(allowed, range):
        if isinstance(value, bool) or not isinstance(value, int):
            try:
                value = int(str(value))
            except ValueError:
                return [value]
        return [] if value in allowed else [value]
    if isinstance(value, str):
        values: list[Any] = [v.strip() for v in value.split(",") if v.strip()]
    elif isinstance(value, list | tuple | set | frozenset):
        values = list(value)
    else:
        return [value]
    return [v for v in values if not isinstance(v, Raw) and v not in allowed]


__all__ = ["CHOICES", "Raw", "check_choices"]
