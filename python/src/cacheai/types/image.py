"""API types mirroring `openai.types.image`."""

from .._models import BaseModel

__all__ = ["Image"]


class Image(BaseModel):
    b64_json: str | None = None
    revised_prompt: str | None = None
    url: str | None = None
