"""Client construction: regions, environment fallbacks, path encoding and argument checks."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import ConfigurationError, DecodeError
from smartsuite.appsheet import REGIONS, AppSheetClient, Properties, region_url
from smartsuite.appsheet.tables import parse_action_response
from smartsuite.emulator import Emulator


@pytest.mark.parametrize(
    ("region", "url"),
    [
        ("global", "https://www.appsheet.com/api/v2"),
        ("eu", "https://eu.appsheet.com/api/v2"),
        ("asia-southeast", "https://asia-southeast.appsheet.com/api/v2"),
    ],
)
async def test_regions(region: str, url: str) -> None:
    assert region_url(region) == url
    async with AppSheetClient("app-1", "key", region=region) as client:
        assert client.base_url == url
        assert client._transport.url_for(client.action_path("People")) == (
            f"{url}/apps/app-1/tables/People/Action"
        )
    assert set(REGIONS) == {"global", "eu", "asia-southeast"}


async def test_default_region_and_unknown_region() -> None:
    async with AppSheetClient("a", "k") as client:
        assert client.base_url == "https://www.appsheet.com/api/v2"
    with pytest.raises(ConfigurationError, match="unknown region 'mars'"):
        AppSheetClient("a", "k", region="mars")


async def test_path_parts_are_url_encoded() -> None:
    async with AppSheetClient("my app/1", "k") as client:
        assert client.action_path("Orders & Items/ü?") == (
            "/apps/my%20app%2F1/tables/Orders%20%26%20Items%2F%C3%BC%3F/Action"
        )


async def test_environment_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPSHEET_APP_ID", "env-app")
    monkeypatch.setenv("APPSHEET_ACCESS_KEY", "env-key")
    async with AppSheetClient() as client:
        assert client.app_id == "env-app"
        assert "env-key" not in repr(client)
    monkeypatch.delenv("APPSHEET_APP_ID")
    with pytest.raises(ConfigurationError, match="APPSHEET_APP_ID"):
        AppSheetClient()
    monkeypatch.delenv("APPSHEET_ACCESS_KEY")
    with pytest.raises(ConfigurationError, match="APPSHEET_ACCESS_KEY"):
        AppSheetClient("app")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"batch_size": 0}, "batch_size"),
        ({"properties": {"Locale": "en-GB"}}, "Properties"),
        ({"base_url": "http://example.com/api/v2"}, "not https"),
        ({"bogus": 1}, "unknown client options"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        AppSheetClient("app", "key", **kwargs)  # type: ignore[arg-type]


async def test_bad_calls_fail_before_sending(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    no_key = appsheet_client.table("People")
    with pytest.raises(ConfigurationError, match="key="):
        await no_key.list(keys=["1"]).to_list()
    with pytest.raises(ConfigurationError, match="key="):
        await no_key.delete(["1"])
    people = appsheet_client.table("People", key="ID")
    with pytest.raises(ConfigurationError, match="row 1 has no value for the key column 'ID'"):
        await people.edit([{"ID": "a"}, {"Name": "b"}])
    with pytest.raises(ConfigurationError, match="action_name"):
        await people.invoke("", [{"ID": "a"}])
    with pytest.raises(ConfigurationError, match="mapping or an attrs instance"):
        await people.add(["not a row"])
    with pytest.raises(ConfigurationError, match="Properties"):
        await people.list(properties={"Locale": "en-GB"}).to_list()  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="table name"):
        appsheet_client.table("")
    assert smartsuite_emulator.appsheet.log == []


async def test_with_options_shares_the_app(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    view = appsheet_client.with_options(headers={"X-Job": "nightly"})
    assert view.app_id == appsheet_client.app_id
    assert await view.table("People").list().to_list() == []
    assert view.stats is appsheet_client.stats


def test_properties_merge() -> None:
    base = Properties(locale="en-US", timezone="UTC", extra={"A": 1})
    merged = base.merged(Properties(locale="en-GB", extra={"B": 2}))
    assert merged.to_wire() == {"A": 1, "B": 2, "Locale": "en-GB", "Timezone": "UTC"}
    assert base.merged(None) is base
    with pytest.raises(ConfigurationError, match="location"):
        Properties(location=(1.0,))  # type: ignore[arg-type]


def test_answer_shapes() -> None:
    assert parse_action_response([{"A": "1"}], b"").rows == [{"A": "1"}]
    both = parse_action_response({"Rows": [{"A": "1"}], "Warnings": "w"}, b"")
    assert both.rows == [{"A": "1"}] and both.warnings == ["w"]
    for bad in ({"rows": []}, [1], "x", None):
        with pytest.raises(DecodeError):
            parse_action_response(bad, b"x")
