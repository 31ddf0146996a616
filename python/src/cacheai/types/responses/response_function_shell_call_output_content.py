"""API types mirroring `openai.types.responses.response_function_shell_call_output_content`."""

from typing import Literal, TypeAlias

from ..._models import BaseModel

__all__ = ["Outcome", "OutcomeExit", "OutcomeTimeout", "ResponseFunctionShellCallOutputContent"]


class OutcomeTimeout(BaseModel):
    type: Literal["timeout"]


class OutcomeExit(BaseModel):
    exit_code: int
    type: Literal["exit"]


Outcome: TypeAlias = OutcomeTimeout | OutcomeExit


class ResponseFunctionShellCallOutputContent(BaseModel):
    outcome: Outcome
    stderr: str
    stdout: str
