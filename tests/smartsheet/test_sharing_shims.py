"""The deprecated ``ss.sharing`` table: 20 old methods made from five forwards over ``/shares``.

Each keeps its old name and signature (``sheet_id=`` by keyword too), warns at the caller's line
(async, and sync through the generated facade), names a bad id as the caller wrote it, and is
typed precisely for mypy. ``Share`` is the one share model, ``AssetShare``.
"""

# ruff: noqa: F811  (pytest fixtures imported from sheet_helpers)

from __future__ import annotations

import inspect
import tempfile
import textwrap
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

from smartsuite import ConfigurationError
from smartsuite._syncgen import generate
from smartsuite._syncgen.introspect import GenerationError, function_node
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Raw, SmartsheetClient
from smartsuite.smartsheet import Share as PublicShare
from smartsuite.smartsheet._converter import CONVERTER
from smartsuite.smartsheet.client import DEFAULT_RETRY
from smartsuite.smartsheet.models.shares import AssetShare
from smartsuite.smartsheet.models.sharing import Share
from smartsuite.smartsheet.resources.sharing import Sharing
from smartsuite.sync import EmulatorThread
from smartsuite.sync import SmartsheetClient as SyncClient

from .emulator_helpers import FAST, check, last
from .sheet_helpers import emu, ss, task_sheet  # noqa: F401

NOUNS = {"sheet": "sheet", "report": "report", "sight": "dashboard", "workspace": "workspace"}
POS, KW = inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY


def old_signatures(noun: str) -> dict[str, list[tuple[str, Any]]]:
    """The methods of one kind as they were written by hand: (parameter, kind) in order."""
    ident, level = (f"{noun}_id", POS), ("access_api_level", KW)
    listing = [("sharing_include", KW), level, ("page_size", KW)]
    return {
        f"list_{noun}_shares": [("self", POS), ident, *listing],
        f"share_{noun}": [("self", POS), ident, ("shares", POS), ("send_email", KW), level],
        f"get_{noun}_share": [("self", POS), ident, ("share_id", POS), level],
        f"update_{noun}_share": [
            *[("self", POS), ident, ("share_id", POS), ("access_level", POS), level]
        ],
        f"delete_{noun}_share": [("self", POS), ident, ("share_id", POS), level],
    }


def test_the_twenty_methods_keep_their_names_and_signatures() -> None:
    expected = {k: v for noun in NOUNS.values() for k, v in old_signatures(noun).items()}
    public = {n for n in vars(Sharing) if not n.startswith("_")}
    assert public == set(expected)
    for name, params in expected.items():
        method = getattr(Sharing, name)
        assert method.__name__ == name and method.__qualname__ == f"Sharing.{name}"
        signature = inspect.signature(method)
        assert [(p.name, p.kind) for p in signature.parameters.values()] == params, name
        assert all(p.default is None for p in signature.parameters.values() if p.kind is KW)
        # list returns a paginator at once; the other verbs are awaited
        assert inspect.iscoroutinefunction(inspect.unwrap(method)) != name.startswith("list_")
        assert "was removed on 2026-06-03" in (method.__doc__ or ""), name


def lines_of(marker: str) -> list[int]:
    """The lines of this file that end in ``# <marker>``."""
    text = Path(__file__).read_text().splitlines()
    return [n for n, line in enumerate(text, 1) if line.endswith(f"# {marker}")]


