"""API types mirroring `openai.types.responses.response_computer_tool_call_output_screenshot_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ResponseComputerToolCallOutputScreenshotParam"]


class ResponseComputerToolCallOutputScreenshotParam(TypedDict, total=False):
    type: Required[Literal["computer_screenshot"]]
    file_id: str
    image_url: str
