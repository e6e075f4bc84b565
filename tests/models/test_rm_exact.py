"""Exact Resource Management models over HTTP: a round trip sends only what changed (RM answers
are full of nulls, none of which go back), an assigned None is sent as null, and decoding is
faithful (no coercion; documented looser forms read on purpose; misfits kept and reported)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from smartsuite import ConfigurationError, DecodeError
from smartsuite._core.config import RateLimitConfig
from smartsuite._core.serde import strict_decoding
from smartsuite.emulator import Emulator
from smartsuite.resource_management import ResourceManagementClient

from ..core.support import Answer, ScriptedServer, server  # noqa: F401

FAST = RateLimitConfig(rate=100_000, per=1, burst=1_000, slow_down_remaining=1)


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        yield emulator


@pytest_asyncio.fixture
async def rm(emu: Emulator) -> AsyncIterator[ResourceManagementClient]:
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url, rate_limit=FAST) as c:
        yield c


async def test_save_sends_only_what_changed(emu: Emulator, rm: ResourceManagementClient) -> None:
    made = await rm.users.create(first_name="Ada", last_name="Lovelace", mobile_phone="555")
    user = await rm.users.get(made.id)
    assert user.office_phone is None  # a null the server sent
    user.role = "Lead"
    saved = await rm.users.save(user)
    sent = emu.rm.log[-1]
    assert (sent.method, sent.path) == ("PUT", f"/users/{made.id}")
    assert sent.json() == {"role": "Lead"}
    assert saved.role == "Lead" and saved.mobile_phone == "555"
    saved.mobile_phone = None  # assigned None: sent as null, clearing it
    cleared = await rm.users.save(saved)
    assert emu.rm.log[-1].json() == {"mobile_phone": None}
    assert cleared.mobile_phone is None and cleared.role == "Lead"


async def test_save_refuses_a_field_update_cannot_change(rm: ResourceManagementClient) -> None:
    project = await rm.projects.create(name="Harbour")
    project = await rm.projects.get(project.id)
    project.name = "Harbour II"
    assert (await rm.projects.save(project)).name == "Harbour II"
    project.thumbnail = "x.png"
    with pytest.raises(ConfigurationError, match="thumbnail"):
        await rm.projects.save(project)


USER = {
    "id": 7,
    "first_name": "Ada",
    "billable": "false",  # a string in a boolean field: kept, reported, never True
    "user_type_id": 1.9,  # a float in an integer field: kept, never 1
    "billability_target": 80,  # a JSON integer in a number field: read as 80.0
    "hire_date": "2020-01-01T10:30:00Z",  # a timestamp in a date field: kept whole
    "user_settings": 1376392,  # documented "string reserved", sent as a number
    "license_type": "enterprise_seat",  # an enum value we do not know: kept as text
    "brand_new_field": {"a": 1},
}


async def test_faithful_decoding_over_http(server: ScriptedServer) -> None:  # noqa: F811
    server.script(Answer(body=USER), Answer(body=USER), Answer(body={**USER, "id": "7"}))
    async with ResourceManagementClient("t", base_url=server.url, rate_limit=FAST) as rm:
        user = await rm.users.get(7)
        assert user.billable == "false" and user.user_type_id == 1.9
        assert type(user.billability_target) is float and user.billability_target == 80.0
        assert user.hire_date == "2020-01-01T10:30:00Z" and user.user_settings == 1376392
        assert user.license_type == "enterprise_seat"
        assert user.extra == {"brand_new_field": {"a": 1}}
        assert {(i.field, i.value) for i in user.decode_issues} == {
            ("billable", "false"),
            ("user_type_id", 1.9),
            ("hire_date", "2020-01-01T10:30:00Z"),
        }
        with pytest.raises(TypeError):
            user.extra["x"] = 1  # type: ignore[index]
        with (
            strict_decoding(),
            pytest.raises(
                DecodeError,
                match=r"User\.user_type_id: expected an integer, got float \(got 1\.9\)",
            ),
        ):
            await rm.users.get(7)
        with pytest.raises(DecodeError, match=r"User\.id"):
            await rm.users.get(7)  # an identity never decodes loosely


async def test_a_bill_rate_timestamp_keeps_its_time(server: ScriptedServer) -> None:  # noqa: F811
    rate = {"id": 1, "rate": 100, "starts_at": "2013-09-27T08:00:00Z", "ends_at": "2013-10-01"}
    server.script(Answer(body={"data": [rate], "paging": {"next": None}}))
    async with ResourceManagementClient("t", base_url=server.url, rate_limit=FAST) as rm:
        (got,) = await rm.bill_rates.list(5).to_list()
    assert got.starts_at == dt.datetime(2013, 9, 27, 8, tzinfo=dt.UTC)
    assert got.ends_at == dt.date(2013, 10, 1) and got.rate == 100.0
