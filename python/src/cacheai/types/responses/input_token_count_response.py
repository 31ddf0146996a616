"""API types mirroring `openai.types.responses.input_token_count_response`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["InputTokenCountResponse"]


class InputTokenCountResponse(BaseModel):
    """The result of counting a request's input tokens."""

    input_tokens: int
    object: Literal["response.input_tokens"]
