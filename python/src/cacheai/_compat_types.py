"""The top-level type names of cacheai 0.2.0 (``from cacheai import ChatCompletion, ..., ModelList``)."""

from __future__ import annotations

from typing import Literal

from ._models import BaseModel
from .types.chat.chat_completion import ChatCompletion
from .types.chat.chat_completion_chunk import ChatCompletionChunk
from .types.chat.chat_completion_message import ChatCompletionMessage
from .types.completion import Completion
from .types.model import Model

__all__ = ["ChatCompletion", "ChatCompletionChunk", "ChatMessage", "Completion", "Model", "ModelList"]

ChatMessage = ChatCompletionMessage


class ModelList(BaseModel):
    """A ``GET /models`` answer as one object (0.2.0's type; ``client.models.list()`` returns a page)."""

    object: Literal["list"] = "list"
    data: list[Model]
