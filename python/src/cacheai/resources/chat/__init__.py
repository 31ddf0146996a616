"""``client.chat``."""

from __future__ import annotations

from functools import cached_property

from ..._resource import SyncAPIResource
from .completions import Completions, Messages

__all__ = ["Chat", "Completions", "Messages"]


class Chat(SyncAPIResource):
    @cached_property
    def completions(self) -> Completions:
        return Completions(self._client)
