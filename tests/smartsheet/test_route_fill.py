"""The path filling of the envelope helpers: the cached template plan gives the same paths and
the same errors as checking every value (ids through ``ident``, text through ``segment``)."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import ConfigurationError
from smartsuite.smartsheet._resource import route


class Index:
    """An integer by ``operator.index`` that is not an ``int`` (as ``numpy.int64``)."""

    def __index__(self) -> int:
        return 7


def test_ids_and_text_fill_the_template_in_order() -> None:
    send = {"method": "GET", "path": "/sheets/{sheetId}/rows/{rowId}"}
    assert route((1, 2), send) == ("GET", "/sheets/1/rows/2")  # type: ignore[arg-type]
    assert route((Index(), 2), send) == ("GET", "/sheets/7/rows/2")  # type: ignore[arg-type]
    text = {"method": "GET", "path": "/shares/{shareId}"}
    assert route(("a/b?",), text) == ("GET", "/shares/a%2Fb%3F")  # type: ignore[arg-type]
    assert route((), {"method": "GET", "path": "/users"}) == ("GET", "/users")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "sheet_id must be an integer id"),
        (1.5, "sheet_id must be an integer id"),
        (-1, "sheet_id must be a non-negative 64-bit id"),
        (1 << 63, "sheet_id must be a non-negative 64-bit id"),
        ("..", "sheet_id cannot be '..'"),
    ],
)
def test_a_bad_value_is_refused_by_name(value: object, message: str) -> None:
    send = {"method": "GET", "path": "/sheets/{sheetId}"}
    for _ in range(2):  # the second call uses the cached plan
        with pytest.raises(ConfigurationError, match=message):
            route((value,), send)  # type: ignore[arg-type]


def test_a_count_mismatch_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="takes 2 path values, got 1"):
        route((1,), {"method": "GET", "path": "/sheets/{sheetId}/rows/{rowId}"})  # type: ignore[arg-type]
