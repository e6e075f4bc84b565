"""Typed Smartsheet models (attrs). Wire names live in the converter, not here."""

from .common import BulkItemFailure, ErrorBody, Result
from .sheets import Cell, Column, Row, Sheet

__all__ = ["BulkItemFailure", "Cell", "Column", "ErrorBody", "Result", "Row", "Sheet"]
