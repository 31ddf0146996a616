"""API types mirroring `openai.types.responses.response_function_shell_call_output_content_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = ["Outcome", "OutcomeExit", "OutcomeTimeout", "ResponseFunctionShellCallOutputContentParam"]


class OutcomeTimeout(TypedDict, total=False):
    type: Required[Literal["timeout"]]


class OutcomeExit(TypedDict, total=False):
    exit_code: Required[int]
    type: Required[Literal["exit"]]


Outcome: TypeAlias = OutcomeTimeout | OutcomeExit


class ResponseFunctionShellCallOutputContentParam(TypedDict, total=False):
    outcome: Required[Outcome]
    stderr: Required[str]
    stdout: Required[str]
