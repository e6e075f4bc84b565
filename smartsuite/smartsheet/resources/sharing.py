"""``ss.sharing``: the per-object share methods, kept for one release.

The ``/{sheets|reports|sights|workspaces}/{id}/shares`` endpoints were removed on 2026-06-03
(Python SDK 4.0.0, JavaScript SDK 5.0.0 and C# SDK 7.0.0 changelogs). Their 20 methods (four
kinds x five verbs) are a table: :func:`_removed` makes each from its verb's forward below. It
warns (``DeprecationWarning``, at the caller's line) and calls ``ss.shares`` with the object's
``assetType``; none calls a removed path. Type checkers see the forward's signature without
``kind`` (the object id positional); ``sheet_id=`` and the like still work at run time.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable, Iterable
from typing import Any, Concatenate, ParamSpec, TypeVar

from ..._core.ids import ident
from ..._core.operations import spec_of
from ..._core.paging import AsyncPaginator
from ..._core.renames import outside_caller_level
from .. import api_2026
from .._resource import SmartsheetResource
from ..models.common import Result
from ..models.shares import AssetShare
from .shares import Shares, ShareSpec

__all__ = ["ShareInput", "Sharing"]

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound=SmartsheetResource)
ShareInput = ShareSpec  # what the old methods took (``Share`` is now ``AssetShare``)
#: The operationId (in :mod:`..api_2026`) of each verb's old endpoint; update and delete
#: follow ``{verb}-{kind}-share``.
_GONE = {"list": "list-{}-shares", "share": "share-{}", "get": "share-{}-get"}


def _removed(
    kind: str, forward: Callable[Concatenate[S, str, P], R]
) -> Callable[Concatenate[S, P], R]:
    """The old method for ``kind`` of ``forward``'s verb (the first word of its name): the
    forward's signature with ``kind`` bound and the id named as before (``dashboard_id`` for
    sights). A call warns, checks the id and forwards."""
    verb = forward.__name__.strip("_").split("_")[0]
    noun, id_name = ("dashboard", "dashboard_id") if kind == "sight" else (kind, f"{kind}_id")
    names = {"list": f"list_{noun}_shares", "share": f"share_{noun}"}
    name = names.get(verb, f"{verb}_{noun}_share")
    gone = api_2026.removed()[_GONE.get(verb, f"{verb}-{{}}-share").format(kind)]
    new = spec_of(getattr(Shares, verb))
    call, wire = f"ss.shares.{verb}({kind!r}, id, ...)", f"{new.method} {new.path}" if new else ""
    message = (
        f"{gone.method} {gone.path} was removed from the Smartsheet API on {api_2026.SUNSET}; "
        f"this method now calls {call} ({wire}) instead — use that directly"
    )
    plain = inspect.Parameter.POSITIONAL_OR_KEYWORD
    this, _, asset, *rest = inspect.signature(forward).parameters.values()
    named = [this.replace(kind=plain), asset.replace(name=id_name, kind=plain), *rest]
    signature = inspect.signature(forward).replace(parameters=named)
    target: Callable[..., Any] = forward

    def method(self: S, /, *args: Any, **kwargs: Any) -> Any:
        # Checked and warned at the call, in the caller's thread (the sync facade's too).
        warnings.warn(message, DeprecationWarning, stacklevel=outside_caller_level())
        bound = signature.bind(self, *args, **kwargs)
        asset_id = ident(bound.arguments[id_name], id_name)
        return target(self, kind, asset_id, *bound.args[2:], **bound.kwargs)

    method.__name__, method.__qualname__ = name, f"Sharing.{name}"
    method.__signature__ = signature  # type: ignore[attr-defined]
    method.__wrapped__ = forward  # type: ignore[attr-defined]  # a coroutine function or not
    method.__doc__ = (
        f"Deprecated: ``{gone.method} {gone.path}`` was removed on {api_2026.SUNSET}; this "
        f"calls ``{call}`` (``{wire}``). {forward.__doc__} ``access_api_level`` is not sent."
    )
    return method


class Sharing(SmartsheetResource):
    """Deprecated per-object share methods: each warns and forwards to ``ss.shares``
    (``asset_type`` ``sheet``, ``report``, ``sight`` for dashboards, ``workspace``)."""

    def _list_shares(
        self,
        kind: str,
        asset: int,
        /,
        *,
        sharing_include: str | None = None,
        access_api_level: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[AssetShare]:
        """Token-paged; ``page_size`` becomes ``maxItems``."""
        shares = Shares(self._client)
        return shares.list(kind, asset, sharing_include=sharing_include, page_size=page_size)

    async def _share(
        self,
        kind: str,
        asset: int,
        /,
        shares: ShareInput | Iterable[ShareInput],
        *,
        send_email: bool | None = None,
        access_api_level: int | None = None,
    ) -> list[AssetShare]:
        """Returns the created shares; ``send_email`` notifies the recipients."""
        return await Shares(self._client).share(kind, asset, shares, send_email=send_email)

    async def _get_share(
        self, kind: str, asset: int, /, share_id: str, *, access_api_level: int | None = None
    ) -> AssetShare:
        """Returns the share."""
        return await Shares(self._client).get(kind, asset, share_id)

    async def _update_share(
        self,
        kind: str,
        asset: int,
        /,
        share_id: str,
        access_level: str,
        *,
        access_api_level: int | None = None,
    ) -> AssetShare:
        """Returns the updated share."""
        return await Shares(self._client).update(kind, asset, share_id, access_level)

    async def _delete_share(
        self, kind: str, asset: int, /, share_id: str, *, access_api_level: int | None = None
    ) -> Result:
        """Returns the Result envelope of the delete."""
        return await Shares(self._client).delete(kind, asset, share_id)

    list_sheet_shares = _removed("sheet", _list_shares)
    share_sheet = _removed("sheet", _share)
    get_sheet_share = _removed("sheet", _get_share)
    update_sheet_share = _removed("sheet", _update_share)
    delete_sheet_share = _removed("sheet", _delete_share)
    list_report_shares = _removed("report", _list_shares)
    share_report = _removed("report", _share)
    get_report_share = _removed("report", _get_share)
    update_report_share = _removed("report", _update_share)
    delete_report_share = _removed("report", _delete_share)
    list_dashboard_shares = _removed("sight", _list_shares)
    share_dashboard = _removed("sight", _share)
    get_dashboard_share = _removed("sight", _get_share)
    update_dashboard_share = _removed("sight", _update_share)
    delete_dashboard_share = _removed("sight", _delete_share)
    list_workspace_shares = _removed("workspace", _list_shares)
    share_workspace = _removed("workspace", _share)
    get_workspace_share = _removed("workspace", _get_share)
    update_workspace_share = _removed("workspace", _update_share)
    delete_workspace_share = _removed("workspace", _delete_share)
