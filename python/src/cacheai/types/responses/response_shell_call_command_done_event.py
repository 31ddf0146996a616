"""API types mirroring `openai.types.responses.response_shell_call_command_done_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseShellCallCommandDoneEvent"]


class ResponseShellCallCommandDoneEvent(BaseModel):
    command: str
    command_index: int
    output_index: int
    sequence_number: int
    type: Literal["response.shell_call_command.done"]
