"""No secret ever shows: representative calls of all three clients at DEBUG logging, errors
raised, reprs printed and tracebacks formatted, then every text searched for the Smartsheet
token, the RM token, the AppSheet access key, the OAuth client secret, access and refresh
tokens, and a webhook shared secret."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import pytest

from smartsuite._core.errors import SmartsuiteError
from smartsuite.appsheet import AppSheetClient
from smartsuite.emulator import Emulator
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.smartsheet import Column, OAuthApp, SmartsheetClient, SmartsheetOAuth
from smartsuite.smartsheet.webhooks import WebhookReceiver, sign
from smartsuite.testing import EMULATOR_RATE_LIMIT

CLIENT_ID = "reliability-app"
CLIENT_SECRET = "oauth-client-secret-7Q2w9"
WRONG = {
    "smartsheet": "wrong-smartsheet-token-ABC123",
    "rm": "wrong-rm-token-DEF456",
    "appsheet": "V2-wrong-appsheet-key-GHI789",
}
WEBHOOK_SECRET = "webhook-shared-secret-JKL012"


class Texts:
    """Everything a user could see: reprs, messages, tracebacks."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def show(self, *objects: Any) -> None:
        for obj in objects:
            self.items += [repr(obj), str(obj)]

    def error(self, exc: BaseException) -> None:
        self.items += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
        if isinstance(exc, SmartsuiteError):
            self.items += [repr(getattr(exc, "body", None)), repr(vars(exc))]

    async def expect_error(self, call: Any) -> None:
        with pytest.raises(SmartsuiteError) as info:
            await call
        self.error(info.value)


async def smartsheet_calls(emu: Emulator, seen: Texts) -> list[str]:
    """Returns the secrets it met (tokens issued by OAuth, the webhook secret)."""
    async with SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=EMULATOR_RATE_LIMIT
    ) as ss:
        sheet = await ss.sheets.create("Secrets", [Column(title="K", primary=True)])
        assert sheet.id is not None
        added = await ss.rows.add(sheet.id, [{"K": "a"}, {"K": "b"}])
        seen.show(ss, ss._transport, ss.sheets, ss.rows, ss.stats, sheet, added)
        await seen.expect_error(ss.sheets.get(1))
        await seen.expect_error(ss.rows.add(sheet.id, [{"Nope": 1}]))
        hook = await ss.webhooks.create("h", "https://hooks.example.com/cb", sheet.id)
        assert hook.id is not None
        seen.show(hook, await ss.webhooks.get(hook.id))
        met: list[Any] = [hook.shared_secret]
    async with SmartsheetClient(
        WRONG["smartsheet"], base_url=emu.smartsheet_url, assume_user="boss@example.com"
    ) as bad:
        seen.show(bad, bad._transport)
        await seen.expect_error(bad.sheets.list())

    emu.smartsheet.state.integrations.oauth.register_app(CLIENT_ID, CLIENT_SECRET)
    app = OAuthApp(CLIENT_ID, CLIENT_SECRET, redirect_uri="https://me.example/cb")
    code = emu.smartsheet.state.integrations.oauth.authorize(CLIENT_ID, ["READ_SHEETS"])
    async with SmartsheetOAuth(app, base_url=emu.smartsheet_url) as oauth:
        token = await oauth.exchange_code(code)
        renewed = await oauth.refresh(token)
        seen.show(app, oauth, token, renewed)
        await seen.expect_error(oauth.exchange_code(code))  # a code works once
        await seen.expect_error(oauth.refresh(token))  # the old refresh token is spent
    async with SmartsheetClient(renewed, oauth_app=app, base_url=emu.smartsheet_url) as user:
        seen.show(user, user._transport, await user.sheets.list())
    met += [code, token.access_token, token.refresh_token, renewed.access_token]
    met += [renewed.refresh_token]
    return [str(m.reveal() if hasattr(m, "reveal") else m) for m in met if m]


async def rm_calls(emu: Emulator, seen: Texts) -> None:
    async with ResourceManagementClient(
        emu.rm_token, base_url=emu.rm_url, rate_limit=EMULATOR_RATE_LIMIT
    ) as rm:
        user = await rm.users.create(first_name="Ada", last_name="Lovelace")
        seen.show(rm, rm._transport, rm.users, user, await rm.users.list().to_list())
        await seen.expect_error(rm.users.get(987654321))
    async with ResourceManagementClient(WRONG["rm"], base_url=emu.rm_url) as bad:
        seen.show(bad)
        await seen.expect_error(bad.users.list().to_list())


async def appsheet_calls(emu: Emulator, seen: Texts) -> None:
    async with AppSheetClient(
        emu.appsheet_app_id,
        emu.appsheet_access_key,
        base_url=emu.appsheet_url,
        rate_limit=EMULATOR_RATE_LIMIT,
    ) as app:
        people = app.table("People", key="ID")
        added = await people.add([{"ID": "s1", "Name": "Sam"}])
        seen.show(app, app._transport, people, added, await people.list().to_list())
        await seen.expect_error(app.table("NoSuchTable").list().to_list())
    async with AppSheetClient(
        emu.appsheet_app_id, WRONG["appsheet"], base_url=emu.appsheet_url
    ) as bad:
        seen.show(bad)
        await seen.expect_error(bad.table("People").list().to_list())


def webhook_receiver_use(seen: Texts) -> None:
    receiver = WebhookReceiver({42: WEBHOOK_SECRET}, change_agent="sync")
    body = b'{"webhookId": 42, "scopeObjectId": 1, "events": []}'
    good = receiver.handle({"Smartsheet-Hmac-SHA256": sign(WEBHOOK_SECRET, body)}, body)
    bad = receiver.handle({"Smartsheet-Hmac-SHA256": "00" * 32}, body)
    challenge = receiver.handle(
        {"Smartsheet-Hook-Challenge": "c-1"}, b'{"challenge": "c-1", "webhookId": 42}'
    )
    assert good.accepted and not bad.accepted and challenge.accepted
    seen.show(receiver, good, bad, challenge)


async def test_no_secret_appears_anywhere(
    smartsuite_emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    emu = smartsuite_emulator
    caplog.set_level(logging.DEBUG)  # every logger, aiohttp's included
    seen = Texts()
    met = await smartsheet_calls(emu, seen)
    await rm_calls(emu, seen)
    await appsheet_calls(emu, seen)
    webhook_receiver_use(seen)
    seen.items.append(caplog.text)
    seen.items += [r.getMessage() + repr(r.args) for r in caplog.records]
    blob = "\n".join(seen.items)

    # the texts are real: the calls were logged and the errors described
    assert "GET" in caplog.text and "POST" in caplog.text
    assert "1002" in blob or "invalid" in blob.lower()

    secrets = {
        "Smartsheet token": emu.smartsheet_token,
        "RM token": emu.rm_token,
        "AppSheet access key": emu.appsheet_access_key,
        "OAuth client secret": CLIENT_SECRET,
        "webhook shared secret": WEBHOOK_SECRET,
        **{f"wrong {k} credential": v for k, v in WRONG.items()},
        **{f"OAuth value #{i}": v for i, v in enumerate(met)},
    }
    assert len(met) >= 5  # webhook secret, code, two access and two refresh tokens
    leaked = [name for name, value in secrets.items() if value and value in blob]
    assert leaked == []
