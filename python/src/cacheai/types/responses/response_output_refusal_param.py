"""API types mirroring `openai.types.responses.response_output_refusal_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ResponseOutputRefusalParam"]


class ResponseOutputRefusalParam(TypedDict, total=False):
    refusal: Required[str]
    type: Required[Literal["refusal"]]
