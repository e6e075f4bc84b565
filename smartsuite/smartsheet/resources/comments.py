"""``ss.comments``: add, read, edit and delete comments in discussions."""

from __future__ import annotations

from ..._core.errors import ConfigurationError
from ..._core.upload import FileInput
from .._resource import operation
from ..models.common import Result
from ..models.discussions import Comment
from ._uploads import UploadingResource


class Comments(UploadingResource):
    @operation("comments-create", "POST", "/sheets/{sheetId}/discussions/{discussionId}/comments")
    async def create(
        self,
        sheet_id: int,
        discussion_id: int,
        text: str,
        *,
        file: FileInput | None = None,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> Comment:
        """Add a comment to a discussion (``comments-create``).

        Args:
            sheet_id / discussion_id: where.
            text: the comment.
            file: a file to attach; sends one multipart request (a ``comment`` JSON part and
                a ``file`` part).
            filename / content_type: the file's name and MIME type when not inferable.

        Raises:
            LimitExceededError: the file is over 30 MB (nothing is sent).
            NotFoundError: no such discussion.
        """
        if not text:
            raise ConfigurationError("a comment needs text")
        values, body = (sheet_id, discussion_id), {"text": text}
        return await self._post_with_file(
            values, "comment", body, Comment, file, filename, content_type
        )

    @operation("comment-get", "GET", "/sheets/{sheetId}/comments/{commentId}")
    async def get(self, sheet_id: int, comment_id: int) -> Comment:
        """One comment with its attachments (``comment-get``)."""
        return await self._object(sheet_id, comment_id, cast_to=Comment)

    @operation("comment-edit", "PUT", "/sheets/{sheetId}/comments/{commentId}")
    async def update(self, sheet_id: int, comment_id: int, text: str) -> Comment:
        """Change a comment's text (``comment-edit``); only its author may.

        Raises:
            PermissionDeniedError: the comment is someone else's (1081).
        """
        if not text:
            raise ConfigurationError("a comment needs text")
        body = {"text": text}
        return (await self._result(sheet_id, comment_id, cast_to=Comment, json=body)).result

    @operation("comment-delete", "DELETE", "/sheets/{sheetId}/comments/{commentId}")
    async def delete(self, sheet_id: int, comment_id: int) -> Result:
        """Delete a comment and its attachments (``comment-delete``)."""
        return await self._result(sheet_id, comment_id)
