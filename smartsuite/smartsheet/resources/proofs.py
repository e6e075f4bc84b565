"""``ss.proofs``: proofs on rows, their versions, reviewers' requests, discussions and files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from ..._core.upload import FileInput
from .._resource import UPLOAD_COST, operation
from ..models.attachments import Attachment
from ..models.common import Result
from ..models.discussions import Discussion
from ..models.proofs import Proof, ProofRequest, ProofRequestAction
from ..models.recipients import Recipient
from ._uploads import UploadingResource, as_upload


class Proofs(UploadingResource):
    @operation("proofs-getAllProofs", "GET", "/sheets/{sheetId}/proofs")
    def list(self, sheet_id: int, *, page_size: int | None = None) -> AsyncPaginator[Proof]:
        """Every proof of a sheet (``proofs-getAllProofs``)."""
        return self._index(sheet_id, cast_to=Proof, page_size=page_size)

    @operation("proofs-get", "GET", "/sheets/{sheetId}/proofs/{proofId}")
    async def get(
        self, sheet_id: int, proof_id: int, *, include: Sequence[str] | None = None
    ) -> Proof:
        """One proof (``proofs-get``); ``include`` may ask for ``attachments``,
        ``discussions``."""
        return await self._object(sheet_id, proof_id, cast_to=Proof, params={"include": include})

    @operation("proofs-create", "POST", "/sheets/{sheetId}/rows/{rowId}/proofs", cost=UPLOAD_COST)
    async def create(
        self,
        sheet_id: int,
        row_id: int,
        source: FileInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> Proof:
        """Create a proof on a row from a file (``proofs-create``).

        Raises:
            LimitExceededError: the file is over 30 MB (nothing is sent).
        """
        file = as_upload(source, filename, content_type)
        return await self._upload((sheet_id, row_id), file, Proof)

    @operation("proofs-update", "PUT", "/sheets/{sheetId}/proofs/{proofId}")
    async def update(self, sheet_id: int, proof_id: int, *, is_completed: bool) -> Proof:
        """Mark a proof complete or not (``proofs-update``)."""
        body = {"isCompleted": bool(is_completed)}
        return await self._object(sheet_id, proof_id, cast_to=Proof, json=body)

    @operation("proofs-delete", "DELETE", "/sheets/{sheetId}/proofs/{proofId}")
    async def delete(self, sheet_id: int, proof_id: int) -> Result:
        """Delete a proof with all its versions (``proofs-delete``)."""
        return await self._result(sheet_id, proof_id)

    @operation("proofs-listAttachments", "GET", "/sheets/{sheetId}/proofs/{proofId}/attachments")
    def list_attachments(
        self, sheet_id: int, proof_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[Attachment]:
        """The files of a proof (``proofs-listAttachments``)."""
        return self._index(sheet_id, proof_id, cast_to=Attachment, page_size=page_size)

    @operation(
        "proofs-attachToProof",
        "POST",
        "/sheets/{sheetId}/proofs/{proofId}/attachments",
        cost=UPLOAD_COST,
    )
    async def attach_file(
        self,
        sheet_id: int,
        proof_id: int,
        source: FileInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> Attachment:
        """Add a file to the current version of a proof (``proofs-attachToProof``).

        Raises:
            LimitExceededError: the file is over 30 MB (nothing is sent).
            BadRequestError: the proof is complete or not the current version (1306).
        """
        file = as_upload(source, filename, content_type)
        return await self._upload((sheet_id, proof_id), file, Attachment)

    @operation("proofs-listDiscussions", "GET", "/sheets/{sheetId}/proofs/{proofId}/discussions")
    def list_discussions(
        self,
        sheet_id: int,
        proof_id: int,
        *,
        include: Sequence[str] | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Discussion]:
        """The discussions on a proof (``proofs-listDiscussions``)."""
        return self._index(
            sheet_id, proof_id, cast_to=Discussion, params={"include": include}, page_size=page_size
        )

    @operation("proofs-createDiscussion", "POST", "/sheets/{sheetId}/proofs/{proofId}/discussions")
    async def create_discussion(
        self,
        sheet_id: int,
        proof_id: int,
        text: str,
        *,
        title: str | None = None,
        file: FileInput | None = None,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> Discussion:
        """Start a discussion on a proof (``proofs-createDiscussion``), optionally with a
        file (one multipart request)."""
        values = (sheet_id, proof_id)
        return await self._start_discussion(values, text, title, file, filename, content_type)

    @operation(
        "proofs-listRequestActions", "GET", "/sheets/{sheetId}/proofs/{proofId}/requestactions"
    )
    def list_request_actions(
        self, sheet_id: int, proof_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[ProofRequestAction]:
        """Reviewers' decisions on a proof (``proofs-listRequestActions``)."""
        return self._index(sheet_id, proof_id, cast_to=ProofRequestAction, page_size=page_size)

    @operation("proofs-createProofRequests", "POST", "/sheets/{sheetId}/proofs/{proofId}/requests")
    async def create_requests(
        self,
        sheet_id: int,
        proof_id: int,
        send_to: Iterable[Recipient | str],
        *,
        subject: str | None = None,
        message: str | None = None,
        cc_me: bool | None = None,
        is_downloadable: bool | None = None,
    ) -> ProofRequest:
        """Ask people to review a proof (``proofs-createProofRequests``).

        Args:
            send_to: :class:`Recipient` objects or plain email addresses.

        Raises:
            ConfigurationError: no recipients.
        """
        recipients = [{"email": r} if isinstance(r, str) else self._encode(r) for r in send_to]
        if not recipients:
            raise ConfigurationError("a proof request needs at least one recipient")
        body: dict[str, Any] = {
            "sendTo": recipients,
            "subject": subject,
            "message": message,
            "ccMe": cc_me,
            "isDownloadable": is_downloadable,
        }
        body = {k: v for k, v in body.items() if v is not None}
        return (await self._result(sheet_id, proof_id, cast_to=ProofRequest, json=body)).result

    @operation(
        "proofs-deleteProofRequests", "DELETE", "/sheets/{sheetId}/proofs/{proofId}/requests"
    )
    async def delete_requests(self, sheet_id: int, proof_id: int) -> Result:
        """Withdraw every pending review request of a proof (``proofs-deleteProofRequests``)."""
        return await self._result(sheet_id, proof_id)

    @operation("proofs-getVersions", "GET", "/sheets/{sheetId}/proofs/{proofId}/versions")
    def list_versions(
        self, sheet_id: int, proof_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[Proof]:
        """Every version of a proof, newest first (``proofs-getVersions``)."""
        return self._index(sheet_id, proof_id, cast_to=Proof, page_size=page_size)

    @operation(
        "proofs-createVersion",
        "POST",
        "/sheets/{sheetId}/proofs/{proofId}/versions",
        cost=UPLOAD_COST,
    )
    async def create_version(
        self,
        sheet_id: int,
        proof_id: int,
        source: FileInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> Proof:
        """Upload a new version of a proof (``proofs-createVersion``).

        Raises:
            LimitExceededError: the file is over 30 MB (nothing is sent).
        """
        file = as_upload(source, filename, content_type)
        return await self._upload((sheet_id, proof_id), file, Proof)

    @operation("proofs-deleteVersion", "DELETE", "/sheets/{sheetId}/proofs/{proofId}/versions")
    async def delete_version(self, sheet_id: int, proof_id: int) -> Result:
        """Delete the proof version ``proof_id`` (``proofs-deleteVersion``)."""
        return await self._result(sheet_id, proof_id)
