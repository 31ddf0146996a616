"""Re-exported from ``cacheai.types.shared.function_parameters`` (one definition, as in openai)."""

from ..shared.function_parameters import FunctionParameters

__all__ = ["FunctionParameters"]
