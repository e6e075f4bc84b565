"""Typed Smartsheet models (attrs). Wire names live in the converter, not here.

How to write a model (the same for Resource Management models):

- Subclass :class:`~smartsuite._core.model.Model` and decorate ``@attrs.define(on_setattr=track)``
  (``track`` records assignments on decoded objects and type-checks every assignment).
- Give every field the default ``unset`` (typed ``Any``; it is ``UNSET``): not given means not
  sent. Declare what the API always returns without ``| None`` (``id: int = unset``, a list
  the API always sends as ``list[X]``: decoded missing, it is ``[]``); everything else
  ``X | None``. Never default to ``None``: that would send ``null``.
- Name the identity that every update of a decoded object carries in ``identity_fields``
  (``("id",)`` by default; a cell's is ``("column_id",)``); other wire spellings of a field in
  ``wire_aliases`` (``{"permalink": ("permaLink",)}``).
- Types follow the docs per field: ``dt.date`` only for plain dates (a timestamp is kept, not
  truncated), ``dt.datetime`` for timestamps, ``float`` for numbers (a JSON integer is read as a
  float), ``str`` for enums (open: unknown values stay), ``int | str`` where the API sends both.
- No validators, converters or factories on the fields of hot models (Row, Cell): the generated
  decoders refuse them. Methods must tolerate a field holding a value kept as sent (see
  ``decode_issues``).
"""

from ..._core.model import UNSET, DecodeIssue, ModelTypeError, unset
from ..._core.serde import strict_decoding
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
from .shares import AccessLevel, AssetShare, AssetType, Share
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
    "UNSET",
    "AccessLevel",
    "Account",
    "AlternateEmail",
    "AssetShare",
    "AssetType",
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
    "DecodeIssue",
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
    "ModelTypeError",
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
    "strict_decoding",
    "unset",
]
