"""Emulated Resource Management by Smartsheet (10,000ft) API v1."""

from .service import ResourceManagementService

__all__ = ["ResourceManagementService"]
