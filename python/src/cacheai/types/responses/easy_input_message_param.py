"""API types mirroring `openai.types.responses.easy_input_message_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

from .response_custom_tool_call_output_param import OutputOutputContentList

__all__ = ["EasyInputMessageParam"]


class EasyInputMessageParam(TypedDict, total=False):
    content: Required[str | list[OutputOutputContentList]]
    role: Required[Literal["user", "assistant", "system", "developer"]]
    phase: Literal["commentary", "final_answer"] | None
    type: Literal["message"]