async def test_old_keyword_ids_work_and_warnings_point_at_the_caller(
    ss: SmartsheetClient, emu: Emulator
) -> None:
    sheet = await task_sheet(ss)
    asset = {"assetType": "sheet", "assetId": str(sheet.id)}
    spec = {"email": "kim@example.com", "accessLevel": "VIEWER"}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # The old id keyword runs; type checkers see the id as positional (hence the ignores).
        (made,) = await ss.sharing.share_sheet(sheet_id=sheet.id, shares=spec)  # type: ignore[call-arg]  # async-warns
        check(last(emu), "POST", "/shares", asset, [spec])
        pages = ss.sharing.list_sheet_shares(sheet_id=sheet.id, page_size=5)  # type: ignore[call-arg]  # async-warns
        listed = [s.email async for s in pages]
        check(last(emu), "GET", "/shares", {**asset, "maxItems": "5"})
        got = await ss.sharing.get_sheet_share(sheet.id, made.id, access_api_level=1)  # async-warns
        check(last(emu), "GET", f"/shares/{made.id}", asset)  # the level is not sent
    assert "kim@example.com" in listed and got.id == made.id
    assert [(w.category, w.filename, w.lineno) for w in caught] == [
        (DeprecationWarning, __file__, n) for n in lines_of("async-warns")
    ]
    assert str(caught[0].message).startswith(
        "POST /sheets/{sheetId}/shares was removed from the Smartsheet API on 2026-06-03; "
        "this method now calls ss.shares.share('sheet', id, ...) (POST /shares) instead"
    )


async def test_a_bad_call_is_refused_before_anything_is_sent(
    ss: SmartsheetClient, emu: Emulator
) -> None:
    before = len(emu.smartsheet.log)
    with pytest.warns(DeprecationWarning), pytest.raises(ConfigurationError, match="dashboard_id"):
        await ss.sharing.get_dashboard_share(1.5, "abc")  # type: ignore[arg-type]
    with pytest.warns(DeprecationWarning), pytest.raises(ConfigurationError, match="report_id"):
        ss.sharing.list_report_shares(True)
    with pytest.warns(DeprecationWarning), pytest.raises(TypeError, match="share_id"):
        ss.sharing.delete_workspace_share(1)  # type: ignore[call-arg, unused-coroutine]
    with pytest.warns(DeprecationWarning), pytest.raises(TypeError, match="sheet_id"):
        ss.sharing.list_sheet_shares(sheetid=1)  # type: ignore[call-arg]
    with pytest.warns(DeprecationWarning), pytest.raises(ConfigurationError, match="share_id"):
        await ss.sharing.update_sheet_share(1, "", "VIEWER")
    assert len(emu.smartsheet.log) == before


async def test_sharing_include_is_checked_at_the_call(ss: SmartsheetClient, emu: Emulator) -> None:
    before = len(emu.smartsheet.log)
    with pytest.raises(ConfigurationError, match=r"sharing_include='SOME'.*ITEM, WORKSPACE"):
        ss.shares.list("sheet", 1, sharing_include="some")
    assert len(emu.smartsheet.log) == before
    sheet = await task_sheet(ss)
    newer = [s async for s in ss.shares.list("sheet", sheet.id, sharing_include=Raw("Team"))]
    assert last(emu).query["sharingInclude"] == "Team" and newer == []  # sent as given
    workspace = await ss.workspaces.create("Scoped")
    with pytest.warns(DeprecationWarning):  # the workspace list takes it too now
        pages = ss.sharing.list_workspace_shares(workspace.id, sharing_include="workspace")
    assert [s async for s in pages] == [] and last(emu).query["sharingInclude"] == "WORKSPACE"


async def test_share_is_the_asset_share_model(ss: SmartsheetClient, emu: Emulator) -> None:
    assert Share is AssetShare and PublicShare is AssetShare
    assert CONVERTER.unstructure(Share(group_id="12", access_level="VIEWER")) == {
        "groupId": "12",
        "accessLevel": "VIEWER",
    }
    with pytest.raises(ConfigurationError, match="group_id"):  # ids are strings on /shares
        Share(group_id=12)  # type: ignore[arg-type]
    workspace = await ss.workspaces.create("Shared")
    group = await ss.groups.create("Readers")
    with pytest.warns(DeprecationWarning, match="/workspaces/{workspaceId}/shares"):
        (made,) = await ss.sharing.share_workspace(
            workspace.id, [Share(group_id=str(group.id), access_level="VIEWER")]
        )
    assert last(emu).json() == [{"groupId": str(group.id), "accessLevel": "VIEWER"}]
    assert isinstance(made, AssetShare) and made.group_id == str(group.id)


