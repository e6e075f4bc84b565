"""``ss.contacts``: the user's Smartsheet contacts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.account import Contact
from ._params import when_param


class Contacts(SmartsheetResource):
    @operation("list-contacts", "GET", "/contacts")
    def list(
        self,
        *,
        modified_since: dt.datetime | str | None = None,
        numeric_dates: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Contact]:
        """The user's contacts (``GET /contacts``, ``list-contacts``)."""
        params = {"modifiedSince": when_param(modified_since), "numericDates": numeric_dates}
        return self._index(cast_to=Contact, params=params, page_size=page_size)

    @operation("get-contact", "GET", "/contacts/{contactId}")
    async def get(self, contact_id: str, *, include: Sequence[str] | None = None) -> Contact:
        """One contact (``GET /contacts/{contactId}``, ``get-contact``).

        Args:
            contact_id: the contact's id (an opaque string such as ``AAAAATYU54QAD7_fNhTnhA``).
            include: ``profileImage``.

        Raises:
            ConfigurationError: an empty id, ``.``, ``..`` or one containing ``/`` or ``?``.
            NotFoundError: no such contact.
        """
        text = str(contact_id)
        if not text or "/" in text or "?" in text:
            raise ConfigurationError(f"invalid contact id {contact_id!r}")
        return await self._object(contact_id, cast_to=Contact, params={"include": include})
