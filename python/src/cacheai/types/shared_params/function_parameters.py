"""API types mirroring `openai.types.shared_params.function_parameters`."""

from typing import TypeAlias

__all__ = ["FunctionParameters"]


FunctionParameters: TypeAlias = dict[str, object]
