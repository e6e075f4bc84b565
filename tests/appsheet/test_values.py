"""Value conversion both ways: Yes/No spellings, en-US / en-GB dates, decimals, typed schemas."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartsuite._core.errors import ConfigurationError, DecodeError
from smartsuite._core.serde import UNSET
from smartsuite.appsheet import (
    AppSheetClient,
    Filter,
    LocaleFormat,
    Properties,
    col,
    column,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_time,
    register_locale,
    to_wire,
)
from smartsuite.appsheet.values import format_date, format_datetime, parse_int, parse_list
from smartsuite.emulator import Emulator

from .conftest import sent_bodies

TRUE_SPELLINGS = [True, "True", "true", "TRUE", "TruE", "T", "t", "Yes", "yes", "Y", "y"]
FALSE_SPELLINGS = [False, "False", "false", "FALSE", "FalsE", "F", "f", "No", "no", "N", "n"]


@pytest.mark.parametrize("value", TRUE_SPELLINGS)
def test_yes_spellings(value: object) -> None:
    assert parse_bool(value) is True


@pytest.mark.parametrize("value", FALSE_SPELLINGS)
def test_no_spellings(value: object) -> None:
    assert parse_bool(value) is False


@pytest.mark.parametrize("value", ["", "1", "0", "yess", "on", None, 1])
def test_other_values_are_not_yes_or_no(value: object) -> None:
    with pytest.raises(DecodeError, match="Yes/No"):
        parse_bool(value)


async def test_emulator_accepts_every_yes_no_spelling(appsheet_client: AppSheetClient) -> None:
    people = appsheet_client.table("People", key="ID")
    rows = [{"ID": f"t{i}", "Active": v} for i, v in enumerate(TRUE_SPELLINGS)]
    rows += [{"ID": f"f{i}", "Active": v} for i, v in enumerate(FALSE_SPELLINGS)]
    result = await people.add(rows)
    assert result.ok
    answered = {r.value["ID"]: r.value["Active"] for r in result if r.value}
    assert {v for k, v in answered.items() if k.startswith("t")} == {"Y"}
    assert {v for k, v in answered.items() if k.startswith("f")} == {"N"}
    assert all(parse_bool(v) == k.startswith("t") for k, v in answered.items())


# -- dates and numbers ----------------------------------------------------------------------------


def test_dates_in_us_and_gb() -> None:
    day = dt.date(2014, 10, 31)
    assert format_date(day, "en-US") == "10/31/2014"
    assert format_date(day, "en-GB") == "31/10/2014"
    assert parse_date("10/31/2014", "en-US") == day
    assert parse_date("31/10/2014", "en-GB") == day
    assert parse_date("2014-10-31", "en-GB") == day
    assert format_date(day, "de-DE") == "31.10.2014"
    with pytest.raises(DecodeError, match="en-US"):
        parse_date("31/10/2014", "en-US")
    with pytest.raises(DecodeError):
        parse_date("10/31/14", "en-US")


def test_datetimes_and_times() -> None:
    moment = dt.datetime(2017, 8, 31, 23, 59, 59)
    assert format_datetime(moment) == "08/31/2017 23:59:59"
    assert parse_datetime("31/08/2017 23:59:59", "en-GB") == moment
    assert parse_time("8:15:25") == dt.time(8, 15, 25)
    assert parse_time("6:30:33 PM") == dt.time(18, 30, 33)
    aware = dt.datetime(2024, 1, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert to_wire(aware) == "01/01/2024 10:00:00"
    with pytest.raises(ConfigurationError, match="naive"):
        to_wire(aware, timezone="Pacific Standard Time")


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["en-US", "en-GB", "ja-JP"]))
def test_dates_round_trip(day: dt.date, locale: str) -> None:
    assert parse_date(format_date(day, locale), locale) == day


def test_numbers() -> None:
    assert to_wire(Decimal("3333.45"), "de-DE") == "3333,45"
    assert parse_decimal("3.333,45", "de-DE") == Decimal("3333.45")
    assert parse_decimal("$1,250.00") == Decimal("1250.00")
    assert parse_decimal("95%") == Decimal("0.95")
    assert parse_int("1,250") == 1250
    with pytest.raises(DecodeError):
        parse_int("1.5")
    with pytest.raises(DecodeError):
        parse_decimal("12abc")
    assert to_wire(0.995) == 0.995 and to_wire(7) == 7 and to_wire(None) == ""
    with pytest.raises(ConfigurationError, match="not finite"):
        to_wire(float("nan"))


def test_lists_and_unknowns() -> None:
    assert to_wire(["a", "b"]) == "a , b"
    assert to_wire({"b", "a"}) == "a , b"
    assert parse_list("a , b") == ["a", "b"]
    assert parse_list("") == []
    with pytest.raises(ConfigurationError, match="dict"):
        to_wire({"a": 1}, column="X")
    with pytest.raises(ConfigurationError, match="unknown locale"):
        format_date(dt.date(2020, 1, 1), "xx-XX")
    register_locale(LocaleFormat("sv-SE", "YMD", "-", ",", " "))
    assert format_date(dt.date(2020, 1, 2), "sv-SE") == "2020-01-02"


async def test_en_gb_write_en_us_read(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    people = appsheet_client.table("People", key="ID")
    gb = Properties(locale="en-GB")
    await people.add([{"ID": "g", "Joined": dt.date(2024, 1, 13)}], properties=gb)
    assert sent_bodies(smartsuite_emulator)[-1]["Rows"] == [{"ID": "g", "Joined": "13/01/2024"}]
    assert (await people.get("g"))["Joined"] == "01/13/2024"  # type: ignore[index]
    assert (await people.get("g", properties=gb))["Joined"] == "13/01/2024"  # type: ignore[index]
    # A day-first string means a different date (or none) in en-US.
    result = await people.add([{"ID": "h", "Joined": "13/01/2024"}])
    assert not result.ok
    assert str(result[0].error).endswith(
        "Value '13/01/2024' in field 'Joined' cannot be converted to type 'Date'"
    )


# -- typed schemas ----------------------------------------------------------------------------


@attrs.define
class Person:
    id: str = column("ID", key=True)
    name: str = column("Name", default="")
    age: int | None = column("Age", default=None)
    active: bool | None = column("Active", default=None)
    joined: dt.date | None = column("Joined", default=None)  # noqa: RUF009
    score: Decimal | None = column("Score", default=None)  # noqa: RUF009
    tags: list[str] = column("Tags", factory=list)  # noqa: RUF009


async def test_schema_round_trip(appsheet_client: AppSheetClient) -> None:
    people = appsheet_client.table("People", schema=Person)
    assert people.key == "ID"
    ann = Person("p1", "Ann", 30, True, dt.date(2020, 2, 29), Decimal("9.5"), ["x", "y"])
    result = await people.add([ann, Person("p2", "Bo")])
    assert result.ok and result.values()[0] == ann
    assert await people.list(Filter("People", col("Age") > 18)).to_list() == [ann]
    gb = await people.list(keys=["p1"], properties=Properties(locale="en-GB")).to_list()
    assert gb == [ann]
    bo = await people.get("p2")
    assert bo == Person("p2", "Bo")  # missing all-blank columns decode to defaults


async def test_schema_unset_fields_are_not_sent(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    people = appsheet_client.table("People", schema=Person)
    await people.add([Person("p1", "Ann", 30)])
    await people.edit([Person("p1", UNSET, 31, UNSET, UNSET, UNSET, UNSET)])  # type: ignore[arg-type]
    assert sent_bodies(smartsuite_emulator)[-1]["Rows"] == [{"ID": "p1", "Age": 31}]
    assert (await people.get("p1")) == Person("p1", "Ann", 31)


def test_schema_errors() -> None:
    from smartsuite.appsheet import Schema

    @attrs.define
    class Strict:
        age: int = column("Age")

    with pytest.raises(DecodeError, match="'Age' is blank"):
        Schema(Strict).decode({})
    with pytest.raises(DecodeError, match="Strict"):
        Schema(Strict).decode({"Age": "old"})
    with pytest.raises(ConfigurationError, match="attrs class"):
        Schema(dict)
    with pytest.raises(ConfigurationError, match="Strict"):
        Schema(Person).encode(Strict(1))  # type: ignore[arg-type]
