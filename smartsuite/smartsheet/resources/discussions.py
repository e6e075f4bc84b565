"""``ss.discussions``: threads of comments on sheets and rows."""

from __future__ import annotations

from collections.abc import Sequence

from ..._core.paging import AsyncPaginator
from ..._core.upload import FileInput
from .._resource import operation
from ..models.common import Result
from ..models.discussions import Discussion
from ._uploads import UploadingResource


class Discussions(UploadingResource):
    @operation("discussions-list", "GET", "/sheets/{sheetId}/discussions")
    def list(
        self,
        sheet_id: int,
        *,
        include: Sequence[str] | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Discussion]:
        """Every discussion on a sheet and its rows (``discussions-list``).

        Args:
            sheet_id: the sheet.
            include: ``comments`` and/or ``attachments`` to fill them in.
            page_size: page size for the walk.
        """
        return self._index(
            sheet_id, cast_to=Discussion, params={"include": include}, page_size=page_size
        )

    @operation("row-discussions-list", "GET", "/sheets/{sheetId}/rows/{rowId}/discussions")
    def list_on_row(
        self,
        sheet_id: int,
        row_id: int,
        *,
        include: Sequence[str] | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Discussion]:
        """The discussions on one row (``row-discussions-list``)."""
        return self._index(
            sheet_id, row_id, cast_to=Discussion, params={"include": include}, page_size=page_size
        )

    @operation("discussion-get", "GET", "/sheets/{sheetId}/discussions/{discussionId}")
    async def get(self, sheet_id: int, discussion_id: int) -> Discussion:
        """One discussion with its comments (``discussion-get``).

        Raises:
            NotFoundError: no such discussion (1006).
        """
        return await self._object(sheet_id, discussion_id, cast_to=Discussion)

    @operation("discussions-create", "POST", "/sheets/{sheetId}/discussions")
    async def create(
        self,
        sheet_id: int,
        text: str,
        *,
        title: str | None = None,
        file: FileInput | None = None,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> Discussion:
        """Start a discussion on a sheet (``discussions-create``).

        Args:
            sheet_id: the sheet.
            text: the first comment.
            title: the discussion title.
            file: a file to attach to the first comment; sends one multipart request.
            filename / content_type: the file's name and MIME type when not inferable.

        Raises:
            LimitExceededError: the file is over 30 MB (nothing is sent).
        """
        return await self._start_discussion((sheet_id,), text, title, file, filename, content_type)

    @operation("row-discussions-create", "POST", "/sheets/{sheetId}/rows/{rowId}/discussions")
    async def create_on_row(
        self,
        sheet_id: int,
        row_id: int,
        text: str,
        *,
        title: str | None = None,
        file: FileInput | None = None,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> Discussion:
        """Start a discussion on a row (``row-discussions-create``); arguments as
        :meth:`create`."""
        return await self._start_discussion(
            (sheet_id, row_id), text, title, file, filename, content_type
        )

    @operation("discussion-delete", "DELETE", "/sheets/{sheetId}/discussions/{discussionId}")
    async def delete(self, sheet_id: int, discussion_id: int) -> Result:
        """Delete a discussion with its comments and their attachments
        (``discussion-delete``)."""
        return await self._result(sheet_id, discussion_id)
