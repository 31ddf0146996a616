"""API types mirroring `openai.types.shared_params.function_definition`."""

from typing_extensions import Required, TypedDict

__all__ = ["FunctionDefinition"]


class FunctionDefinition(TypedDict, total=False):
    name: Required[str]
    description: str
    parameters: dict[str, object]
    strict: bool | None
