"""Exceptions show the path users import them from, in repr, str and tracebacks."""

from __future__ import annotations

import importlib
import traceback

import pytest

import smartsuite
from smartsuite import NotFoundError

PACKAGES = ["smartsuite", "smartsuite.smartsheet", "smartsuite.etl", "smartsuite.redis"]


def _exported_exceptions() -> list[tuple[str, type[BaseException]]]:
    found = []
    for name in PACKAGES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            obj = getattr(module, attr)
            if isinstance(obj, type) and issubclass(obj, BaseException):
                found.append((name, obj))
    return found


def test_every_exported_exception_names_an_importable_public_path() -> None:
    exported = _exported_exceptions()
    assert len(exported) >= 25
    for _, cls in exported:
        assert "._" not in cls.__module__ and not cls.__module__.endswith("errors"), cls
        home = importlib.import_module(cls.__module__)
        assert getattr(home, cls.__qualname__) is cls


def test_repr_str_and_traceback_use_the_public_name() -> None:
    exc = NotFoundError("Not Found", status=404, method="GET", path="/2.0/sheets/1", code=1006)
    assert repr(exc).startswith("NotFoundError(")
    assert str(exc) == "GET /2.0/sheets/1 -> HTTP 404, code 1006: Not Found"
    try:
        raise exc
    except NotFoundError as caught:
        text = "".join(traceback.format_exception(caught))
    assert "smartsuite.NotFoundError: GET /2.0/sheets/1" in text
    assert "smartsuite._core" not in text.splitlines()[-1]
    assert f"{type(exc).__module__}.{type(exc).__qualname__}" == "smartsuite.NotFoundError"


@pytest.mark.parametrize(
    ("cls", "path"),
    [
        (smartsuite.SmartsuiteError, "smartsuite.SmartsuiteError"),
        (smartsuite.BulkWriteError, "smartsuite.BulkWriteError"),
        (smartsuite.UncheckedResultWarning, "smartsuite.UncheckedResultWarning"),
        (smartsuite.smartsheet.OAuthError, "smartsuite.smartsheet.OAuthError"),
    ],
)
def test_known_homes(cls: type, path: str) -> None:
    assert f"{cls.__module__}.{cls.__qualname__}" == path


def test_redis_errors_live_in_smartsuite_redis() -> None:
    redis = importlib.import_module("smartsuite.redis")
    assert redis.LeaseLostError.__module__ == "smartsuite.redis"
    assert issubclass(redis.LeaseLostError, smartsuite.OutcomeUnknownError)
