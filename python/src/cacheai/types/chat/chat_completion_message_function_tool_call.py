"""API types mirroring `openai.types.chat.chat_completion_message_function_tool_call`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ChatCompletionMessageFunctionToolCall", "Function"]


class Function(BaseModel):
    arguments: str
    name: str


class ChatCompletionMessageFunctionToolCall(BaseModel):
    """A call to a function tool made by the model."""

    id: str
    function: Function
    type: Literal["function"]
