"""API types mirroring `openai.types.responses.response_compaction_item_param_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ResponseCompactionItemParamParam"]


class ResponseCompactionItemParamParam(TypedDict, total=False):
    encrypted_content: Required[str]
    type: Required[Literal["compaction"]]
    id: str | None
