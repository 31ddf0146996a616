"""API types mirroring `openai.types.responses.response_function_shell_call_output_content`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = ["Outcome", "OutcomeExit", "OutcomeTimeout", "ResponseFunctionShellCallOutputContent"]


class OutcomeTimeout(BaseModel):
    type: Literal["timeout"]


class OutcomeExit(BaseModel):
    exit_code: int
    type: Literal["exit"]


Outcome: TypeAlias = Annotated[OutcomeTimeout | OutcomeExit, Field(discriminator="type")]


class ResponseFunctionShellCallOutputContent(BaseModel):
    outcome: Outcome
    stderr: str
    stdout: str
