"""API types mirroring `openai.types.shared.function_definition`."""

from ..._models import BaseModel

__all__ = ["FunctionDefinition"]


class FunctionDefinition(BaseModel):
    name: str
    description: str | None = None
    parameters: dict[str, object] | None = None
    strict: bool | None = None
