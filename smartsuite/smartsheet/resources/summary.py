"""``ss.summary``: sheet summary fields (get, list, add, update, delete, add an image)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.ids import idents
from ..._core.paging import AsyncPaginator
from .._resource import UPLOAD_COST, SmartsheetResource, operation
from ..models.common import Result
from ..models.summary import SheetSummary, SummaryField
from .cells import ImageInput, image_upload

FieldInput = SummaryField | dict[str, Any]


class Summary(SmartsheetResource):
    @operation("list-summary-fields", "GET", "/sheets/{sheetId}/summary")
    async def get(
        self,
        sheet_id: int,
        *,
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
    ) -> SheetSummary:
        """Every summary field of a sheet (``GET /sheets/{sheetId}/summary``).

        Args:
            include: ``format``, ``writerInfo``.
            exclude: ``displayValue``, ``image``, ``imageAltText``.
        """
        params = {"include": include, "exclude": exclude}
        return await self._object(sheet_id, cast_to=SheetSummary, params=params)

    @operation("list-summary-fields-paginated", "GET", "/sheets/{sheetId}/summary/fields")
    def list(
        self,
        sheet_id: int,
        *,
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[SummaryField]:
        """Walk a sheet's summary fields page by page (``GET /sheets/{sheetId}/summary/fields``)."""
        params = {"include": include, "exclude": exclude}
        return self._index(sheet_id, cast_to=SummaryField, params=params, page_size=page_size)

    @operation("add-summary-fields", "POST", "/sheets/{sheetId}/summary/fields")
    async def add(
        self,
        sheet_id: int,
        fields: FieldInput | Iterable[FieldInput],
        *,
        rename_if_conflict: bool | None = None,
    ) -> builtins.list[SummaryField]:
        """Add summary fields (``POST /sheets/{sheetId}/summary/fields``).

        Args:
            fields: fields with at least a ``title`` (and a ``type``, default TEXT_NUMBER).
            rename_if_conflict: rename a field whose title is taken instead of failing.

        Returns:
            The added fields, with their ids.
        """
        return await self._send(sheet_id, fields, "title", rename_if_conflict)

    @operation("update-summary-fields", "PUT", "/sheets/{sheetId}/summary/fields")
    async def update(
        self,
        sheet_id: int,
        fields: FieldInput | Iterable[FieldInput],
        *,
        rename_if_conflict: bool | None = None,
    ) -> builtins.list[SummaryField]:
        """Update summary fields by id (``PUT /sheets/{sheetId}/summary/fields``).

        Returns:
            The updated fields.
        """
        return await self._send(sheet_id, fields, "id", rename_if_conflict)

    @operation("delete-summary-fields", "DELETE", "/sheets/{sheetId}/summary/fields")
    async def delete(
        self,
        sheet_id: int,
        field_ids: Iterable[int],
        *,
        ignore_summary_fields_not_found: bool | None = None,
    ) -> builtins.list[int]:
        """Delete summary fields by id (``DELETE /sheets/{sheetId}/summary/fields?ids=``).

        Returns:
            The ids deleted.
        """
        ids = idents(field_ids, "field_ids")
        if not ids:
            raise ConfigurationError("no summary field ids given")
        params = {"ids": ids, "ignoreSummaryFieldsNotFound": ignore_summary_fields_not_found}
        return (await self._result_list(sheet_id, cast_to=int, params=params)).result

    @operation(
        "add-image-summaryField",
        "POST",
        "/sheets/{sheetId}/summary/fields/{fieldId}/images",
        cost=UPLOAD_COST,
    )
    async def add_image(
        self,
        sheet_id: int,
        field_id: int,
        image: ImageInput,
        *,
        filename: str | None = None,
        alt_text: str | None = None,
        override_validation: bool | None = None,
    ) -> Result:
        """Put an image in a summary field
        (``POST /sheets/{sheetId}/summary/fields/{fieldId}/images``).

        Returns:
            The Result envelope; its ``result`` is the updated field (decode with
            :class:`SummaryField` if needed).
        """
        send = image_upload(image, filename, alt_text, override_validation)
        return await self._result(sheet_id, field_id, **send)

    async def _send(
        self,
        sheet_id: int,
        fields: FieldInput | Iterable[FieldInput],
        need: str,
        rename_if_conflict: bool | None,
    ) -> builtins.list[SummaryField]:
        items = [fields] if isinstance(fields, SummaryField | dict) else [*fields]
        if not items:
            raise ConfigurationError("no summary fields given")
        body = []
        for i, item in enumerate(items):
            wire = dict(item) if isinstance(item, dict) else self._encode(item)
            if wire.get(need) is None:
                raise ConfigurationError(f"summary field {i} needs {need}")
            body.append(wire)
        params = {"renameIfConflict": rename_if_conflict}
        result = await self._result_list(sheet_id, cast_to=SummaryField, json=body, params=params)
        return result.result
