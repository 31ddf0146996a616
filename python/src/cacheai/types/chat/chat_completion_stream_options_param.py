"""API types mirroring `openai.types.chat.chat_completion_stream_options_param`."""

from typing_extensions import TypedDict

__all__ = ["ChatCompletionStreamOptionsParam"]


class ChatCompletionStreamOptionsParam(TypedDict, total=False):
    include_obfuscation: bool
    include_usage: bool
