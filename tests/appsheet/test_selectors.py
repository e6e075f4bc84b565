"""The selector builder: rendering, escaping (property-based) and evaluation over HTTP."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartsuite._core.errors import ConfigurationError
from smartsuite.appsheet import (
    AppSheetClient,
    Filter,
    OrderBy,
    Raw,
    Select,
    Top,
    and_,
    col,
    literal,
    not_,
    or_,
)
from smartsuite.emulator import Emulator
from smartsuite.emulator.appsheet.expressions import (
    Call,
    ColumnRef,
    Compare,
    Lit,
    SelectorError,
    TableRef,
    literals,
    parse_selector,
)

from .conftest import sent_bodies

# -- rendering ---------------------------------------------------------------------------------


def test_renders_the_documented_forms() -> None:
    adults = Filter("People", and_(col("Age") >= 21, col("State") == "CA"))
    assert str(adults) == 'Filter(People, AND([Age] >= 21, [State] = "CA"))'
    assert str(Select("People", "ID", col("Age") > 1, distinct=True)) == (
        "Select(People[ID], [Age] > 1, TRUE)"
    )
    ordered = Top(OrderBy(Filter("People"), "LastName", col("Age"), descending=True), 10)
    assert str(ordered) == "Top(OrderBy(Filter(People, TRUE), [LastName], TRUE, [Age]), 10)"


def test_operators_and_helpers() -> None:
    c = col("X")
    assert str(Filter("T", (c != 1) | ~(c < 2) & (c <= 3))) == (
        "Filter(T, OR([X] <> 1, AND(NOT([X] < 2), [X] <= 3)))"
    )
    assert str(Filter("T", or_(c == None, c != None))) == (  # noqa: E711
        "Filter(T, OR(ISBLANK([X]), ISNOTBLANK([X])))"
    )
    assert str(Filter("T", not_(c.contains("a")))) == 'Filter(T, NOT(CONTAINS([X], "a")))'
    assert str(Filter("T", c.is_in([1, "b", True]))) == 'Filter(T, IN([X], LIST(1, "b", TRUE)))'
    assert str(Filter("T", c.startswith("a") & c.endswith("z") & c.is_blank())) == (
        'Filter(T, AND(AND(STARTSWITH([X], "a"), ENDSWITH([X], "z")), ISBLANK([X])))'
    )


def test_literals_follow_the_locale() -> None:
    day = dt.date(2024, 3, 14)
    assert literal(day) == 'DATE("03/14/2024")'
    assert literal(day, "en-GB") == 'DATE("14/03/2024")'
    assert literal(dt.datetime(2024, 3, 14, 9, 5, 1), "en-GB") == 'DATETIME("14/03/2024 09:05:01")'
    assert literal(dt.time(18, 30)) == 'TIME("18:30:00")'
    assert literal(Decimal("1E+3")) == "1000"
    assert literal(0.1) == "0.1"
    assert literal(None) == '""'


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), {"a": 1}, object()])
def test_values_without_a_literal_are_refused(bad: object) -> None:
    with pytest.raises(ConfigurationError):
        literal(bad)


@pytest.mark.parametrize("name", ["", "A]B", "A[B", "x\ny"])
def test_bad_column_names_are_refused(name: str) -> None:
    with pytest.raises(ConfigurationError, match="column name"):
        col(name)


@pytest.mark.parametrize("name", ["", "T, TRUE)", "T(", 'T"', "T[x]", " T"])
def test_bad_table_names_are_refused(name: str) -> None:
    with pytest.raises(ConfigurationError, match="table name"):
        Filter(name, True)


def test_top_and_orderby_check_their_arguments() -> None:
    with pytest.raises(ConfigurationError):
        Top(Filter("T"), -1)
    with pytest.raises(ConfigurationError):
        OrderBy(Filter("T"))
    with pytest.raises(ConfigurationError):
        OrderBy("Filter(T, TRUE)", "A")  # type: ignore[arg-type]


# -- escaping: no value can leave its literal ---------------------------------------------------

_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
) | st.sampled_from(['"', '""', '"), TRUE) OR(', "[Age]", '", TRUE, "', "\\", "'", ")"])
_values = _text | st.integers() | st.decimals(allow_nan=False, allow_infinity=False) | st.booleans()


@settings(max_examples=300, deadline=None)
@given(value=_values, other=_text)
def test_no_value_breaks_out_of_its_literal(value: object, other: str) -> None:
    built = Filter("People", and_(col("Name") == value, col("Note").contains(other)))
    tree = parse_selector(built.render())
    # The structure is exactly what was built, whatever the values hold ...
    assert isinstance(tree, Call) and tree.name == "FILTER"
    assert tree.args[0] == TableRef("People")
    cond = tree.args[1]
    assert isinstance(cond, Call) and cond.name == "AND" and len(cond.args) == 2
    first, second = cond.args
    assert isinstance(first, Compare) and first.left == ColumnRef("Name")
    assert isinstance(second, Call) and second.args[0] == ColumnRef("Note")
    # ... and each literal reads back as the value that went in.
    got = literals(tree)
    expected = value if not isinstance(value, int) or isinstance(value, bool) else Decimal(value)
    assert len(got) == 2 and got[1] == other
    assert got[0] == expected


@settings(max_examples=100, deadline=None)
@given(values=st.lists(_text, max_size=5))
def test_in_lists_keep_every_item(values: list[str]) -> None:
    tree = parse_selector(str(Filter("T", col("X").is_in(values))))
    assert literals(tree) == values


@pytest.mark.parametrize(
    "text", ['Filter(T, [A] = "x)', "Filter(T, [A] = 1", "Filter(T, [A] = 1) junk", "", "[A"]
)
def test_parser_rejects_malformed_text(text: str) -> None:
    with pytest.raises(SelectorError):
        parse_selector(text)


def test_parser_reads_doubled_quotes() -> None:
    assert parse_selector('"a""b"') == Lit('a"b')


# -- evaluation over HTTP ------------------------------------------------------------------------


@pytest.fixture
async def people(appsheet_client: AppSheetClient) -> AppSheetClient:
    table = appsheet_client.table("People", key="ID")
    await table.add(
        [
            {"ID": "1", "Name": "Ann", "Age": 34, "Joined": dt.date(2021, 5, 1), "Active": True},
            {"ID": "2", "Name": 'Bob "the" [builder]', "Age": 19, "Active": False},
            {"ID": "3", "Name": "cara", "Age": 51, "Joined": dt.date(2019, 12, 31)},
            {"ID": "4", "Name": "Dan", "Age": 34, "Tags": ["a", "b"]},
        ]
    )
    return appsheet_client


async def _ids(client: AppSheetClient, selector: object, **kw: object) -> list[str]:
    rows = await client.table("People", key="ID").list(selector, **kw).to_list()  # type: ignore[arg-type]
    return [r["ID"] for r in rows]


async def test_filter_select_orderby_top_over_http(people: AppSheetClient) -> None:
    assert await _ids(people, Filter("People", col("Age") >= 34)) == ["1", "3", "4"]
    assert await _ids(people, Filter("People", col("Name") == "CARA")) == ["3"]  # case-insensitive
    assert await _ids(people, Filter("People", col("Name") == 'Bob "the" [builder]')) == ["2"]
    assert await _ids(people, Select("People", "ID", col("Age") < 40)) == ["1", "2", "4"]
    by_age = OrderBy(Filter("People"), "Age", "Name", descending=True)
    assert await _ids(people, by_age) == ["3", "4", "1", "2"]
    assert await _ids(people, Top(OrderBy(Filter("People"), "Age", "Name"), 2)) == ["2", "1"]
    assert await _ids(people, Filter("People", col("Joined") == None)) == ["2", "4"]  # noqa: E711
    assert await _ids(people, Filter("People", col("Tags").contains("b"))) == ["4"]
    assert await _ids(people, Filter("People", col("Active") == True)) == ["1"]  # noqa: E712
    assert await _ids(people, Filter("People", col("ID").is_in(["4", "2"]))) == ["2", "4"]


async def test_date_literals_render_in_the_request_locale(
    people: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    from smartsuite.appsheet import Properties

    since = Filter("People", col("Joined") > dt.date(2020, 1, 13))
    assert await _ids(people, since) == ["1"]
    assert sent_bodies(smartsuite_emulator)[-1]["Properties"]["Selector"] == (
        'Filter(People, [Joined] > DATE("01/13/2020"))'
    )
    assert await _ids(people, since, properties=Properties(locale="en-GB")) == ["1"]
    assert sent_bodies(smartsuite_emulator)[-1]["Properties"]["Selector"] == (
        'Filter(People, [Joined] > DATE("13/01/2020"))'
    )


async def test_raw_strings_are_the_escape_hatch(people: AppSheetClient) -> None:
    assert await _ids(people, 'Filter(People, [Name] = "ann")') == ["1"]
    assert await _ids(people, Raw("Top(Filter(People, TRUE), 1)")) == ["1"]
    assert await _ids(people, Raw('Filter(People, [Joined] < "01/01/2020")')) == ["3"]


async def test_selector_and_keys_together_are_refused(people: AppSheetClient) -> None:
    with pytest.raises(ConfigurationError, match="not both"):
        await people.table("People", key="ID").list(Filter("People"), keys=["1"]).to_list()
