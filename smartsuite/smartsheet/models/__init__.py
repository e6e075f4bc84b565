"""Typed Smartsheet models (attrs). Wire names live in the converter, not here."""

from .attachments import Attachment, AttachmentSubType, AttachmentType, UrlAttachment
from .automation import AutomationAction, AutomationActionType, AutomationRule
from .cells import CellHistory, Image, ImageUrl, ImageUrlMap
from .common import BulkItemFailure, ErrorBody, Result
from .discussions import Comment, Discussion
from .proofs import Proof, ProofRequest, ProofRequestAction
from .recipients import MiniUser
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
from .update_requests import Schedule, SentUpdateRequest, UpdateRequest

__all__ = [
    "AccessLevel",
    "Attachment",
    "AttachmentSubType",
    "AttachmentType",
    "AutomationAction",
    "AutomationActionType",
    "AutomationRule",
    "BulkItemFailure",
    "Cell",
    "CellHistory",
    "Column",
    "ColumnIndex",
    "Comment",
    "ContainerDestination",
    "CopyOrMoveRowResult",
    "CrossSheetReference",
    "Discussion",
    "ErrorBody",
    "Image",
    "ImageUrl",
    "ImageUrlMap",
    "MiniUser",
    "Proof",
    "ProofRequest",
    "ProofRequestAction",
    "Recipient",
    "Result",
    "Row",
    "RowMapping",
    "Schedule",
    "SentUpdateRequest",
    "Share",
    "Sheet",
    "SheetPublish",
    "SheetSummary",
    "SheetVersion",
    "SortCriterion",
    "SummaryField",
    "UpdateRequest",
    "UrlAttachment",
]
