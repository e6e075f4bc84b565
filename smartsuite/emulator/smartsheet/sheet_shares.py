"""Emulated sheet shares (``/sheets/{id}/shares``): the share routes every object kind uses
(:mod:`.object_shares`), with each write bumping the sheet's version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from .object_shares import register_shares
from .state import SheetState

if TYPE_CHECKING:
    from .service import SmartsheetService


def _touch(sheet: SheetState) -> int:
    sheet.touch()
    return sheet.version


def register(service: SmartsheetService, app: web.Application) -> None:
    register_shares(service, app, "/sheets/{object_id}/shares", service.state.sheet, _touch)
