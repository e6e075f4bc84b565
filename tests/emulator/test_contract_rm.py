"""The emulated Resource Management API against its documented wire forms, over raw HTTP.

Sources (seed 002, RM / 10,000ft API v1): "Collections & Objects" and "Pagination" (the
``data`` / ``paging`` envelope, per_page default 20), "Optional Fields" (nested collections
sized like the parent), "Authentication" (``auth`` header or query parameter), "Error
Handling" (``{"message": ...}``), "Throttling & Rate-Limiting" (429 and X-RateLimit-*).
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import Raw

PAGING_KEYS = {"per_page", "page", "previous", "self", "next"}


async def add_users(raw: Raw, count: int) -> list[int]:
    ids = []
    for n in range(count):
        reply = await raw.rm("POST", "/users", json={"first_name": f"F{n}", "last_name": "L"})
        assert reply.status == 200, reply.raw
        ids.append(reply.json()["id"])
    return ids


def query_of(link: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link).query)


async def test_collection_envelope_and_default_page_size(raw: Raw) -> None:
    await add_users(raw, 21)
    reply = await raw.rm("GET", "/users")
    assert reply.status == 200 and reply.content_type == "application/json"
    body = reply.json()
    assert set(body) == {"data", "paging"}
    paging = body["paging"]
    assert set(paging) == PAGING_KEYS
    assert paging["per_page"] == 20 and paging["page"] == 1 and paging["previous"] is None
    assert len(body["data"]) == 20
    # Links are relative to the host root, like the seed's "/api/v1/users?...".
    assert paging["self"].startswith(raw.emu.rm_url.removeprefix(raw.emu.url) + "/users?")
    assert query_of(paging["next"])["page"] == ["2"]


async def test_following_next_links_visits_every_record_once(raw: Raw) -> None:
    ids = await add_users(raw, 7)
    seen: list[int] = []
    link: str | None = raw.emu.rm_url.removeprefix(raw.emu.url) + "/users?per_page=3"
    pages = []
    while link is not None:
        body = (await raw.call("GET", raw.emu.url + link, headers=raw.rm_auth)).json()
        seen += [u["id"] for u in body["data"]]
        pages.append((body["paging"]["page"], body["paging"]["per_page"]))
        if body["paging"]["page"] > 1:
            assert query_of(body["paging"]["previous"])["page"] == [str(body["paging"]["page"] - 1)]
        link = body["paging"]["next"]
    assert seen == ids
    assert pages == [(1, 3), (2, 3), (3, 3)]


async def test_query_token_works_and_is_never_echoed_in_links(raw: Raw) -> None:
    await add_users(raw, 3)
    url = raw.emu.rm_url + "/users"
    reply = await raw.call("GET", url, params={"auth": raw.emu.rm_token, "per_page": "1"})
    assert reply.status == 200
    paging = reply.json()["paging"]
    assert raw.emu.rm_token.encode() not in reply.raw
    assert "auth" not in query_of(paging["next"])


@pytest.mark.parametrize("headers", [{}, {"auth": "wrong"}])
async def test_missing_or_wrong_token_is_401_with_a_message(
    raw: Raw, headers: dict[str, str]
) -> None:
    reply = await raw.call("GET", raw.emu.rm_url + "/users", headers=headers)
    assert reply.status == 401
    body = reply.json()
    assert set(body) == {"message"} and body["message"]
    assert b"wrong" not in reply.raw


async def test_errors_are_json_messages(raw: Raw) -> None:
    # "HTTP/1.1 400 Bad Request { "message" : "The request body had invalid json" }"
    bad = await raw.rm(
        "POST", "/users", data=b"{nope", headers={"Content-Type": "application/json"}
    )
    assert bad.status == 400 and bad.json() == {"message": "The request body had invalid json"}
    missing = await raw.rm("GET", "/users/999999")
    assert missing.status == 404 and set(missing.json()) == {"message"}
    # "Unless otherwise noted, the API always responds with JSON": unrouted paths too.
    unknown = await raw.rm("GET", "/no_such_collection")
    assert unknown.status == 404 and set(unknown.json()) == {"message"}
    wrong_method = await raw.rm("PATCH", "/users")
    assert wrong_method.status == 405 and set(wrong_method.json()) == {"message"}


async def test_nested_collections_are_paged_like_the_parent(raw: Raw) -> None:
    [user_id] = await add_users(raw, 1)
    for value in ("a", "b", "c"):
        tagged = await raw.rm("POST", f"/users/{user_id}/tags", json={"value": value})
        assert tagged.status == 200
    body = (await raw.rm("GET", "/users", params={"fields": "tags", "per_page": "2"})).json()
    tags = body["data"][0]["tags"]
    assert set(tags) == {"data", "paging"} and set(tags["paging"]) == PAGING_KEYS
    assert [t["value"] for t in tags["data"]] == ["a", "b"]
    assert tags["paging"]["per_page"] == 2
    assert query_of(tags["paging"]["next"])["page"] == ["2"]


async def test_429_carries_the_rate_limit_headers(raw: Raw) -> None:
    faults = raw.emu.rm.faults
    faults.rate_limit, faults.burst = 1.0, 2
    first = await raw.rm("GET", "/users")
    assert first.status == 200
    assert first.headers["X-RateLimit-Limit"] == "60"
    assert first.headers["X-RateLimit-Remaining"] == "1"
    second = await raw.rm("GET", "/users")
    assert second.headers["X-RateLimit-Remaining"] == "0"
    before = time.time()
    limited = await raw.rm("GET", "/users")
    assert limited.status == 429
    assert set(limited.json()) == {"message"}
    assert limited.headers["X-RateLimit-Remaining"] == "0"
    assert limited.headers["X-RateLimit-Limit"] == "60"
    # "the time at which the current rate limit window resets in UTC epoch seconds"
    reset = int(limited.headers["X-RateLimit-Reset"])
    assert before <= reset <= before + 3


@pytest.mark.parametrize(
    ("params", "expect"),
    [({"per_page": "abc"}, 400), ({"page": "x"}, 400), ({"per_page": "5000"}, 200)],
)
async def test_paging_values_are_checked_and_capped(
    raw: Raw, params: dict[str, str], expect: int
) -> None:
    reply = await raw.rm("GET", "/users", params=params)
    assert reply.status == expect
    body: Any = reply.json()
    if expect == 200:
        assert body["paging"]["per_page"] == 1000
    else:
        assert set(body) == {"message"}
