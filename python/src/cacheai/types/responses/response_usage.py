"""API types mirroring `openai.types.responses.response_usage`."""

from ..._models import BaseModel

__all__ = ["InputTokensDetails", "InputTokensDetailsCacheWriteTokensDetails", "OutputTokensDetails", "ResponseUsage"]


class InputTokensDetailsCacheWriteTokensDetails(BaseModel):
    ttl_12h_tokens: int
    ttl_30m_tokens: int


class InputTokensDetails(BaseModel):
    cache_write_tokens: int
    cached_tokens: int
    cache_write_tokens_details: InputTokensDetailsCacheWriteTokensDetails | None = None


class OutputTokensDetails(BaseModel):
    reasoning_tokens: int


class ResponseUsage(BaseModel):
    """Token counts of a Responses API call."""

    input_tokens: int
    input_tokens_details: InputTokensDetails
    output_tokens: int
    output_tokens_details: OutputTokensDetails
    total_tokens: int
