"""``rm.webhooks``: register and remove webhooks (they cannot be updated)."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..._core.errors import ConfigurationError
from ..._core.paging import AsyncPaginator
from .._operation import operation
from .._resource import RMResource, choice
from ..models.settings import Webhook, WebhookEventType

EVENT_TYPES = tuple(e.value for e in WebhookEventType)


class Webhooks(RMResource):
    @operation("webhooks", "GET", "/api/v1/webhooks")
    def list(
        self, *, page_size: int | None = None, per_page: int | None = None
    ) -> AsyncPaginator[Webhook]:
        """Walk the organisation's webhooks."""
        return self._pages(cast_to=Webhook, page_size=page_size)

    @operation("webhooks", "POST", "/api/v1/webhooks")
    async def create(self, event_type: str, url: str) -> Webhook:
        """Register a webhook (at most 10 per event type).

        Args:
            event_type: ``project.created``, ``time.entry.updated`` ... (:class:`WebhookEventType`).
            url: an https URL with a host.

        Raises:
            ConfigurationError: an unknown event type or a URL that is not https.
            BadRequestError: the event type already has 10 webhooks.
        """
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise ConfigurationError(f"a webhook url must be https with a host, got {url!r}")
        body = {"event_type": choice(event_type, EVENT_TYPES, "event_type"), "url": url}
        return await self._object(cast_to=Webhook, body=body)

    @operation("webhooks", "DELETE", "/api/v1/webhooks/{webhook_id}")
    async def delete(self, webhook_id: int) -> None:
        """Remove a webhook."""
        await self._no_content()
