"""API types mirroring `openai.types.responses.response_computer_tool_call_output_screenshot`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseComputerToolCallOutputScreenshot"]


class ResponseComputerToolCallOutputScreenshot(BaseModel):
    type: Literal["computer_screenshot"]
    file_id: str | None = None
    image_url: str | None = None