def test_the_sync_facade_mirrors_them_and_warns_at_the_callers_line() -> None:
    # Compared without white space: CI's test environment has no ruff to format the output.
    source = "".join(generate.generate(formatted=False)["_smartsheet.py"].split())
    expected = (
        "def share_dashboard(self, dashboard_id: int, shares: ShareSpec | Iterable[ShareSpec], "
        "*, send_email: bool | None = None, access_api_level: int | None = None"
        ") -> list[AssetShare]:"
    )
    assert "".join(expected.split()) in source
    retry = attrs.evolve(DEFAULT_RETRY, backoff_base=0.01, backoff_max=0.02)
    with (
        EmulatorThread() as emu,
        SyncClient(
            emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=FAST, retry=retry
        ) as ss,
    ):
        workspace = ss.workspaces.create("Sync")
        spec = {"email": "a@example.com", "accessLevel": "EDITOR"}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            made = ss.sharing.share_workspace(workspace_id=workspace.id, shares=spec)  # sync-warns
            listed = ss.sharing.list_workspace_shares(workspace.id).to_list()  # sync-warns
        assert made[0].email == "a@example.com" and made[0].id in {s.id for s in listed}
    assert [(w.category, w.filename, w.lineno) for w in caught] == [
        (DeprecationWarning, __file__, n) for n in lines_of("sync-warns")
    ]


def test_the_generator_writes_a_def_from_a_made_signature() -> None:
    node = function_node(Sharing.update_report_share)
    assert node.name == "update_report_share" and type(node).__name__ == "AsyncFunctionDef"
    assert [a.arg for a in node.args.args] == ["self", "report_id", "share_id", "access_level"]
    assert node.returns is not None and getattr(node.returns, "id", "") == "AssetShare"

    def made(*args: Any) -> None:
        raise AssertionError("never called")

    made.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("when", KW, default=object(), annotation="object")]
    )
    with pytest.raises(GenerationError, match="not a constant"):
        function_node(made)
    made.__signature__ = inspect.Signature([inspect.Parameter("x", POS, annotation=int)])  # type: ignore[attr-defined]
    with pytest.raises(GenerationError, match="not source text"):
        function_node(made)


TYPED = textwrap.dedent(
    """
    from typing import assert_type

    from smartsuite import AsyncPaginator
    from smartsuite.smartsheet import SmartsheetClient
    from smartsuite.smartsheet.models.common import Result
    from smartsuite.smartsheet.models.shares import AssetShare


    async def main(ss: SmartsheetClient) -> None:
        assert_type(ss.sharing.list_dashboard_shares(1, page_size=5), AsyncPaginator[AssetShare])
        assert_type(await ss.sharing.share_report(1, {"email": "a@b.c"}), list[AssetShare])
        assert_type(await ss.sharing.update_workspace_share(1, "s", "VIEWER"), AssetShare)
        assert_type(await ss.sharing.delete_sheet_share(1, share_id="s"), Result)
        ss.sharing.list_sheet_shares(1, pagesize=5)
        await ss.sharing.get_report_share("1", "s")
        await ss.sharing.update_sheet_share(1, "s")
    """
)


def test_mypy_sees_each_signature(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    (tmp_path / "typed.py").write_text(TYPED)
    cache = Path(tempfile.gettempdir()) / "smartsuite-sync-mypy-cache"  # shared with tests/sync
    out, err, status = api.run(
        [
            "--strict",
            "--python-version",
            "3.11",
            "--cache-dir",
            str(cache),
            str(tmp_path / "typed.py"),
        ]
    )
    errors = [line.split(": error: ", 1)[1] for line in out.splitlines() if ": error: " in line]
    assert status == 1, err
    assert len(errors) == 3, out
    assert 'Unexpected keyword argument "pagesize"' in errors[0]
    assert 'incompatible type "str"; expected "int"' in errors[1]
    assert "Too few arguments" in errors[2]
