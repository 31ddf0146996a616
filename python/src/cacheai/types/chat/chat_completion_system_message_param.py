"""API types mirroring `openai.types.chat.chat_completion_system_message_param`."""

from collections.abc import Iterable
from typing import Literal

from typing_extensions import Required, TypedDict

from .chat_completion_content_part_text_param import ChatCompletionContentPartTextParam

__all__ = ["ChatCompletionSystemMessageParam"]


class ChatCompletionSystemMessageParam(TypedDict, total=False):
    content: Required[str | Iterable[ChatCompletionContentPartTextParam]]
    role: Required[Literal["system"]]
    name: str
