"""``ss.attachments``: upload files (simple or multipart), attach links, list, version,
delete and stream downloads."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import IO

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.upload import FileInput
from .._resource import UPLOAD_COST, operation
from ..models.attachments import Attachment, UrlAttachment
from ..models.common import Result
from ._uploads import DOWNLOAD_CHUNK, PathValues, UploadingResource, as_upload, save_stream

AttachInput = FileInput | UrlAttachment


class Attachments(UploadingResource):
    async def _attach(
        self,
        values: PathValues,
        source: AttachInput,
        filename: str | None,
        content_type: str | None,
        multipart: bool,
    ) -> Attachment:
        if isinstance(source, UrlAttachment):
            if not source.url:
                raise ConfigurationError("a UrlAttachment needs a url")
            result = await self._result(*values, cast_to=Attachment, json=self._encode(source))
            return result.result
        file = as_upload(source, filename, content_type)
        return await self._upload(values, file, Attachment, multipart=multipart)

    @operation(
        "attachments-attachToSheet", "POST", "/sheets/{sheetId}/attachments", cost=UPLOAD_COST
    )
    async def attach_to_sheet(
        self,
        sheet_id: int,
        source: AttachInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        multipart: bool = False,
    ) -> Attachment:
        """Attach a file or a link to a sheet (``attachments-attachToSheet``).

        Args:
            sheet_id: the sheet.
            source: the file (bytes, a path, or a binary file object) or a
                :class:`UrlAttachment` for a link (LINK, GOOGLE_DRIVE, BOX_COM ...).
            filename: the stored name (defaults to the path's or file object's name).
            content_type: the MIME type (guessed from the name when omitted).
            multipart: send the file as multipart/form-data instead of a simple upload.

        Returns:
            The new :class:`Attachment`.

        Raises:
            LimitExceededError: the file is over 30 MB (nothing is sent).
            ConfigurationError: the file cannot be read or has no name.
        """
        return await self._attach((sheet_id,), source, filename, content_type, multipart)

    @operation(
        "row-attachments-attachFile",
        "POST",
        "/sheets/{sheetId}/rows/{rowId}/attachments",
        cost=UPLOAD_COST,
    )
    async def attach_to_row(
        self,
        sheet_id: int,
        row_id: int,
        source: AttachInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        multipart: bool = False,
    ) -> Attachment:
        """Attach a file or a link to a row (``row-attachments-attachFile``).

        Arguments and errors as :meth:`attach_to_sheet`.
        """
        return await self._attach((sheet_id, row_id), source, filename, content_type, multipart)

    @operation(
        "attachments-attachToComment",
        "POST",
        "/sheets/{sheetId}/comments/{commentId}/attachments",
        cost=UPLOAD_COST,
    )
    async def attach_to_comment(
        self,
        sheet_id: int,
        comment_id: int,
        source: AttachInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        multipart: bool = False,
    ) -> Attachment:
        """Attach a file or a link to a comment (``attachments-attachToComment``).

        Arguments and errors as :meth:`attach_to_sheet`.
        """
        values = (sheet_id, comment_id)
        return await self._attach(values, source, filename, content_type, multipart)

    @operation(
        "attachments-versionUpload",
        "POST",
        "/sheets/{sheetId}/attachments/{attachmentId}/versions",
        cost=UPLOAD_COST,
    )
    async def upload_version(
        self,
        sheet_id: int,
        attachment_id: int,
        source: FileInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        multipart: bool = False,
    ) -> Attachment:
        """Upload a new version of a file attachment (``attachments-versionUpload``).

        Returns:
            The new version; its id differs from the previous version's.

        Raises:
            LimitExceededError: the file is over 30 MB (nothing is sent).
            BadRequestError: the attachment is a link (1101) or on a comment (1100).
        """
        file = as_upload(source, filename, content_type)
        return await self._upload((sheet_id, attachment_id), file, Attachment, multipart=multipart)

    @operation("attachments-listOnSheet", "GET", "/sheets/{sheetId}/attachments")
    def list(self, sheet_id: int, *, page_size: int | None = None) -> AsyncPaginator[Attachment]:
        """Every attachment of a sheet, its rows and its comments
        (``attachments-listOnSheet``)."""
        return self._index(sheet_id, cast_to=Attachment, page_size=page_size)

    @operation("attachments-listOnRow", "GET", "/sheets/{sheetId}/rows/{rowId}/attachments")
    def list_on_row(
        self, sheet_id: int, row_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[Attachment]:
        """The attachments of a row and of its comments (``attachments-listOnRow``)."""
        return self._index(sheet_id, row_id, cast_to=Attachment, page_size=page_size)

    @operation(
        "discussion-listAttachments",
        "GET",
        "/sheets/{sheetId}/discussions/{discussionId}/attachments",
    )
    def list_on_discussion(
        self, sheet_id: int, discussion_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[Attachment]:
        """The attachments of a discussion's comments (``discussion-listAttachments``)."""
        return self._index(sheet_id, discussion_id, cast_to=Attachment, page_size=page_size)

    @operation("attachments-get", "GET", "/sheets/{sheetId}/attachments/{attachmentId}")
    async def get(self, sheet_id: int, attachment_id: int) -> Attachment:
        """One attachment, with a temporary download ``url`` for files (``attachments-get``).

        Raises:
            NotFoundError: no such attachment (1006).
        """
        return await self._object(sheet_id, attachment_id, cast_to=Attachment)

    @operation("attachments-delete", "DELETE", "/sheets/{sheetId}/attachments/{attachmentId}")
    async def delete(self, sheet_id: int, attachment_id: int) -> Result:
        """Delete one attachment version (``attachments-delete``)."""
        return await self._result(sheet_id, attachment_id)

    @operation(
        "attachments-versionList", "GET", "/sheets/{sheetId}/attachments/{attachmentId}/versions"
    )
    def list_versions(
        self, sheet_id: int, attachment_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[Attachment]:
        """Every version of an attachment, newest first (``attachments-versionList``)."""
        return self._index(sheet_id, attachment_id, cast_to=Attachment, page_size=page_size)

    @operation(
        "attachments-versionsDelete",
        "DELETE",
        "/sheets/{sheetId}/attachments/{attachmentId}/versions",
    )
    async def delete_all_versions(self, sheet_id: int, attachment_id: int) -> Result:
        """Delete an attachment with all its versions (``attachments-versionsDelete``)."""
        return await self._result(sheet_id, attachment_id)

    async def _download_url(self, sheet_id: int, attachment_id: int) -> str:
        attachment = await self.get(sheet_id, attachment_id)
        if attachment.attachment_type not in (None, "FILE") or not attachment.url:
            raise ConfigurationError(
                f"attachment {attachment_id} is a {attachment.attachment_type} link, "
                "not a file: there is nothing to download"
            )
        return attachment.url

    async def stream(
        self, sheet_id: int, attachment_id: int, *, chunk_size: int = DOWNLOAD_CHUNK
    ) -> AsyncIterator[bytes]:
        """Yield a file attachment's content in chunks, never holding the whole file.

        Fetches a fresh temporary URL (``attachments-get``), then reads it without sending
        the access token::

            async for chunk in ss.attachments.stream(sheet_id, attachment_id):
                digest.update(chunk)

        Raises:
            ConfigurationError: the attachment is a link, not a file.
            APIError: the download link was refused (expired, for example).
        """
        url = await self._download_url(sheet_id, attachment_id)
        async for chunk in self._stream_url(url, chunk_size):
            yield chunk

    async def download(
        self, sheet_id: int, attachment_id: int, dest: str | os.PathLike[str] | IO[bytes]
    ) -> int:
        """Save a file attachment to a path or a binary file object, streaming it.

        A path is written as ``<name>.part`` and renamed when complete.

        Returns:
            The number of bytes written.
        """
        url = await self._download_url(sheet_id, attachment_id)
        return await save_stream(self._transport.stream(url, chunk_size=DOWNLOAD_CHUNK), dest)
