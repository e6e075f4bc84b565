"""The AppSheet Action request: its path, its retry safety and the two shapes of its answer.

Every request is ``POST /apps/{appId}/tables/{table}/Action`` with ``{"Action", "Properties",
"Rows"}``. Find answers a bare JSON array; the other actions answer ``{"Rows": [...],
"Warnings": [...]}`` (both shapes are accepted from every action).
See https://support.google.com/appsheet/answer/10105770 and seed 003.
"""

from __future__ import annotations

from typing import Any

from .._core.errors import APIError, DecodeError
from .._core.paths import segment
from .models import ActionResponse

#: Actions whose repeat leaves the same state as sending them once: Find reads, Edit sets the
#: given values, Delete removes the given keys (seed 003, "Invoke the API"). Add and the
#: data-change actions are not: a repeat may add a second row or run an action twice.
IDEMPOTENT_ACTIONS = frozenset({"Find", "Edit", "Delete"})


def action_path(app_id: str, table: str) -> str:
    """The Action path of ``table`` in app ``app_id``, both URL-encoded.

    Raises:
        ConfigurationError: an empty app id or table name, ``.`` or ``..``.
    """
    app, name = segment(app_id, "app_id"), segment(table, "table name")
    return f"/apps/{app}/tables/{name}/Action"


def row_not_found(error: APIError) -> bool:
    """AppSheet's answer to a Delete of a key it does not hold (400 "Row having key ... not
    found")."""
    return error.status == 400 and "not found" in (error.message or "")


def parse_action_response(data: Any, body: bytes) -> ActionResponse:
    """Rows and warnings from either answer shape.

    Raises:
        DecodeError: neither a JSON array of row objects nor ``{"Rows": [...]}``.
    """
    warnings: Any = []
    if isinstance(data, list):
        rows = data
    elif isinstance(data, dict) and isinstance(data.get("Rows"), list):
        rows = data["Rows"]
        warnings = data.get("Warnings") or []
    else:
        raise DecodeError("expected a JSON array of rows or an object with 'Rows'", body=body)
    if not all(isinstance(r, dict) for r in rows):
        raise DecodeError("expected every row to be a JSON object", body=body)
    if not isinstance(warnings, list):
        warnings = [warnings]
    return ActionResponse(rows, [w if isinstance(w, str) else str(w) for w in warnings])


__all__ = ["IDEMPOTENT_ACTIONS", "action_path", "parse_action_response", "row_not_found"]
