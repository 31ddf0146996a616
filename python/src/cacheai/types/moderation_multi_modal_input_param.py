"""API types mirroring `openai.types.moderation_multi_modal_input_param`."""

from typing import TypeAlias

from .moderation_image_url_input_param import ModerationImageURLInputParam
from .moderation_text_input_param import ModerationTextInputParam

__all__ = ["ModerationMultiModalInputParam"]


ModerationMultiModalInputParam: TypeAlias = ModerationImageURLInputParam | ModerationTextInputParam
