"""The generated sync surface: not stale, complete, same signatures, and typed for mypy."""

from __future__ import annotations

import contextlib
import importlib
import inspect
import tempfile
import textwrap
import typing
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from smartsuite import AsyncPaginator, BulkResult, etl
from smartsuite._core.namespaces import Namespace
from smartsuite._syncgen import generate
from smartsuite._syncgen.introspect import GenerationError
from smartsuite.smartsheet import Comment, Row, Sheet, SmartsheetClient
from smartsuite.smartsheet._resource import SmartsheetResource
from smartsuite.smartsheet.resources.sheets import Sheets
from smartsuite.sync import Paginator
from smartsuite.sync._runtime import Facade

GENERATED = ("_smartsheet", "_resource_management", "_appsheet")


def test_the_checked_in_modules_are_not_stale() -> None:
    assert generate.stale() == [], "run: python -m smartsuite._syncgen"


async def brand_new(self: Sheets, sheet_id: int, *, flag: bool = False) -> Sheet:
    """A method another helper just added."""
    raise AssertionError("never called")


@contextlib.asynccontextmanager
async def locked(self: Sheets, sheet_id: int) -> AsyncIterator[Sheet]:
    """An async context manager another helper just added."""
    yield Sheet(id=sheet_id)


class Gadgets(SmartsheetResource):
    async def spin(self, gadget_id: int) -> Sheet:
        """A new namespace's method."""
        raise AssertionError("never called")

    def walk(self) -> AsyncPaginator[Sheet]:
        """A new namespace's paginator."""
        raise AssertionError("never called")


@typing.overload
async def fetch_one(ss: SmartsheetClient, which: int) -> Sheet: ...
@typing.overload
async def fetch_one(ss: SmartsheetClient, which: str) -> Row: ...
async def fetch_one(ss: SmartsheetClient, which: int | str) -> Sheet | Row:
    """An ETL entry point another helper just added."""
    raise AssertionError("never called")


async def reload(self: Comment) -> Comment:
    """Re-read this comment (a model's own coroutine method)."""
    raise AssertionError("never called")


async def every(self: Sheets) -> list[Sheet]:
    """A method whose annotation names the builtin its class shadows (``Sheets.list``)."""
    raise AssertionError("never called")


async def recheck(self: BulkResult[Any]) -> bool:
    """A coroutine on a model that no namespace's ``get`` returns."""
    raise AssertionError("never called")


def test_a_new_async_method_or_namespace_makes_them_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Sheets, "brand_new", brand_new, raising=False)
    monkeypatch.setattr(Sheets, "locked", locked, raising=False)
    monkeypatch.setattr(Sheets, "every", every, raising=False)
    monkeypatch.setattr(Comment, "reload", reload, raising=False)
    namespace: Namespace[Gadgets] = Namespace(f"{__name__}:Gadgets", "Gadgets: walk.")
    namespace.__set_name__(SmartsheetClient, "gadgets")
    monkeypatch.setattr(SmartsheetClient, "gadgets", namespace, raising=False)
    monkeypatch.setattr(etl, "__all__", [*etl.__all__, "fetch_one"])
    monkeypatch.setattr(etl, "fetch_one", fetch_one, raising=False)
    fresh = generate.generate(formatted=False)
    changed = [
        name
        for name, text in fresh.items()
        if generate.normalized(text) != generate.normalized((generate.HERE / name).read_text())
    ]
    assert changed == ["_smartsheet.py", "etl.py"]  # what stale() reports
    assert (
        "@overload\ndef fetch_one(ss: SmartsheetClient, which: int) -> Sheet: ..."
        in (fresh["etl.py"])
    )
    assert "return _rt.run(_portal, _fetch_one(_rt.unwrap(ss), which))" in fresh["etl.py"]
    source = fresh["_smartsheet.py"]
    assert "def brand_new(self, sheet_id: int, *, flag: bool = False) -> Sheet:" in source
    assert "def locked(self, sheet_id: int) -> AbstractContextManager[Sheet]:" in source
    assert "return _rt.context(self._portal, self._target.locked(sheet_id))" in source
    assert "class Gadgets(_rt.Facade):" in source
    assert (
        '@cached_property\n    def gadgets(self) -> Gadgets:\n        """Gadgets: walk.' in source
    )
    assert "def walk(self) -> Paginator[Sheet]:" in source
    # In class Sheets ``list`` is the method: the builtin is spelled out.
    assert "def every(self) -> builtins.list[Sheet]:" in source
    # A model is returned as it is; its coroutine is mirrored on the namespace whose get
    # returns it.
    assert "class Comment(" not in source
    assert "def reload(self, comment: Comment) -> Comment:" in source
    assert "return self._portal.call(comment.reload())" in source


def test_a_model_coroutine_without_one_home_namespace_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(BulkResult, "recheck", recheck, raising=False)
    with pytest.raises(GenerationError, match="BulkResult has async methods and 0 namespaces"):
        generate.generate(formatted=False)


