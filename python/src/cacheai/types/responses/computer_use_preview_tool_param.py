"""API types mirroring `openai.types.responses.computer_use_preview_tool_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ComputerUsePreviewToolParam"]


class ComputerUsePreviewToolParam(TypedDict, total=False):
    display_height: Required[int]
    display_width: Required[int]
    environment: Required[Literal["windows", "mac", "linux", "ubuntu", "browser"]]
    type: Required[Literal["computer_use_preview"]]
