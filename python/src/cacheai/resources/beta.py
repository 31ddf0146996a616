"""``client.beta``: openai's beta namespace, for the part of it that is an alias of a stable resource."""

from __future__ import annotations

from functools import cached_property

from .._resource import SyncAPIResource
from .chat import Chat

__all__ = ["Beta"]


class Beta(SyncAPIResource):
    """``client.beta.chat`` is ``client.chat`` under its older name (``beta.chat.completions.parse(...)``), as in
    openai. openai's other beta resources (assistants, threads, realtime, chatkit, agents, beta responses) are not
    provided."""

    @cached_property
    def chat(self) -> Chat:
        return Chat(self._client)
