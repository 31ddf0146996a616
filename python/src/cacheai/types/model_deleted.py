"""API types mirroring `openai.types.model_deleted`."""

from .._models import BaseModel

__all__ = ["ModelDeleted"]


class ModelDeleted(BaseModel):
    """The result of deleting a fine-tuned model."""

    id: str
    deleted: bool
    object: str
