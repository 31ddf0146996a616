"""API types mirroring `openai.types.chat.chat_completion_message_custom_tool_call`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ChatCompletionMessageCustomToolCall", "Custom"]


class Custom(BaseModel):
    input: str
    name: str


class ChatCompletionMessageCustomToolCall(BaseModel):
    """A call to a custom (free-form input) tool made by the model."""

    id: str
    custom: Custom
    type: Literal["custom"]
