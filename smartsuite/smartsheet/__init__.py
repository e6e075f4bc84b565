"""The Smartsheet API 2.0 client."""

from .client import REGIONS, SmartsheetClient
from .models import BulkItemFailure, Cell, Column, ErrorBody, Result, Row, Sheet

__all__ = [
    "REGIONS",
    "BulkItemFailure",
    "Cell",
    "Column",
    "ErrorBody",
    "Result",
    "Row",
    "Sheet",
    "SmartsheetClient",
]
