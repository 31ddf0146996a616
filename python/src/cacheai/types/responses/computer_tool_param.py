"""API types mirroring `openai.types.responses.computer_tool_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ComputerToolParam"]


class ComputerToolParam(TypedDict, total=False):
    type: Required[Literal["computer"]]
