"""API types mirroring `openai.types.responses.custom_tool_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

from ..shared_params.custom_tool_input_format import CustomToolInputFormat

__all__ = ["CustomToolParam"]


# Keys that are Python keywords need the functional syntax.
_CustomToolParamKeywords = TypedDict("_CustomToolParamKeywords", {"async": bool}, total=False)


class CustomToolParam(_CustomToolParamKeywords, total=False):
    name: Required[str]
    type: Required[Literal["custom"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None
    defer_loading: bool
    description: str
    format: CustomToolInputFormat
