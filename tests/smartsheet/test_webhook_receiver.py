"""The webhook receiver: challenges, signatures, size bounds, change agents (no network)."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from smartsuite._core.auth import Secret
from smartsuite._core.errors import ConfigurationError
from smartsuite.smartsheet.models.webhooks import CallbackEvent
from smartsuite.smartsheet.webhooks import (
    Outcome,
    WebhookReceiver,
    chain_change_agent,
    is_own_change,
    parse_callback,
    sign,
    verify_signature,
)

SECRET = "s3cr3t-shared"
HOOK = 777


def callback_body(**extra: object) -> bytes:
    payload = {
        "nonce": "n-1",
        "timestamp": "2026-11-24T09:00:00Z",
        "webhookId": HOOK,
        "scope": "sheet",
        "scopeObjectId": 55,
        "events": [
            {
                "objectType": "cell",
                "eventType": "updated",
                "rowId": 10,
                "columnId": 20,
                "userId": 30,
                "changeAgent": "other-app,my-sync",
                "timestamp": "2026-11-24T08:59:59Z",
            },
            {"objectType": "row", "eventType": "created", "id": 11, "userid": 31},
        ],
        **extra,
    }
    return json.dumps(payload).encode()


def signature_of(body: bytes, secret: str = SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_sign_is_hex_hmac_sha256_of_the_raw_body() -> None:
    body = b'{"a": 1}'
    assert sign(SECRET, body) == signature_of(body)
    assert sign(Secret(SECRET), body) == signature_of(body)
    assert verify_signature(SECRET, body, signature_of(body).upper())
    assert not verify_signature(SECRET, body, None)
    assert not verify_signature(SECRET, body + b" ", signature_of(body))


def test_a_good_signature_yields_typed_events() -> None:
    receiver = WebhookReceiver({HOOK: SECRET}, change_agent="my-sync")
    body = callback_body()
    decision = receiver.handle({"smartsheet-hmac-sha256": signature_of(body)}, body)
    assert decision.outcome is Outcome.CALLBACK and decision.status == 200 and decision.accepted
    assert decision.webhook_id == HOOK
    callback = decision.callback
    assert callback is not None and callback.scope_object_id == 55 and callback.nonce == "n-1"
    cell, row = callback.events
    assert (cell.object_type, cell.event_type, cell.row_id, cell.column_id, cell.user_id) == (
        "cell",
        "updated",
        10,
        20,
        30,
    )
    assert cell.timestamp is not None and cell.timestamp.year == 2026
    assert (row.id, row.user_id) == (11, 31)  # the documented lower-case "userid" too
    assert receiver.is_own_change(cell) and not receiver.is_own_change(row)
    assert callback.events_not_caused_by("my-sync") == [row]


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({}, "missing Smartsheet-Hmac-SHA256 header"),
        ({"Smartsheet-Hmac-SHA256": "00" * 32}, "the signature does not match the body"),
        ({"Smartsheet-Hmac-SHA256": "not-hex"}, "the signature does not match the body"),
    ],
)
def test_missing_or_bad_signatures_are_refused(headers: dict[str, str], reason: str) -> None:
    decision = WebhookReceiver({HOOK: SECRET}).handle(headers, callback_body())
    assert decision.outcome is Outcome.REJECTED and decision.status == 401
    assert decision.reason == reason and decision.callback is None
    assert SECRET not in decision.body.decode()


def test_a_signature_made_with_another_secret_is_refused() -> None:
    body = callback_body()
    decision = WebhookReceiver(SECRET).handle(
        {"Smartsheet-Hmac-SHA256": signature_of(body, "old-secret")}, body
    )
    assert decision.status == 401


def test_a_tampered_body_is_refused() -> None:
    body = callback_body()
    signature = signature_of(body)
    tampered = body.replace(b'"scopeObjectId": 55', b'"scopeObjectId": 56')
    assert tampered != body
    decision = WebhookReceiver({HOOK: SECRET}).handle(
        {"Smartsheet-Hmac-SHA256": signature}, tampered
    )
    assert decision.status == 401


def test_callback_for_an_unknown_webhook_is_refused() -> None:
    body = callback_body(webhookId=999)
    decision = WebhookReceiver({HOOK: SECRET}).handle(
        {"Smartsheet-Hmac-SHA256": signature_of(body)}, body
    )
    assert (decision.status, decision.webhook_id) == (403, 999)


def test_the_challenge_is_echoed_in_header_and_body() -> None:
    body = json.dumps({"challenge": "abc123", "webhookId": HOOK}).encode()
    decision = WebhookReceiver({HOOK: SECRET}).handle({"Smartsheet-Hook-Challenge": "abc123"}, body)
    assert decision.outcome is Outcome.CHALLENGE and decision.status == 200
    assert decision.headers["Smartsheet-Hook-Response"] == "abc123"
    assert json.loads(decision.body) == {"smartsheetHookResponse": "abc123"}


def test_a_challenge_only_in_the_body_is_answered() -> None:
    body = json.dumps({"challenge": "xyz", "webhookId": HOOK}).encode()
    decision = WebhookReceiver(lambda i: SECRET if i == HOOK else None).handle({}, body)
    assert decision.outcome is Outcome.CHALLENGE
    assert decision.headers["Smartsheet-Hook-Response"] == "xyz"


def test_a_challenge_for_an_unknown_webhook_is_refused_when_ids_are_known() -> None:
    body = json.dumps({"challenge": "abc", "webhookId": 999}).encode()
    known = WebhookReceiver({HOOK: SECRET})
    decision = known.handle({"Smartsheet-Hook-Challenge": "abc"}, body)
    assert (decision.outcome, decision.status) == (Outcome.REJECTED, 403)
    assert "Smartsheet-Hook-Response" not in decision.headers
    # With one secret and no id list, any webhook's challenge is answered.
    assert WebhookReceiver(SECRET).handle({"Smartsheet-Hook-Challenge": "abc"}, body).accepted
    explicit = WebhookReceiver(SECRET, known_webhook_ids=[HOOK])
    assert explicit.handle({"Smartsheet-Hook-Challenge": "abc"}, body).status == 403


def test_a_signed_challenge_must_carry_the_right_signature() -> None:
    body = json.dumps({"challenge": "abc", "webhookId": HOOK}).encode()
    receiver = WebhookReceiver({HOOK: SECRET})
    good = {"Smartsheet-Hook-Challenge": "abc", "Smartsheet-Hmac-SHA256": signature_of(body)}
    assert receiver.handle(good, body).outcome is Outcome.CHALLENGE
    bad = {"Smartsheet-Hook-Challenge": "abc", "Smartsheet-Hmac-SHA256": "0" * 64}
    assert receiver.handle(bad, body).status == 401


def test_oversize_bodies_are_refused_before_parsing() -> None:
    receiver = WebhookReceiver({HOOK: SECRET}, max_body_bytes=64)
    decision = receiver.handle({}, b"{" + b" " * 100)  # not even JSON: size is checked first
    assert (decision.status, decision.outcome) == (413, Outcome.REJECTED)
    with pytest.raises(ConfigurationError, match="max_body_bytes"):
        WebhookReceiver(SECRET, max_body_bytes=0)


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"events": []}'])
def test_malformed_bodies_are_refused(body: bytes) -> None:
    decision = WebhookReceiver(SECRET).handle({"Smartsheet-Hmac-SHA256": sign(SECRET, body)}, body)
    assert decision.status == 400 and not decision.accepted


def test_a_signed_but_malformed_callback_is_a_400() -> None:
    body = json.dumps({"webhookId": HOOK, "events": "nope"}).encode()
    decision = WebhookReceiver({HOOK: SECRET}).handle(
        {"Smartsheet-Hmac-SHA256": signature_of(body)}, body
    )
    assert decision.status == 400 and decision.reason is not None


def test_status_change_callbacks_parse_without_events() -> None:
    callback = parse_callback(
        {"webhookId": 1, "scope": "sheet", "newWebhookStatus": "DISABLED_SCOPE_INACCESSIBLE"}
    )
    assert callback.events == [] and callback.new_webhook_status == "DISABLED_SCOPE_INACCESSIBLE"


def test_change_agent_helpers() -> None:
    assert is_own_change("a, my-sync ,b", "my-sync")
    assert not is_own_change("my-sync-2", "my-sync")
    assert not is_own_change(None, "my-sync") and not is_own_change("x", "")
    assert CallbackEvent(change_agent="my-sync").caused_by("my-sync")
    assert chain_change_agent(None, "me") == "me"
    assert chain_change_agent("other", "me") == "other,me"
    long_chain = chain_change_agent("x" * 600, "me")
    assert len(long_chain) == 512 and long_chain.endswith(",me")


def test_reprs_hold_no_secret() -> None:
    receiver = WebhookReceiver({HOOK: SECRET}, change_agent="me")
    body = callback_body()
    decision = receiver.handle({"Smartsheet-Hmac-SHA256": signature_of(body)}, body)
    for text in (repr(receiver), repr(decision), str(decision)):
        assert SECRET not in text
