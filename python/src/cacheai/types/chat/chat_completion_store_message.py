"""API types mirroring `openai.types.chat.chat_completion_store_message`."""

from typing import TypeAlias

from .chat_completion_content_part_image import ChatCompletionContentPartImage
from .chat_completion_content_part_text import ChatCompletionContentPartText
from .chat_completion_message import ChatCompletionMessage

__all__ = ["ChatCompletionStoreMessage", "ChatCompletionStoreMessageContentPart"]


ChatCompletionStoreMessageContentPart: TypeAlias = ChatCompletionContentPartText | ChatCompletionContentPartImage


class ChatCompletionStoreMessage(ChatCompletionMessage):
    """A message of a stored chat completion."""

    id: str
    content_parts: list[ChatCompletionStoreMessageContentPart] | None = None
