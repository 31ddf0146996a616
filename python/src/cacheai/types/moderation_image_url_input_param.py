"""API types mirroring `openai.types.moderation_image_url_input_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ImageURL", "ModerationImageURLInputParam"]


class ImageURL(TypedDict, total=False):
    url: Required[str]


class ModerationImageURLInputParam(TypedDict, total=False):
    image_url: Required[ImageURL]
    type: Required[Literal["image_url"]]
