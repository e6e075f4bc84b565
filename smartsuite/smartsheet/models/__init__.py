"""Typed Smartsheet models (attrs). Wire names live in the converter, not here."""

from .account import (
    Account,
    AlternateEmail,
    Contact,
    Group,
    GroupMember,
    GroupRef,
    ProfileImage,
    User,
    UserStatus,
)
from .attachments import Attachment, AttachmentSubType, AttachmentType, UrlAttachment
from .automation import AutomationAction, AutomationActionType, AutomationRule
from .cells import CellHistory, Image, ImageUrl, ImageUrlMap
from .common import BulkItemFailure, ErrorBody, Result
from .containers import (
    DestinationType,
    Favorite,
    FavoriteType,
    Folder,
    Home,
    Template,
    Workspace,
)
from .discovery import (
    Currency,
    Event,
    FontFamily,
    FormatTables,
    SearchResult,
    SearchResultItem,
    ServerInfo,
)
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
    "Account",
    "AlternateEmail",
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
    "Contact",
    "ContainerDestination",
    "CopyOrMoveRowResult",
    "CrossSheetReference",
    "Currency",
    "DestinationType",
    "Discussion",
    "ErrorBody",
    "Event",
    "Favorite",
    "FavoriteType",
    "Folder",
    "FontFamily",
    "FormatTables",
    "Group",
    "GroupMember",
    "GroupRef",
    "Home",
    "Image",
    "ImageUrl",
    "ImageUrlMap",
    "MiniUser",
    "ProfileImage",
    "Proof",
    "ProofRequest",
    "ProofRequestAction",
    "Recipient",
    "Result",
    "Row",
    "RowMapping",
    "Schedule",
    "SearchResult",
    "SearchResultItem",
    "SentUpdateRequest",
    "ServerInfo",
    "Share",
    "Sheet",
    "SheetPublish",
    "SheetSummary",
    "SheetVersion",
    "SortCriterion",
    "SummaryField",
    "Template",
    "UpdateRequest",
    "UrlAttachment",
    "User",
    "UserStatus",
    "Workspace",
]
