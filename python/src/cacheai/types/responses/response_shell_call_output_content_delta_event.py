"""API types mirroring `openai.types.responses.response_shell_call_output_content_delta_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Delta", "ResponseShellCallOutputContentDeltaEvent"]


class Delta(BaseModel):
    stderr: str | None = None
    stdout: str | None = None


class ResponseShellCallOutputContentDeltaEvent(BaseModel):
    command_index: int
    delta: Delta
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.shell_call_output_content.delta"]
