"""API types mirroring `openai.types.moderation_create_params`."""

from collections.abc import Iterable, Sequence
from typing import Literal

from typing_extensions import Required, TypedDict

from .moderation_multi_modal_input_param import ModerationMultiModalInputParam

__all__ = ["ModerationCreateParams"]


class ModerationCreateParams(TypedDict, total=False):
    input: Required[str | Sequence[str] | Iterable[ModerationMultiModalInputParam]]
    model: (
        str
        | Literal[
            "omni-moderation-latest", "omni-moderation-2024-09-26", "text-moderation-latest", "text-moderation-stable"
        ]
    )
