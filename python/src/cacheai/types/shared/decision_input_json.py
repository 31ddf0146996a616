"""API types mirroring `openai.types.shared.decision_input_json`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["DecisionInputJSON"]


class DecisionInputJSON(BaseModel):
    data: list[dict[str, object | None]] | dict[str, object | None]
    type: Literal["input_json"]
