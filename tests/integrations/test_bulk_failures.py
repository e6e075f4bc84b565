"""Bulk failures cannot pass unnoticed: raise_for_failures(), and a warning for a failed result
that nobody looked at."""

from __future__ import annotations

import gc
import warnings

import pytest

from smartsuite import BulkWriteError, SmartsheetClient, UncheckedResultWarning
from smartsuite.smartsheet import Column


@pytest.fixture
async def sheet_id(smartsheet_client: SmartsheetClient) -> int:
    sheet = await smartsheet_client.sheets.create(
        "B", [Column(title="Item", primary=True), Column(title="Done", type="CHECKBOX")]
    )
    assert sheet.id is not None
    return sheet.id


BAD = [{"Item": "a", "Done": True}, {"Item": "b", "Done": "yes"}]


async def test_raise_for_failures_raises_with_the_result_or_returns_it(
    smartsheet_client: SmartsheetClient, sheet_id: int
) -> None:
    good = await smartsheet_client.rows.add(sheet_id, [{"Item": "x"}])
    assert good.raise_for_failures() is good
    result = await smartsheet_client.rows.add(sheet_id, BAD, allow_partial_success=True)
    with pytest.raises(BulkWriteError) as info:
        result.raise_for_failures()
    assert info.value.result is result and [f.index for f in result.failed] == [1]
    assert "1 landed, 1 failed" in str(info.value)


async def test_a_dropped_unchecked_failure_warns_at_the_callers_line(
    smartsheet_client: SmartsheetClient, sheet_id: int
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        await smartsheet_client.rows.add(sheet_id, BAD, allow_partial_success=True)
        gc.collect()
    [warning] = [w for w in caught if issubclass(w.category, UncheckedResultWarning)]
    assert warning.filename == __file__
    assert "1 failed" in str(warning.message) and "raise_for_failures" in str(warning.message)


@pytest.mark.parametrize(
    "look",
    [
        lambda r: r.ok,
        lambda r: r.failed,
        lambda r: r.unknown,
        lambda r: list(r),
        lambda r: r[1],
        lambda r: repr(r),
    ],
)
async def test_looking_at_the_outcome_silences_it(
    smartsheet_client: SmartsheetClient, sheet_id: int, look: object
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = await smartsheet_client.rows.add(sheet_id, BAD, allow_partial_success=True)
        look(result)  # type: ignore[operator]
        del result
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, UncheckedResultWarning)]


async def test_values_alone_is_not_a_check_and_success_never_warns(
    smartsheet_client: SmartsheetClient, sheet_id: int
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (await smartsheet_client.rows.add(sheet_id, [{"Item": "ok"}])).values()
        (await smartsheet_client.rows.add(sheet_id, BAD, allow_partial_success=True)).values()
        gc.collect()
    assert len([w for w in caught if issubclass(w.category, UncheckedResultWarning)]) == 1
