"""One walk through the deprecated per-object share methods of ``ss.sharing``: each must warn
and reach ``/shares?assetType=&assetId=`` (the per-object endpoints were removed on
2026-06-03), with the same answers and errors as ``ss.shares``."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import BadRequestError, ConfigurationError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.models.sharing import Share

from .emulator_helpers import check, last


async def exercise_share_shims(
    ss: SmartsheetClient, emu: Emulator, kind: str, ident: int, noun: str, group_id: int
) -> None:
    """``noun`` is the method-name kind (``sheet``, ``report``, ``dashboard``, ``workspace``)."""
    sharing = ss.sharing
    asset = {"assetType": kind, "assetId": str(ident)}
    with pytest.warns(DeprecationWarning, match="removed from the Smartsheet API on 2026-06-03"):
        created = await getattr(sharing, f"share_{noun}")(
            ident,
            [
                Share(email="ann@example.com", access_level="EDITOR"),
                {"groupId": group_id, "accessLevel": "VIEWER"},
            ],
            send_email=False,
        )
    check(
        last(emu),
        "POST",
        "/shares",
        {**asset, "sendEmail": "false"},
        [
            {"email": "ann@example.com", "accessLevel": "EDITOR"},
            {"groupId": group_id, "accessLevel": "VIEWER"},
        ],
    )
    user_share, group_share = created
    assert (user_share.type, group_share.type) == ("USER", "GROUP")
    assert group_share.group_id == str(group_id)  # ids are strings on /shares

    with pytest.warns(DeprecationWarning):
        listed = [s async for s in getattr(sharing, f"list_{noun}_shares")(ident)]
    check(last(emu), "GET", "/shares", {**asset, "maxItems": "1000"})
    assert {s.id for s in listed} >= {user_share.id, group_share.id}

    with pytest.warns(DeprecationWarning):
        got = await getattr(sharing, f"get_{noun}_share")(ident, user_share.id)
    check(last(emu), "GET", f"/shares/{user_share.id}", asset)
    assert got.email == "ann@example.com"

    with pytest.warns(DeprecationWarning, match="PATCH"):
        updated = await getattr(sharing, f"update_{noun}_share")(ident, user_share.id, "ADMIN")
    check(last(emu), "PATCH", f"/shares/{user_share.id}", asset, {"accessLevel": "ADMIN"})
    assert updated.access_level == "ADMIN"
    with pytest.raises(BadRequestError) as bad, pytest.warns(DeprecationWarning):
        await getattr(sharing, f"update_{noun}_share")(ident, user_share.id, "SUPREME")
    assert bad.value.code == 1031

    with pytest.warns(DeprecationWarning):
        await getattr(sharing, f"delete_{noun}_share")(ident, group_share.id)
    check(last(emu), "DELETE", f"/shares/{group_share.id}", asset)
    remaining = [s.id async for s in ss.shares.list(kind, ident)]
    assert group_share.id not in remaining and user_share.id in remaining
    with pytest.raises(ConfigurationError, match="accessLevel"), pytest.warns(DeprecationWarning):
        await getattr(sharing, f"share_{noun}")(ident, {"email": "x@example.com"})
    assert not any(
        "/shares" in e.path and e.path != "/shares" and not e.path.startswith("/shares/")
        for e in emu.smartsheet.log
    ), "a removed per-object share path was called"