def test_models_are_not_mirrored() -> None:
    for sync_cls, async_cls in _sync_classes():
        assert not attrs.has(async_cls), sync_cls
    for name in GENERATED:
        module = importlib.import_module(f"smartsuite.sync.{name}")
        assert not [n for n in module.__all__ if attrs.has(getattr(module, n))]


def _sync_classes() -> list[tuple[type, type]]:
    """(sync class, async class) for every generated facade class."""
    pairs = []
    for name in GENERATED:
        module = importlib.import_module(f"smartsuite.sync.{name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Facade)
                and value.__module__ == (module.__name__)
            ):
                target = eval(value.__annotations__["_target"].split("[")[0], vars(module))
                pairs.append((value, target))
    return pairs


def _public(cls: type) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        out.update({k: v for k, v in vars(klass).items() if not k.startswith("_")})
    return out


def test_every_async_method_has_a_sync_twin_with_the_same_parameters() -> None:
    pairs = _sync_classes()
    assert len(pairs) > 50  # every namespace of the three clients
    checked = 0
    for sync_cls, async_cls in pairs:
        sync_members = _public(sync_cls)
        for name, value in _public(async_cls).items():
            if name == "aclose" or isinstance(value, staticmethod | classmethod):
                continue
            assert name in sync_members, f"{async_cls.__qualname__}.{name} is missing"
            if inspect.isfunction(value):
                theirs = inspect.signature(value)
                ours = inspect.signature(sync_members[name])
                assert [(p.name, p.kind, p.default) for p in ours.parameters.values()] == [
                    (p.name, p.kind, p.default) for p in theirs.parameters.values()
                ], f"{async_cls.__qualname__}.{name}"
                checked += 1
    assert checked > 300


def test_the_sync_paginator_covers_the_async_one() -> None:
    mapping = {"__await__": "first_page", "__aiter__": "__iter__"}
    for name in [n for n in vars(AsyncPaginator) if not n.startswith("_") or n in mapping]:
        assert hasattr(Paginator, mapping.get(name, name)), name


USER_PROGRAM = textwrap.dedent(
    """
    from typing import assert_type

    from smartsuite import BulkResult, NotFoundError, Page
    from smartsuite.appsheet import ActionResult
    from smartsuite.appsheet import Row as AppRow
    from smartsuite.etl import UpsertResult
    from smartsuite.resource_management import User
    from smartsuite.smartsheet import ReportColumn, Row, Sheet
    from smartsuite.sync import (
        AppSheetClient, Paginator, ResourceManagementClient, SmartsheetClient, etl,
    )


    def script(sheet_id: int) -> None:
        with SmartsheetClient(token="t", base_url="http://127.0.0.1:1") as ss:
            assert_type(ss.sheets.get(sheet_id), Sheet)
            assert_type(ss.sheets.list(), Paginator[Sheet])
            for sheet in ss.sheets.list():
                assert_type(sheet, Sheet)
            assert_type(ss.sheets.list().first_page(), Page[Sheet])
            assert_type(ss.sheets.list().resume("key"), Paginator[Sheet])
            assert_type(ss.sheets.refresh(ss.sheets.get(sheet_id)), Sheet)
            assert_type(ss.reports.add_columns(1, []), list[ReportColumn])
            assert_type(ss.rows.add(sheet_id, [{"Key": "a"}]), BulkResult[Row])
            assert_type(etl.upsert_rows(ss, sheet_id, [], key="Key"), UpsertResult)
            for chunk in ss.attachments.stream(sheet_id, 1):
                assert_type(chunk, bytes)
            try:
                ss.sheets.get(sheet_id)
            except NotFoundError as exc:
                assert_type(exc.status, int)
        with ResourceManagementClient(token="t") as rm:
            assert_type(rm.users.list().to_list(), list[User])
        with AppSheetClient("app", "key") as app:
            assert_type(app.table("People").add([{"Name": "x"}]), ActionResult[AppRow])
    """
)

WRONG_PROGRAM = textwrap.dedent(
    """
    from smartsuite.sync import SmartsheetClient

    with SmartsheetClient(token="t") as ss:
        name: int = ss.sheets.get(1).name
        ss.rows.get("not an id", 2)
        ss.sheets.no_such_method()
    """
)


def test_user_code_type_checks_under_mypy_strict(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    (tmp_path / "good.py").write_text(USER_PROGRAM)
    (tmp_path / "wrong.py").write_text(WRONG_PROGRAM)
    # A cache kept between runs: the first run reads all of smartsuite (~20 s), later ones not.
    cache = Path(tempfile.gettempdir()) / "smartsuite-sync-mypy-cache"
    out, err, status = api.run(
        [
            "--strict",
            "--python-version",
            "3.11",
            "--cache-dir",
            str(cache),
            str(tmp_path / "good.py"),
            str(tmp_path / "wrong.py"),
        ]
    )
    assert status == 1, err
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert not [e for e in errors if "good.py" in e], out
    wrong = [e for e in errors if "wrong.py" in e]
    assert len(wrong) == 3, out  # a str is not an int, a str is not an id, no such method
