"""API types mirroring `openai.types.responses.response_code_interpreter_call_in_progress_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseCodeInterpreterCallInProgressEvent"]


class ResponseCodeInterpreterCallInProgressEvent(BaseModel):
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.code_interpreter_call.in_progress"]
