"""The emulated Smartsheet API against its documented wire forms, over raw HTTP.

Sources (seed 000, Smartsheet API Reference 2.0.0): "HTTP Status Codes" (error objects),
"Error Codes" (the errorCode table), "Limitations" (500 rows), "Work at Scale" (Result objects,
Partial Success, Paging / IndexResult), "Rate Limiting" (429 / 4003). Token paging follows the
Python SDK 4.4.0 ``TokenPaginatedResult`` (``data``, ``lastKey``).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest

from .conftest import Raw


async def new_sheet(raw: Raw, name: str = "S") -> tuple[int, int]:
    reply = await raw.ss(
        "POST", "/sheets", json={"name": name, "columns": [{"title": "A", "primary": True}]}
    )
    sheet = reply.json()["result"]
    return sheet["id"], sheet["columns"][0]["id"]


def row(column_id: int, value: Any) -> dict[str, Any]:
    return {"toBottom": True, "cells": [{"columnId": column_id, "value": value}]}


def assert_error(body: dict[str, Any], code: int) -> None:
    """An Error object: errorCode, message and refId (seed 000 "HTTP Status Codes"; Python
    SDK 4.4.0 ``ErrorResult``)."""
    assert body["errorCode"] == code
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["refId"], str) and body["refId"]


async def test_write_answers_a_result_envelope(raw: Raw) -> None:
    sheet_id, column_id = await new_sheet(raw)
    reply = await raw.ss("POST", f"/sheets/{sheet_id}/rows", json=[row(column_id, "a")])
    assert reply.status == 200 and reply.content_type == "application/json"
    body = reply.json()
    assert body["message"] == "SUCCESS" and body["resultCode"] == 0
    assert [r["cells"][0]["value"] for r in body["result"]] == ["a"]
    assert "failedItems" not in body
    version = (await raw.ss("GET", f"/sheets/{sheet_id}/version")).json()["version"]
    assert body["version"] == version


async def test_error_objects_carry_code_message_and_distinct_ref_ids(raw: Raw) -> None:
    first = await raw.ss("GET", "/sheets/1")
    second = await raw.ss("GET", "/sheets/2")
    assert first.status == second.status == 404
    assert_error(first.json(), 1006)
    assert_error(second.json(), 1006)
    assert first.json()["refId"] != second.json()["refId"]


async def test_unparseable_body_is_400_1008(raw: Raw) -> None:
    sheet_id, _ = await new_sheet(raw)
    reply = await raw.ss(
        "POST",
        f"/sheets/{sheet_id}/rows",
        data=b"{nope",
        headers={"Content-Type": "application/json"},
    )
    assert reply.status == 400
    assert_error(reply.json(), 1008)
    assert reply.json()["message"].startswith(
        "Unable to parse request. The following error occurred: "
    )


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, 1001),  # no token: "An Access Token is required."
        ({"Authorization": "Bearer not-a-token"}, 1002),  # "Your Access Token is invalid."
    ],
)
async def test_auth_failures_are_401_with_their_codes(
    raw: Raw, headers: dict[str, str], code: int
) -> None:
    reply = await raw.call("GET", raw.emu.smartsheet_url + "/sheets", headers=headers)
    assert reply.status == 401
    assert_error(reply.json(), code)
    assert not any(e.status == 200 for e in raw.emu.smartsheet.log)


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/templates"), ("GET", "/workspaces/1/folders"), ("POST", "/sheets/1/shares")],
)
async def test_removed_paths_answer_404_1006(raw: Raw, method: str, path: str) -> None:
    # Removed 2026-06-03; see smartsuite/emulator/smartsheet/removed.py for the source.
    reply = await raw.ss(method, path, json={})
    assert reply.status == 404
    assert_error(reply.json(), 1006)


async def test_unknown_path_is_an_error_object_not_a_framework_page(raw: Raw) -> None:
    # Error Codes: 404 / 1006 "Not Found", 405 / 1010 "HTTP Method not supported."
    missing = await raw.ss("GET", "/no/such/thing")
    assert missing.status == 404
    assert_error(missing.json(), 1006)
    sheet_id, _ = await new_sheet(raw)
    wrong = await raw.ss("PATCH", f"/sheets/{sheet_id}", json={})
    assert wrong.status == 405
    assert_error(wrong.json(), 1010)
    assert set(wrong.headers["Allow"].split(",")) == {"GET", "HEAD", "PUT", "DELETE"}


async def test_index_result_paging(raw: Raw) -> None:
    for n in range(5):
        await new_sheet(raw, f"S{n}")
    page = (await raw.ss("GET", "/sheets", params={"pageSize": "2", "page": "2"})).json()
    assert {k: page[k] for k in ("pageNumber", "pageSize", "totalPages", "totalCount")} == {
        "pageNumber": 2,
        "pageSize": 2,
        "totalPages": 3,
        "totalCount": 5,
    }
    assert [s["name"] for s in page["data"]] == ["S2", "S3"]
    # "when a page number greater than totalPages is requested, the last page is returned"
    past = (await raw.ss("GET", "/sheets", params={"pageSize": "2", "page": "9"})).json()
    assert past["pageNumber"] == 3 and [s["name"] for s in past["data"]] == ["S4"]
    default = (await raw.ss("GET", "/sheets")).json()
    assert default["pageSize"] == 100 and default["totalPages"] == 1
    # includeAll ignores page/pageSize; pageSize is "omitted if there is no limit"
    everything = (
        await raw.ss("GET", "/sheets", params={"includeAll": "true", "pageSize": "2"})
    ).json()
    assert "pageSize" not in everything
    assert everything["totalCount"] == 5 and len(everything["data"]) == 5


async def test_bad_paging_value_names_the_parameter(raw: Raw) -> None:
    reply = await raw.ss("GET", "/sheets", params={"pageSize": "many"})
    assert reply.status == 400
    body = reply.json()
    assert_error(body, 1018)
    # 1018: "The value {0} was not valid for the parameter {1}."
    assert body["message"] == "The value many was not valid for the parameter pageSize."


async def test_token_paging_with_last_key_and_max_items(raw: Raw) -> None:
    for n in range(5):
        created = await raw.ss("POST", "/workspaces", json={"name": f"W{n}"})
        assert created.status == 200
    names: list[str] = []
    params = {"paginationType": "token", "maxItems": "2"}
    pages = 0
    while True:
        body = (await raw.ss("GET", "/workspaces", params=params)).json()
        assert set(body) <= {"data", "lastKey"} and "totalCount" not in body
        names += [w["name"] for w in body["data"]]
        pages += 1
        if "lastKey" not in body:
            break
        params = {**params, "lastKey": body["lastKey"]}
    assert names == [f"W{n}" for n in range(5)] and pages == 3
    bad = await raw.ss("GET", "/workspaces", params={**params, "lastKey": "garbage!"})
    assert bad.status == 400
    assert_error(bad.json(), 1018)
    too_big = await raw.ss(
        "GET", "/workspaces", params={"paginationType": "token", "maxItems": "0"}
    )
    assert too_big.status == 400


async def test_rate_limit_is_429_4003(raw: Raw) -> None:
    raw.emu.smartsheet.faults.rate_limit = 0.5
    raw.emu.smartsheet.faults.burst = 1
    assert (await raw.ss("GET", "/sheets")).status == 200
    reply = await raw.ss("GET", "/sheets")
    assert reply.status == 429
    body = reply.json()
    assert_error(body, 4003)
    assert body["message"] == "Rate limit exceeded."


@pytest.mark.parametrize("method", ["POST", "PUT"])
async def test_more_than_500_rows_is_refused_whole(raw: Raw, method: str) -> None:
    # Limitations: "When adding or updating rows, limit your request to 500 rows at a time."
    sheet_id, column_id = await new_sheet(raw)
    specs = [row(column_id, n) for n in range(501)]
    if method == "PUT":
        specs = [{"id": n + 1, "cells": s["cells"]} for n, s in enumerate(specs)]
    reply = await raw.ss(method, f"/sheets/{sheet_id}/rows", json=specs)
    assert reply.status == 400
    assert reply.json()["errorCode"] == 1061
    at_limit = await raw.ss(
        "POST",
        f"/sheets/{sheet_id}/rows",
        json=specs[:500] if method == "POST" else [row(column_id, 0)] * 500,
    )
    assert at_limit.status == 200 and len(at_limit.json()["result"]) == 500


async def rows_of(raw: Raw, sheet_id: int) -> list[Any]:
    sheet = (await raw.ss("GET", f"/sheets/{sheet_id}")).json()
    return [r["cells"][0].get("value") for r in sheet["rows"]]


async def test_partial_success_reports_failed_items_and_applies_the_rest(raw: Raw) -> None:
    sheet_id, column_id = await new_sheet(raw)
    specs = [row(column_id, "ok1"), row(123, "bad"), row(column_id, "ok2")]
    reply = await raw.ss(
        "POST", f"/sheets/{sheet_id}/rows", params={"allowPartialSuccess": "true"}, json=specs
    )
    assert reply.status == 200
    body = reply.json()
    assert body["message"] == "PARTIAL_SUCCESS" and body["resultCode"] == 3
    assert [r["cells"][0]["value"] for r in body["result"]] == ["ok1", "ok2"]
    [failure] = body["failedItems"]
    assert failure["index"] == 1
    assert failure["error"]["errorCode"] == 1036 and failure["error"]["message"]
    assert await rows_of(raw, sheet_id) == ["ok1", "ok2"]


async def test_without_partial_success_one_bad_row_fails_the_request_and_changes_nothing(
    raw: Raw,
) -> None:
    # Partial Success: "the default behavior ... is to fail outright ... no objects are changed."
    sheet_id, column_id = await new_sheet(raw)
    specs = [row(column_id, "ok1"), row(123, "bad")]
    reply = await raw.ss("POST", f"/sheets/{sheet_id}/rows", json=specs)
    assert reply.status == 400
    assert_error(reply.json(), 1036)
    assert await rows_of(raw, sheet_id) == []


async def test_partial_update_names_the_failed_row_id(raw: Raw) -> None:
    sheet_id, column_id = await new_sheet(raw)
    added = (await raw.ss("POST", f"/sheets/{sheet_id}/rows", json=[row(column_id, "a")])).json()
    row_id = added["result"][0]["id"]
    specs = [
        {"id": row_id, "cells": [{"columnId": column_id, "value": "b"}]},
        {"id": 42, "cells": [{"columnId": column_id, "value": "c"}]},
    ]
    reply = await raw.ss(
        "PUT", f"/sheets/{sheet_id}/rows", params={"allowPartialSuccess": "true"}, json=specs
    )
    body = reply.json()
    assert body["resultCode"] == 3
    assert [(f["index"], f.get("rowId")) for f in body["failedItems"]] == [(1, 42)]
    assert await rows_of(raw, sheet_id) == ["b"]


async def test_ref_ids_never_repeat_the_token(raw: Raw) -> None:
    reply = await raw.call(
        "GET", raw.emu.smartsheet_url + "/sheets", headers={"Authorization": "Bearer secret-xyz"}
    )
    assert b"secret-xyz" not in reply.raw
    assert re.fullmatch(r"[0-9a-z]+", reply.json()["refId"])


async def test_an_expired_oauth_token_is_401_1003_and_a_refreshed_one_works(raw: Raw) -> None:
    # Error Codes: 401 / 1003 "Your Access Token has expired.", 400 / 1072 "Invalid hash
    # value."; the token request of seed 000 "OAuth Flow", ``hash`` being the SHA-256 of
    # "secret|code" (as smartsuite/smartsheet/oauth.py sends it).
    oauth = raw.emu.smartsheet.state.integrations.oauth
    oauth.register_app("app-1", "s3cret")
    code = oauth.authorize("app-1", ["READ_SHEETS"])
    digest = hashlib.sha256(f"s3cret|{code}".encode()).hexdigest()
    form = {"grant_type": "authorization_code", "client_id": "app-1", "code": code}
    issued = await raw.call(
        "POST", raw.emu.smartsheet_url + "/token", data={**form, "hash": digest}
    )
    tokens = issued.json()
    assert {"access_token", "refresh_token", "expires_in", "token_type"} <= set(tokens)
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await raw.call("GET", raw.emu.smartsheet_url + "/sheets", headers=bearer)).status == 200
    oauth.expire(tokens["access_token"])
    expired = await raw.call("GET", raw.emu.smartsheet_url + "/sheets", headers=bearer)
    assert expired.status == 401
    assert_error(expired.json(), 1003)
    refresh = tokens["refresh_token"]
    renewed = await raw.call(
        "POST",
        raw.emu.smartsheet_url + "/token",
        data={
            "grant_type": "refresh_token",
            "client_id": "app-1",
            "refresh_token": refresh,
            "hash": hashlib.sha256(f"s3cret|{refresh}".encode()).hexdigest(),
        },
    )
    fresh = {"Authorization": f"Bearer {renewed.json()['access_token']}"}
    assert (await raw.call("GET", raw.emu.smartsheet_url + "/sheets", headers=fresh)).status == 200
    unused = {**form, "code": oauth.authorize("app-1", ["READ_SHEETS"]), "hash": "0" * 64}
    bad_hash = await raw.call("POST", raw.emu.smartsheet_url + "/token", data=unused)
    assert bad_hash.status == 400
    assert_error(bad_hash.json(), 1072)


async def test_optional_bulk_post_ignores_existing_items_and_single_post_fails(raw: Raw) -> None:
    # Work at Scale, "Optional Bulk Operations": a single object gives a single result, an array
    # an array; a single POST of an existing object fails, a bulk POST omits existing ones.
    sheet_id, _ = await new_sheet(raw)
    favorite = {"type": "sheet", "objectId": sheet_id}
    single = await raw.ss("POST", "/favorites", json=favorite)
    assert single.json()["result"] == favorite
    again = await raw.ss("POST", "/favorites", json=favorite)
    assert again.status == 400
    assert_error(again.json(), 1129)
    bulk = await raw.ss("POST", "/favorites", json=[favorite])
    assert bulk.status == 200 and bulk.json()["result"] == []
    listed = (await raw.ss("GET", "/favorites")).json()
    assert listed["totalCount"] == 1


async def test_group_members_follow_the_optional_bulk_rule(raw: Raw) -> None:
    emails = ["a@example.com", "b@example.com"]
    for email in emails:
        assert (await raw.ss("POST", "/users", json={"email": email})).status == 200
    group = (await raw.ss("POST", "/groups", json={"name": "G"})).json()["result"]
    members = f"/groups/{group['id']}/members"
    one = await raw.ss("POST", members, json={"email": emails[0]})
    assert one.json()["result"]["email"] == emails[0]
    again = await raw.ss("POST", members, json={"email": emails[0]})
    assert again.status == 400
    assert_error(again.json(), 1129)
    bulk = await raw.ss("POST", members, json=[{"email": e} for e in emails])
    assert [m["email"] for m in bulk.json()["result"]] == [emails[1]]


@pytest.mark.parametrize(
    "location",
    [
        {"toTop": True, "toBottom": True},
        {"parentId": "P", "toTop": True},
        {"parentId": "P", "siblingId": "P"},
        {"siblingId": "P", "toBottom": True},
    ],
)
async def test_contradictory_row_locations_are_400_1062(raw: Raw, location: dict[str, Any]) -> None:
    # "Specify Row Location" (OpenAPI 2024): siblingId excludes parentId, toTop and toBottom;
    # only parentId + toBottom and siblingId + above combine.
    sheet_id, column_id = await new_sheet(raw)
    added = (await raw.ss("POST", f"/sheets/{sheet_id}/rows", json=[row(column_id, "p")])).json()
    parent = added["result"][0]["id"]
    cells = [{"columnId": column_id, "value": "c"}]
    spec = {k: parent if v == "P" else v for k, v in location.items()}
    reply = await raw.ss("POST", f"/sheets/{sheet_id}/rows", json=[{**spec, "cells": cells}])
    assert reply.status == 400
    assert_error(reply.json(), 1062)
    for allowed in ({"parentId": parent, "toBottom": True}, {"siblingId": parent, "above": True}):
        reply = await raw.ss("POST", f"/sheets/{sheet_id}/rows", json=[{**allowed, "cells": cells}])
        assert reply.status == 200
