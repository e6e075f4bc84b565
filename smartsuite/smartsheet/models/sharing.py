"""Kept for one release: the share model lives in :mod:`.shares` (``Share`` is
:class:`~.shares.AssetShare`)."""

from .shares import AccessLevel, Share

__all__ = ["AccessLevel", "Share"]
