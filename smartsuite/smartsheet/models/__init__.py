"""Typed Smartsheet models (attrs). Wire names live in the converter, not here."""

from .cells import CellHistory, Image, ImageUrl, ImageUrlMap
from .common import BulkItemFailure, ErrorBody, Result
from .sharing import AccessLevel, Share
from .sheet_extras import (
    ContainerDestination,
    CopyOrMoveRowResult,
    CrossSheetReference,
    Recipient,
    RowMapping,
    SheetPublish,
    SheetVersion,
    SortCriterion,
)
from .sheets import Cell, Column, ColumnIndex, Row, Sheet
from .summary import SheetSummary, SummaryField

__all__ = [
    "AccessLevel",
    "BulkItemFailure",
    "Cell",
    "CellHistory",
    "Column",
    "ColumnIndex",
    "ContainerDestination",
    "CopyOrMoveRowResult",
    "CrossSheetReference",
    "ErrorBody",
    "Image",
    "ImageUrl",
    "ImageUrlMap",
    "Recipient",
    "Result",
    "Row",
    "RowMapping",
    "Share",
    "Sheet",
    "SheetPublish",
    "SheetSummary",
    "SheetVersion",
    "SortCriterion",
    "SummaryField",
]
