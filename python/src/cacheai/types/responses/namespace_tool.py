"""API types mirroring `openai.types.responses.namespace_tool`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .custom_tool import CustomTool

__all__ = ["NamespaceTool", "Tool", "ToolFunction"]


class ToolFunction(BaseModel):
    name: str
    type: Literal["function"]
    allowed_callers: list[Literal["direct", "programmatic"]] | None = None
    async_: bool | None = Field(default=None, alias="async")
    defer_loading: bool | None = None
    description: str | None = None
    output_schema: dict[str, object] | None = None
    parameters: object | None = None
    strict: bool | None = None


Tool: TypeAlias = Annotated[ToolFunction | CustomTool, Field(discriminator="type")]


class NamespaceTool(BaseModel):
    description: str
    name: str
    tools: list[Tool]
    type: Literal["namespace"]
