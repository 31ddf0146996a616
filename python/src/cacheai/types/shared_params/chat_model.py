"""Re-exported from ``cacheai.types.shared.chat_model`` (one definition, as in openai)."""

from ..shared.chat_model import ChatModel

__all__ = ["ChatModel"]
