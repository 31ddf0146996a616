"""API types mirroring `openai.types.responses.apply_patch_tool_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ApplyPatchToolParam"]


class ApplyPatchToolParam(TypedDict, total=False):
    type: Required[Literal["apply_patch"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None
