"""API types mirroring `openai.types.fine_tuning.alpha.grader_run_response`."""

from pydantic import Field

from ...._models import BaseModel

__all__ = ["GraderRunResponse", "Metadata", "MetadataErrors"]


class MetadataErrors(BaseModel):
    formula_parse_error: bool
    invalid_variable_error: bool
    api_model_grader_parse_error: bool = Field(alias="model_grader_parse_error")
    api_model_grader_refusal_error: bool = Field(alias="model_grader_refusal_error")
    api_model_grader_server_error: bool = Field(alias="model_grader_server_error")
    api_model_grader_server_error_details: str | None = Field(default=None, alias="model_grader_server_error_details")
    other_error: bool
    python_grader_runtime_error: bool
    python_grader_runtime_error_details: str | None = None
    python_grader_server_error: bool
    python_grader_server_error_type: str | None = None
    sample_parse_error: bool
    truncated_observation_error: bool
    unresponsive_reward_error: bool


class Metadata(BaseModel):
    errors: MetadataErrors
    execution_time: float
    name: str
    sampled_model_name: str | None = None
    scores: dict[str, object]
    token_usage: int | None = None
    type: str


class GraderRunResponse(BaseModel):
    metadata: Metadata
    api_model_grader_token_usage_per_model: dict[str, object] = Field(alias="model_grader_token_usage_per_model")
    reward: float
    sub_rewards: dict[str, object]
