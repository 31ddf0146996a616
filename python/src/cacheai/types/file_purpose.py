"""API types mirroring `openai.types.file_purpose`."""

from typing import Literal, TypeAlias

__all__ = ["FilePurpose"]


FilePurpose: TypeAlias = Literal["assistants", "batch", "fine-tune", "vision", "user_data", "evals"]
