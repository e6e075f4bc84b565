"""What copying and moving containers, sheets and dashboards share: the ContainerDestination
body."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from ..models.containers import DestinationType
from ._params import path_id

_DESTINATIONS = {t.value for t in DestinationType}


def destination(
    destination_type: str, destination_id: int | None, new_name: str | None = None
) -> dict[str, Any]:
    """A ContainerDestination body; ``home`` takes no id, ``folder``/``workspace`` need one.

    The type is checked in any case (``Folder`` is ``folder``) and sent as the caller spelled
    it (Smartsheet's SDK conformance scenarios send the type in the case the caller used).
    """
    given = str(destination_type)
    kind = given.lower()
    if kind not in _DESTINATIONS:
        raise ConfigurationError(
            f"destination_type must be one of {sorted(_DESTINATIONS)}, not {destination_type!r}"
        )
    body: dict[str, Any] = {"destinationType": given}
    if kind == DestinationType.HOME:
        if destination_id is not None:
            raise ConfigurationError("destination_type='home' takes no destination_id")
    else:
        body["destinationId"] = path_id(destination_id, "destination_id")
    if new_name is not None:
        if not new_name.strip():
            raise ConfigurationError("new_name must not be empty")
        body["newName"] = new_name
    return body


def sent_destination(
    destination_type: str,
    destination_id: int | None,
    new_name: str | None = None,
    kinds: tuple[str, ...] = ("folder", "workspace", "home"),
) -> dict[str, Any]:
    """The destination body of sheet and dashboard copies and moves: the type is checked lower
    case and sent as given; unlike :func:`destination`, an id given with ``home`` is sent."""
    kind = destination_type.lower()
    if kind not in kinds:
        raise ConfigurationError(f"destination_type must be one of {kinds}, got {kind!r}")
    if kind != "home" and destination_id is None:
        raise ConfigurationError(f"a {kind} destination needs destination_id")
    body: dict[str, Any] = {"destinationType": destination_type}
    if destination_id is not None:
        body["destinationId"] = path_id(destination_id, "destination_id")
    if new_name is not None:
        body["newName"] = new_name
    return body


def name_body(name: str, what: str) -> dict[str, Any]:
    """``{"name": name}`` for creating or renaming, refusing empty names."""
    if not isinstance(name, str) or not name.strip():
        raise ConfigurationError(f"a {what} needs a non-empty name")
    return {"name": name}


def copy_params(
    include: Sequence[str] | None,
    skip_remap: Sequence[str] | None,
    exclude: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Query parameters of the copy operations."""
    return {"include": include, "skipRemap": skip_remap, "exclude": exclude}
