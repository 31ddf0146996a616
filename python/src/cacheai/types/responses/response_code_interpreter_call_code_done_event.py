"""API types mirroring `openai.types.responses.response_code_interpreter_call_code_done_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseCodeInterpreterCallCodeDoneEvent"]


class ResponseCodeInterpreterCallCodeDoneEvent(BaseModel):
    code: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.code_interpreter_call_code.done"]
