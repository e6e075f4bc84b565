"""``ss.shares``: the asset-sharing API (``/shares?assetType=&assetId=``), one set of five
operations for every shareable kind; it replaced the per-object ``/{kind}/{id}/shares``
endpoints on 2026-06-03 (https://developers.smartsheet.com/api/smartsheet/openapi/sharing).
The deprecated per-object methods of ``ss.sharing`` forward here (:mod:`.sharing`)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.ids import ident, text_id
from ..._core.paging import AsyncPaginator
from ..._core.paths import segment
from ..._core.renames import renamed_arg
from .._choices import Raw, check_choices
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.shares import AssetShare, AssetType

ShareSpec = AssetShare | Mapping[str, Any]

_ASSET_TYPES = {t.value for t in AssetType}


def asset_params(asset_type: str, asset_id: int) -> dict[str, Any]:
    """The ``assetType``/``assetId`` pair every ``/shares`` call carries, checked."""
    kind = str(asset_type).lower()
    if kind not in _ASSET_TYPES:
        raise ConfigurationError(
            f"asset_type must be one of {sorted(_ASSET_TYPES)}, not {asset_type!r}"
        )
    return {"assetType": kind, "assetId": ident(asset_id, "asset_id")}


def _share_path(share_id: str) -> str:
    return f"/shares/{segment(text_id(share_id, 'share_id'), 'share_id')}"


class Shares(SmartsheetResource):
    @operation("list-asset-shares", "GET", "/shares")
    def list(
        self,
        asset_type: str,
        asset_id: int,
        *,
        sharing_include: str | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[AssetShare]:
        """Who an asset is shared with (``GET /shares``, ``list-asset-shares``), token-paged.

        Args:
            asset_type: ``sheet``, ``report``, ``sight``, ``workspace`` (also ``collection``,
                ``file``); see :class:`AssetType`.
            asset_id: the asset's id.
            sharing_include: ``ITEM`` or ``WORKSPACE`` (any case) to list only shares of that
                scope (sent as ``sharingInclude``, as the Python SDK 4.4.0 does).
            page_size: items per request (``maxItems``); ``max_items`` is its deprecated name.

        Returns:
            A paginator of :class:`AssetShare`; each page's ``next_cursor`` is its ``lastKey``.
        """
        params = asset_params(asset_type, asset_id)
        if sharing_include is not None:  # the API's values are upper case
            raw = isinstance(sharing_include, Raw)
            params["sharingInclude"] = sharing_include if raw else str(sharing_include).upper()
        check_choices("GET", params)  # at the call, not at the first page
        size = renamed_arg("page_size", page_size, "max_items", max_items)
        return self._token_pages(
            cast_to=AssetShare, params=params, page_size=size, items_key="items"
        )

    @operation("share-asset", "POST", "/shares")
    async def share(
        self,
        asset_type: str,
        asset_id: int,
        shares: ShareSpec | Iterable[ShareSpec],
        *,
        send_email: bool | None = None,
    ) -> builtins.list[AssetShare]:
        """Share an asset with users or groups (``POST /shares``, ``share-asset``).

        Not repeated after an ambiguous failure: a lost answer is reported as unknown.

        Args:
            shares: one share or several (:class:`AssetShare` or mappings in wire form); each
                needs ``accessLevel`` and one of ``email``, ``groupId`` or ``userId`` (optional
                ``subject``, ``message``, ``ccMe``).
            send_email: notify the recipients.

        Returns:
            The created shares.

        Raises:
            ConfigurationError: no shares, or a share without an access level or recipient.
        """
        params = {**asset_params(asset_type, asset_id), "sendEmail": send_email}
        items = [shares] if isinstance(shares, AssetShare | Mapping) else list(shares)
        if not items:
            raise ConfigurationError("no shares given")
        body = [self._body(i, item) for i, item in enumerate(items)]
        return (await self._result_list(cast_to=AssetShare, json=body, params=params)).result

    @operation("get-asset-share", "GET", "/shares/{shareId}")
    async def get(self, asset_type: str, asset_id: int, share_id: str) -> AssetShare:
        """One share of an asset (``GET /shares/{shareId}``, ``get-asset-share``).

        Raises:
            NotFoundError: no such asset or share.
        """
        return await self._one("GET", asset_type, asset_id, share_id)

    @operation("update-asset-share", "PATCH", "/shares/{shareId}", idempotent=True)
    async def update(
        self, asset_type: str, asset_id: int, share_id: str, access_level: str
    ) -> AssetShare:
        """Change a share's access level (``PATCH /shares/{shareId}``, ``update-asset-share``).

        Setting a given level twice changes nothing, so this is retried like a read. Returns
        the updated share (the API answers the share itself, not a Result envelope).
        """
        if not isinstance(access_level, str) or not access_level:
            raise ConfigurationError("access_level must be a non-empty string")
        body = {"accessLevel": access_level}
        return await self._one("PATCH", asset_type, asset_id, share_id, body)

    @operation("delete-asset-share", "DELETE", "/shares/{shareId}")
    async def delete(self, asset_type: str, asset_id: int, share_id: str) -> Result:
        """Stop sharing an asset with someone (``DELETE /shares/{shareId}``)."""
        params = asset_params(asset_type, asset_id)
        return await self._result(text_id(share_id, "share_id"), params=params)

    async def _one(
        self, method: str, asset_type: str, asset_id: int, share_id: str, body: Any = None
    ) -> AssetShare:
        # GET and PATCH answer the share itself (the Python SDK 4.4.0 expects an AssetShare);
        # a Result envelope around it is unwrapped too.
        params = asset_params(asset_type, asset_id)
        response = await self._request(method, _share_path(share_id), json=body, params=params)
        data = response.json()
        if isinstance(data, dict) and isinstance(data.get("result"), dict):
            data = data["result"]
        return self._decode(data, AssetShare)

    def _body(self, index: int, item: ShareSpec) -> dict[str, Any]:
        raw = self._encode(item) if isinstance(item, AssetShare) else dict(item)
        body = {k: v for k, v in raw.items() if v is not None}
        if not body.get("accessLevel"):
            raise ConfigurationError(f"share {index} has no accessLevel")
        if not any(body.get(k) is not None for k in ("email", "groupId", "userId")):
            raise ConfigurationError(f"share {index} needs an email or groupId")
        return body
