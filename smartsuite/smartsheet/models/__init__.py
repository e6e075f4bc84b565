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
from .dashboards import Dashboard, DashboardPublish, Widget, WidgetType
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
from .reports import Report, ReportCell, ReportColumn, ReportPublish, ReportRow, SourceSheet
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
from .tokens import OAuthScope, OAuthToken
from .update_requests import Schedule, SentUpdateRequest, UpdateRequest
from .webhooks import Callback, CallbackEvent, Subscope, Webhook, WebhookStats, WebhookStatus

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
    "Callback",
    "CallbackEvent",
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
    "Dashboard",
    "DashboardPublish",
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
    "OAuthScope",
    "OAuthToken",
    "ProfileImage",
    "Proof",
    "ProofRequest",
    "ProofRequestAction",
    "Recipient",
    "Report",
    "ReportCell",
    "ReportColumn",
    "ReportPublish",
    "ReportRow",
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
    "SourceSheet",
    "Subscope",
    "SummaryField",
    "Template",
    "UpdateRequest",
    "UrlAttachment",
    "User",
    "UserStatus",
    "Webhook",
    "WebhookStats",
    "WebhookStatus",
    "Widget",
    "WidgetType",
    "Workspace",
]
