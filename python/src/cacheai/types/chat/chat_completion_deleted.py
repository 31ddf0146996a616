"""API types mirroring `openai.types.chat.chat_completion_deleted`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ChatCompletionDeleted"]


class ChatCompletionDeleted(BaseModel):
    """The result of deleting a stored chat completion."""

    id: str
    deleted: bool
    object: Literal["chat.completion.deleted"]
