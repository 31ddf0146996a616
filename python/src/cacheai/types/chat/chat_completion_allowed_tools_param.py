"""API types mirroring `openai.types.chat.chat_completion_allowed_tools_param`."""

from collections.abc import Iterable
from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ChatCompletionAllowedToolsParam"]


class ChatCompletionAllowedToolsParam(TypedDict, total=False):
    mode: Required[Literal["auto", "required"]]
    tools: Required[Iterable[dict[str, object]]]
