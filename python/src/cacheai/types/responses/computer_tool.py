"""API types mirroring `openai.types.responses.computer_tool`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ComputerTool"]


class ComputerTool(BaseModel):
    type: Literal["computer"]
