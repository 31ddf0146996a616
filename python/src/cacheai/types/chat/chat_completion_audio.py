"""API types mirroring `openai.types.chat.chat_completion_audio`."""

from ..._models import BaseModel

__all__ = ["ChatCompletionAudio"]


class ChatCompletionAudio(BaseModel):
    """Audio output of a chat completion (base64 data and transcript)."""

    id: str
    data: str
    expires_at: int
    transcript: str
