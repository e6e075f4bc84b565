"""ss.webhooks over HTTP, and the full loop: the emulator runs the verification handshake
against a loopback receiver built on WebhookReceiver, then delivers signed callbacks."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp import web

from smartsuite._core.errors import (
    BadRequestError,
    ConfigurationError,
    NotFoundError,
    PermissionDeniedError,
)
from smartsuite.emulator import Emulator
from smartsuite.emulator.smartsheet.webhooks import deliver_callback
from smartsuite.smartsheet import SmartsheetClient, Webhook
from smartsuite.smartsheet.webhooks import Outcome, WebhookDecision, WebhookReceiver

from .reports_helpers import check, emu, last, people_sheet, ss  # noqa: F401 (fixtures)


class Endpoint:
    """A loopback callback URL whose answers come from a WebhookReceiver."""

    def __init__(self) -> None:
        self.secrets: dict[int, str] = {}
        self.decisions: list[WebhookDecision] = []
        self.receiver = WebhookReceiver(self.secret, change_agent="my-sync")
        self.url = ""

    def secret(self, webhook_id: int) -> str | None:
        return self.secrets.get(webhook_id)

    async def handle(self, request: web.Request) -> web.Response:
        decision = self.receiver.handle(request.headers, await request.read())
        self.decisions.append(decision)
        return web.Response(status=decision.status, headers=decision.headers, body=decision.body)


@pytest_asyncio.fixture
async def endpoint() -> AsyncIterator[Endpoint]:
    target = Endpoint()
    app = web.Application()
    app.router.add_post("/hook", target.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    target.url = f"http://127.0.0.1:{port}/hook"
    yield target
    await runner.cleanup()


async def test_create_get_list_update_delete(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await people_sheet(ss, "Watched", [])
    hook = await ss.webhooks.create("sync", "https://example.com/hook", sheet, column_ids=[11, 12])
    check(
        last(emu),
        "POST",
        "/webhooks",
        body={
            "name": "sync",
            "callbackUrl": "https://example.com/hook",
            "scope": "sheet",
            "scopeObjectId": sheet,
            "events": ["*.*"],
            "version": 1,
            "subscope": {"columnIds": [11, 12]},
        },
    )
    assert isinstance(hook, Webhook) and hook.id is not None
    assert (hook.enabled, hook.status) == (False, "NEW_NOT_VERIFIED")
    assert hook.shared_secret and hook.shared_secret not in repr(hook)
    assert hook.subscope is not None and hook.subscope.column_ids == [11, 12]

    got = await ss.webhooks.get(hook.id)
    check(last(emu), "GET", f"/webhooks/{hook.id}")
    assert got.shared_secret == hook.shared_secret
    listed = [h.id async for h in ss.webhooks.list(page_size=50)]
    check(last(emu), "GET", "/webhooks", {"page": "1", "pageSize": "50"})
    assert listed == [hook.id]

    # Off loopback the emulator cannot reach the URL; it assumes the handshake passes.
    enabled = await ss.webhooks.update(hook.id, enabled=True, name="sync2")
    check(last(emu), "PUT", f"/webhooks/{hook.id}", body={"enabled": True, "name": "sync2"})
    assert (enabled.enabled, enabled.status, enabled.name) == (True, "ENABLED", "sync2")
    disabled = await ss.webhooks.update(hook.id, enabled=False)
    assert (disabled.enabled, disabled.status) == (False, "DISABLED_BY_OWNER")
    emu.smartsheet.state.integrations.accept_remote_callbacks = False
    failed = await ss.webhooks.update(hook.id, enabled=True)
    assert (failed.enabled, failed.status) == (False, "DISABLED_VERIFICATION_FAILED")

    secret = await ss.webhooks.reset_shared_secret(hook.id)
    check(last(emu), "POST", f"/webhooks/{hook.id}/resetSharedSecret")
    assert secret and secret != hook.shared_secret
    assert (await ss.webhooks.get(hook.id)).shared_secret == secret

    deleted = await ss.webhooks.delete(hook.id)
    check(last(emu), "DELETE", f"/webhooks/{hook.id}")
    assert deleted.result_code == 0
    with pytest.raises(NotFoundError):
        await ss.webhooks.get(hook.id)


async def test_webhook_errors(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await people_sheet(ss, "Watched", [])
    with pytest.raises(BadRequestError) as insecure:
        await ss.webhooks.create("x", "http://example.com/hook", sheet)
    assert insecure.value.code == 1152
    with pytest.raises(NotFoundError) as no_sheet:
        await ss.webhooks.create("x", "https://example.com/hook", 12345)
    assert no_sheet.value.code == 1151
    with pytest.raises(ConfigurationError, match="callback_url"):
        await ss.webhooks.create("x", "/relative", sheet)
    with pytest.raises(ConfigurationError, match="nothing to update"):
        await ss.webhooks.update(1)
    hook = await ss.webhooks.create("x", "https://example.com/hook", sheet)
    assert hook.id is not None
    emu.smartsheet.state.integrations.webhooks[hook.id]["status"] = "DISABLED_APP_REVOKED"
    with pytest.raises(PermissionDeniedError) as revoked:
        await ss.webhooks.update(hook.id, enabled=True)
    assert revoked.value.code == 1153


async def test_handshake_and_signed_callbacks_end_to_end(
    ss: SmartsheetClient,  # noqa: F811
    emu: Emulator,  # noqa: F811
    endpoint: Endpoint,
) -> None:
    sheet = await people_sheet(ss, "Watched", [])
    hook = await ss.webhooks.create("loop", endpoint.url, sheet)
    assert hook.id is not None and hook.shared_secret is not None

    # Unknown to the receiver: the challenge is refused and the webhook stays disabled.
    refused = await ss.webhooks.update(hook.id, enabled=True)
    assert refused.status == "DISABLED_VERIFICATION_FAILED"
    assert endpoint.decisions[-1].status == 403

    endpoint.secrets[hook.id] = hook.shared_secret
    enabled = await ss.webhooks.update(hook.id, enabled=True)
    assert enabled.status == "ENABLED"
    assert endpoint.decisions[-1].outcome is Outcome.CHALLENGE
    assert emu.smartsheet.state.integrations.deliveries[-1] == (hook.id, "challenge", 200)

    hooks = emu.smartsheet.state.integrations
    events = [
        {"objectType": "row", "eventType": "created", "id": 5, "changeAgent": "my-sync"},
        {"objectType": "cell", "eventType": "updated", "rowId": 5, "columnId": 6},
    ]
    assert await deliver_callback(hooks, hook.id, events) == 200
    decision = endpoint.decisions[-1]
    assert decision.outcome is Outcome.CALLBACK and decision.callback is not None
    assert decision.callback.scope_object_id == sheet
    own, theirs = decision.callback.events
    assert endpoint.receiver.is_own_change(own) and not endpoint.receiver.is_own_change(theirs)
    stats = (await ss.webhooks.get(hook.id)).stats
    assert stats is not None and stats.last_successful_callback is not None

    # After a secret reset, callbacks signed with the new secret fail until we learn it.
    new_secret = await ss.webhooks.reset_shared_secret(hook.id)
    assert await deliver_callback(hooks, hook.id, events) == 401
    endpoint.secrets[hook.id] = new_secret
    assert await deliver_callback(hooks, hook.id, events) == 200


async def test_writes_carry_the_change_agent_and_reads_do_not() -> None:
    seen: list[tuple[str, str | None]] = []

    async def record(request: web.Request) -> web.Response:
        seen.append((request.method, request.headers.get("Smartsheet-Change-Agent")))
        if request.method == "GET":
            return web.json_response({"pageNumber": 1, "totalPages": 1, "data": []})
        return web.json_response({"resultCode": 0, "result": {"id": 1, "name": "a"}})

    app = web.Application()
    app.router.add_route("*", "/2.0/webhooks", record)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}/2.0"
    try:
        async with SmartsheetClient("t", base_url=base, change_agent="my-sync") as client:
            await client.webhooks.create("a", "https://example.com/h", 7)
            await client.webhooks.list()
    finally:
        await runner.cleanup()
    assert seen == [("POST", "my-sync"), ("GET", None)]


async def test_sheet_changes_send_callbacks_that_name_the_change_agent(
    emu: Emulator,  # noqa: F811
    endpoint: Endpoint,
) -> None:
    async with (
        SmartsheetClient(
            emu.smartsheet_token, base_url=emu.smartsheet_url, change_agent="my-sync"
        ) as ours,
        SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as theirs,
    ):
        sheet = await people_sheet(theirs, "Shared", [])
        hook = await theirs.webhooks.create("loop", endpoint.url, sheet)
        assert hook.id is not None and hook.shared_secret is not None
        endpoint.secrets[hook.id] = hook.shared_secret
        assert (await theirs.webhooks.update(hook.id, enabled=True)).status == "ENABLED"

        mine = await ours.rows.add(sheet, [{"Name": "from us"}])
        other = await theirs.rows.add(sheet, [{"Name": "from someone else"}])
        await emu.smartsheet.state.integrations.settle()

    callbacks = [d.callback for d in endpoint.decisions if d.callback is not None]
    events = [e for c in callbacks for e in c.events]
    assert [(e.object_type, e.event_type) for e in events] == [("row", "created")] * 2
    by_row = {e.id: e for e in events}
    our_row, their_row = mine.values()[0].id, other.values()[0].id
    assert endpoint.receiver.is_own_change(by_row[our_row])
    assert not endpoint.receiver.is_own_change(by_row[their_row])
    assert by_row[our_row].change_agent == "my-sync" and by_row[their_row].change_agent is None
