"""API types mirroring `openai.types.shared_params.response_format_text`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ResponseFormatText"]


class ResponseFormatText(TypedDict, total=False):
    type: Required[Literal["text"]]
