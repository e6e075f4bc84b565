"""The Smartsheet wire format: camelCase names, ISO or numeric dates."""

from __future__ import annotations

from .._core.serde import make_converter

CONVERTER = make_converter(camel_case=True)
