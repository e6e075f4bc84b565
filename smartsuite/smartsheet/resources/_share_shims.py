"""What the per-object share methods of ``ss.sharing`` share: each forwards to ``ss.shares``
(``/shares?assetType=&assetId=``) and warns, because the ``/{kind}/{id}/shares`` endpoints were
removed from the API on 2026-06-03 (Python SDK 4.0.0, JavaScript SDK 5.0.0, C# SDK 7.0.0
changelogs). None of them calls a removed path."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import Any

from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource
from ..models.common import Result
from ..models.shares import AssetShare
from ..models.sharing import Share
from .shares import Shares

#: The day the per-object share endpoints stopped answering.
SUNSET = "2026-06-03"

ShareInput = Share | AssetShare | Mapping[str, Any]


def warn_removed(old: str, replacement: str) -> None:
    """Tell the caller that ``old`` is gone from the API and what this call uses instead."""
    warnings.warn(
        f"{old} was removed from the Smartsheet API on {SUNSET}; "
        f"this method now calls {replacement} instead — use that directly",
        DeprecationWarning,
        stacklevel=4,
    )


class ShareShims(SmartsheetResource):
    @property
    def _shares(self) -> Shares:
        return Shares(self._client)

    def _shim_list(
        self,
        kind: str,
        asset_id: int,
        old: str,
        sharing_include: str | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[AssetShare]:
        warn_removed(old, f"ss.shares.list({kind!r}, id)")
        return self._shares.list(
            kind, asset_id, sharing_include=sharing_include, page_size=page_size
        )

    async def _shim_share(
        self,
        kind: str,
        asset_id: int,
        old: str,
        shares: ShareInput | Iterable[ShareInput],
        send_email: bool | None,
    ) -> list[AssetShare]:
        warn_removed(old, f"ss.shares.share({kind!r}, id, ...)")
        items = [shares] if isinstance(shares, Share | AssetShare | Mapping) else list(shares)
        specs = [self._encode(i) if isinstance(i, Share) else i for i in items]
        return await self._shares.share(kind, asset_id, specs, send_email=send_email)

    async def _shim_get(self, kind: str, asset_id: int, old: str, share_id: str) -> AssetShare:
        warn_removed(old, f"ss.shares.get({kind!r}, id, share_id)")
        return await self._shares.get(kind, asset_id, share_id)

    async def _shim_update(
        self, kind: str, asset_id: int, old: str, share_id: str, access_level: str
    ) -> AssetShare:
        warn_removed(old, f"ss.shares.update({kind!r}, id, share_id, level) (PATCH /shares)")
        return await self._shares.update(kind, asset_id, share_id, access_level)

    async def _shim_delete(self, kind: str, asset_id: int, old: str, share_id: str) -> Result:
        warn_removed(old, f"ss.shares.delete({kind!r}, id, share_id)")
        return await self._shares.delete(kind, asset_id, share_id)
