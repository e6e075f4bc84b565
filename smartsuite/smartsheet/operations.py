"""The operation table: which client method performs each Smartsheet API operation.

Built from the ``@operation`` tags on the resource classes reachable from
:class:`SmartsheetClient`'s namespaces, so it cannot drift from the code, and checked against
the 2026 operation list in :mod:`.api_2026` (status per operation: same, changed, new,
deprecated; removed operations are listed apart with the method that replaces them). Run
``python -m smartsuite.smartsheet.operations`` to print the markdown kept in the README.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import NamedTuple

from .._core.namespaces import Namespace
from . import api_2026
from ._resource import SmartsheetResource
from .client import SmartsheetClient


class Operation(NamedTuple):
    """One tagged operation: its operationId, HTTP method, path template and client method."""

    operation_id: str
    method: str
    path: str
    client_method: str


def _namespaces() -> Iterator[tuple[str, type[SmartsheetResource]]]:
    """The client's namespaces (name, resource class) in definition order."""
    for name, attr in vars(SmartsheetClient).items():
        if isinstance(attr, Namespace):
            cls = attr.resource_class()
            if isinstance(cls, type) and issubclass(cls, SmartsheetResource):
                yield name, cls


def operations() -> list[Operation]:
    """Every tagged operation of the client, sorted by path then method.

    A method reachable from two namespaces is listed under the first one found in the
    client's definition order.
    """
    found: dict[str, Operation] = {}
    for name, cls in _namespaces():
        for method_name, member in inspect.getmembers(cls):
            tag = getattr(member, "__smartsheet_operation__", None)
            if tag is None:
                continue
            operation_id, http_method, path = tag
            if operation_id not in found:
                found[operation_id] = Operation(
                    operation_id, http_method, path, f"ss.{name}.{method_name}"
                )
    return sorted(found.values(), key=lambda o: (o.path, o.method, o.operation_id))


def tag_counts() -> dict[str, int]:
    """operationId -> how many distinct functions carry its tag (should be 1 each)."""
    counts: dict[str, int] = {}
    seen: set[int] = set()
    for _, cls in _namespaces():
        for _, member in inspect.getmembers(cls):
            tag = getattr(member, "__smartsheet_operation__", None)
            if tag is not None and id(member) not in seen:
                seen.add(id(member))
                counts[tag[0]] = counts.get(tag[0], 0) + 1
    return counts


def markdown_table() -> str:
    """The operation table as markdown (operationId | method | path | status | client method),
    then the operations removed on 2026-06-03 and what their old methods call now."""
    status = {o.operation_id: o.status for o in api_2026.OPERATIONS}
    lines = [
        "| operationId | method | path | status | client method |",
        "| --- | --- | --- | --- | --- |",
    ]
    for op in operations():
        mark = status.get(op.operation_id, "?")
        mark = "**deprecated**" if mark == "deprecated" else mark
        lines.append(
            f"| `{op.operation_id}` | {op.method} | `{op.path}` | {mark} | `{op.client_method}` |"
        )
    lines += [
        "",
        f"Removed from the API on {api_2026.SUNSET} (the old client methods warn and call the "
        "replacement):",
        "",
        "| operationId | method | path | replacement |",
        "| --- | --- | --- | --- |",
    ]
    for gone in sorted(api_2026.removed().values(), key=lambda o: (o.path, o.method)):
        instead = f"`{gone.replacement}`" if gone.replacement else "none named by Smartsheet"
        lines.append(f"| `{gone.operation_id}` | {gone.method} | `{gone.path}` | {instead} |")
    return "\n".join(lines) + "\n"


__all__ = ["Operation", "markdown_table", "operations", "tag_counts"]


if __name__ == "__main__":
    print(markdown_table(), end="")
