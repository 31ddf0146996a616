"""API types mirroring `openai.types.shared_params.decision_input_json`."""

from collections.abc import Iterable
from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["DecisionInputJSON"]


class DecisionInputJSON(TypedDict, total=False):
    data: Required[dict[str, object | None] | Iterable[dict[str, object | None]]]
    type: Required[Literal["input_json"]]
