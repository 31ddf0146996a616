"""API types mirroring `openai.types.responses.response_text_config_param`."""

from typing import Literal

from typing_extensions import TypedDict

from .response_format_text_config_param import ResponseFormatTextConfigParam

__all__ = ["ResponseTextConfigParam"]


class ResponseTextConfigParam(TypedDict, total=False):
    format: ResponseFormatTextConfigParam
    verbosity: Literal["low", "medium", "high"] | None
