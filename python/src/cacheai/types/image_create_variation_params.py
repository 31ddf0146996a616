"""API types mirroring `openai.types.image_create_variation_params`."""

from typing import Literal

from typing_extensions import Required, TypedDict

from .._files import FileTypes
from .image_model import ImageModel

__all__ = ["ImageCreateVariationParams"]


class ImageCreateVariationParams(TypedDict, total=False):
    image: Required[FileTypes]
    model: str | ImageModel | None
    n: int | None
    response_format: Literal["url", "b64_json"] | None
    size: Literal["256x256", "512x512", "1024x1024"] | None
    user: str
