"""API types mirroring `openai.types.shared.function_parameters`."""

from typing import TypeAlias

__all__ = ["FunctionParameters"]


FunctionParameters: TypeAlias = dict[str, object]
