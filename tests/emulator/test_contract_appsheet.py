"""The emulated AppSheet API v2 against its documented wire forms, over raw HTTP.

Sources (seed 003, AppSheet "Invoke the API"): the URL form, "Application Access Key"
(header, or the ``applicationAccessKey`` query parameter; the header wins when both are
given), "HTTP Body" (``Action``, ``Properties`` with ``Locale``, ``Rows``; the key column in
every row except for Add), "API Response HTTP Status Codes" (400 / 403 / 404 / 500).
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Raw


def rows(reply_body: Any) -> list[dict[str, str]]:
    assert set(reply_body) <= {"Rows", "Warnings"}
    return list(reply_body["Rows"])


async def test_add_answers_the_rows_as_text_with_row_numbers(raw: Raw) -> None:
    reply = await raw.action(
        {
            "Action": "Add",
            "Properties": {"Locale": "en-US"},
            "Rows": [{"ID": "p1", "Name": "Ann", "Age": 33, "Active": "Y", "Joined": "10/31/2014"}],
        }
    )
    assert reply.status == 200 and reply.content_type == "application/json"
    [added] = rows(reply.json())
    assert added["ID"] == "p1" and added["Age"] == "33" and added["Active"] == "Y"
    assert added["Joined"] == "10/31/2014"
    assert added["_RowNumber"] == "2"  # row 1 of the sheet holds the headers
    assert all(isinstance(v, str) for v in added.values())


async def test_add_without_the_key_generates_one_when_the_key_is_generated(raw: Raw) -> None:
    reply = await raw.action({"Action": "Add", "Rows": [{"Name": "Bo"}]})
    [added] = rows(reply.json())
    assert added["ID"] and added["Name"] == "Bo"


async def test_find_answers_a_bare_array(raw: Raw) -> None:
    await raw.action({"Action": "Add", "Rows": [{"ID": "a", "Name": "A"}, {"ID": "b"}]})
    everything = (await raw.action({"Action": "Find", "Properties": {}, "Rows": []})).json()
    assert isinstance(everything, list) and [r["ID"] for r in everything] == ["a", "b"]
    by_key = (await raw.action({"Action": "Find", "Rows": [{"ID": "b"}]})).json()
    assert [r["ID"] for r in by_key] == ["b"]
    selected = await raw.action(
        {"Action": "Find", "Properties": {"Selector": 'Filter(People, [Name] = "A")'}}
    )
    assert [r["ID"] for r in selected.json()] == ["a"]


async def test_edit_and_delete_need_the_key_and_answer_the_rows(raw: Raw) -> None:
    await raw.action({"Action": "Add", "Rows": [{"ID": "a", "Name": "A", "Age": 1}]})
    edited = await raw.action({"Action": "Edit", "Rows": [{"ID": "a", "Age": 2}]})
    [row] = rows(edited.json())
    assert row["Age"] == "2" and row["Name"] == "A"
    keyless = await raw.action({"Action": "Edit", "Rows": [{"Age": 3}]})
    assert keyless.status == 400
    deleted = await raw.action({"Action": "Delete", "Rows": [{"ID": "a"}]})
    assert [r["ID"] for r in rows(deleted.json())] == ["a"]
    assert (await raw.action({"Action": "Find"})).json() == []
    again = await raw.action({"Action": "Delete", "Rows": [{"ID": "a"}]})
    assert again.status == 400


async def test_locale_sets_the_date_order(raw: Raw) -> None:
    # "when Locale is en-GB, date values must be entered in DD/MM/YYYY format"
    body = {"Action": "Add", "Properties": {"Locale": "en-GB"}}
    reply = await raw.action({**body, "Rows": [{"ID": "g", "Joined": "31/10/2014"}]})
    assert reply.status == 200
    us = (await raw.action({"Action": "Find", "Properties": {"Locale": "en-US"}})).json()
    assert us[0]["Joined"] == "10/31/2014"
    wrong = await raw.action({"Action": "Add", "Rows": [{"ID": "h", "Joined": "31/10/2014"}]})
    assert wrong.status == 400


async def test_a_failed_add_changes_nothing(raw: Raw) -> None:
    await raw.action({"Action": "Add", "Rows": [{"ID": "a"}]})
    reply = await raw.action({"Action": "Add", "Rows": [{"ID": "b"}, {"ID": "a"}]})
    assert reply.status == 400
    assert [r["ID"] for r in (await raw.action({"Action": "Find"})).json()] == ["a"]


def assert_error(body: Any, status: int) -> None:
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]


@pytest.mark.parametrize(
    ("url", "headers", "status"),
    [
        (None, {}, 400),  # 400 a. the Application Access Key is missing
        (None, {"ApplicationAccessKey": "V2-wrong"}, 403),  # 403 b. the key is invalid
        ("nope", None, 404),  # 404 a. the app cannot be found
        ("", None, 400),  # 400 b. the AppId is missing
    ],
)
async def test_documented_access_errors(
    raw: Raw, url: str | None, headers: dict[str, str] | None, status: int
) -> None:
    target = raw.action_url(app_id=url)
    reply = await raw.call(
        "POST", target, json={"Action": "Find"}, headers=raw.as_auth if headers is None else headers
    )
    assert reply.status == status
    assert_error(reply.json(), status)
    assert b"V2-wrong" not in reply.raw


async def test_the_header_key_wins_over_the_query_key(raw: Raw) -> None:
    good, bad = raw.emu.appsheet_access_key, "V2-wrong"
    url = raw.action_url()
    header_good = await raw.call(
        "POST",
        url,
        params={"applicationAccessKey": bad},
        headers={"ApplicationAccessKey": good},
        json={"Action": "Find"},
    )
    assert header_good.status == 200
    header_bad = await raw.call(
        "POST",
        url,
        params={"applicationAccessKey": good},
        headers={"ApplicationAccessKey": bad},
        json={"Action": "Find"},
    )
    assert header_bad.status == 403
    query_only = await raw.call(
        "POST", url, params={"applicationAccessKey": good}, json={"Action": "Find"}
    )
    assert query_only.status == 200


async def test_web_api_disabled_is_403(raw: Raw) -> None:
    # 403 a. "The Web API is not enabled for this application."
    raw.emu.appsheet.state.app().api_enabled = False
    reply = await raw.action({"Action": "Find"})
    assert reply.status == 403
    assert_error(reply.json(), 403)


@pytest.mark.parametrize(
    "body",
    [
        b"{nope",
        b"[]",
        b'{"Rows": []}',
        b'{"Action": "Find", "Rows": {"ID": "a"}}',
        b'{"Action": "Find", "Properties": []}',
        b'{"Action": "Find", "Properties": {"Locale": "xx-XX"}}',
        b'{"Action": "Launch", "Rows": []}',
    ],
)
async def test_invalid_bodies_are_400(raw: Raw, body: bytes) -> None:
    # 400 c. "The Post body contains invalid data."
    reply = await raw.call(
        "POST",
        raw.action_url(),
        data=body,
        headers={**raw.as_auth, "Content-Type": "application/json"},
    )
    assert reply.status == 400
    assert_error(reply.json(), 400)


async def test_unknown_table_is_404(raw: Raw) -> None:
    reply = await raw.action({"Action": "Find"}, table="Nope")
    assert reply.status == 404
    assert_error(reply.json(), 404)


async def test_unknown_columns_are_warned_about_not_stored(raw: Raw) -> None:
    reply = await raw.action({"Action": "Add", "Rows": [{"ID": "w", "Colour": "red"}]})
    body = reply.json()
    assert "Colour" not in body["Rows"][0]
    assert any("Colour" in w for w in body["Warnings"])


TRUE_FORMS = [True, "True", "true", "TruE", "T", "t", "Yes", "yes", "Y", "y"]
FALSE_FORMS = [False, "False", "false", "FalsE", "F", "f", "No", "no", "N", "n"]


@pytest.mark.parametrize(
    ("value", "shown"), [(v, "Y") for v in TRUE_FORMS] + [(v, "N") for v in FALSE_FORMS]
)
async def test_every_documented_yes_no_spelling_is_accepted(
    raw: Raw, value: object, shown: str
) -> None:
    # "Row Column Values": the equivalent ways of giving a Yes/No value, case-insensitive.
    reply = await raw.action({"Action": "Add", "Rows": [{"ID": "b", "Active": value}]})
    assert reply.status == 200
    assert rows(reply.json())[0]["Active"] == shown


async def test_a_value_that_is_not_yes_or_no_is_400(raw: Raw) -> None:
    reply = await raw.action({"Action": "Add", "Rows": [{"ID": "b", "Active": "maybe"}]})
    assert reply.status == 400
    assert "Active" in reply.json()["detail"]


async def test_a_url_encoded_table_name_reaches_its_table(raw: Raw) -> None:
    # "the table name should be URL-encoded"
    raw.emu.appsheet.state.create_table(
        "Order Items", key="Order ID", columns={"Order ID": "Text", "Qty": "Number"}
    )
    url = raw.action_url("Order%20Items")
    body = {"Action": "Add", "Rows": [{"Order ID": "o1", "Qty": 2}]}
    reply = await raw.call("POST", url, json=body, headers=raw.as_auth)
    assert reply.status == 200 and rows(reply.json())[0]["Qty"] == "2"
    found = await raw.action({"Action": "Find"}, table="Order Items")
    assert [r["Order ID"] for r in found.json()] == ["o1"]


async def test_unrouted_paths_get_the_plain_framework_answer(raw: Raw) -> None:
    # Seed 003 documents no body for paths outside the Action URL; the emulator keeps the
    # framework's plain-text 404 / 405 (with Allow), which a client cannot parse as AppSheet's.
    missing = await raw.call("POST", raw.emu.appsheet_url + "/nowhere", headers=raw.as_auth)
    assert missing.status == 404 and missing.content_type == "text/plain"
    wrong = await raw.call("GET", raw.action_url(), headers=raw.as_auth)
    assert wrong.status == 405 and wrong.content_type == "text/plain"
    assert wrong.headers["Allow"] == "POST"
