"""``client.audio.speech``: ``POST /audio/speech``, text to spoken audio (a binary response)."""

from __future__ import annotations

from typing import Literal

from typing_extensions import Unpack

from ..._resource import CallOptions, SyncAPIResource, make_options
from ..._response import BinaryAPIResponse
from ..._types import NotGiven, Omit, omit
from ..._utils import strip_not_given
from ...types.audio import SpeechModel
from ...types.audio.speech_create_params import Voice

__all__ = ["Speech"]


class Speech(SyncAPIResource):
    """Text to spoken audio: ``create`` returns the audio as a ``BinaryAPIResponse``."""

    def create(
        self,
        *,
        input: str,
        model: str | SpeechModel,
        voice: Voice,
        instructions: str | Omit | NotGiven = omit,
        response_format: Literal["mp3", "opus", "aac", "flac", "wav", "pcm"] | Omit | NotGiven = omit,
        speed: float | Omit | NotGiven = omit,
        stream_format: Literal["sse", "audio"] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> BinaryAPIResponse:
        """Speak ``input`` with ``voice``: the audio (``mp3`` unless ``response_format`` says otherwise).

        The result has ``.content``, ``.write_to_file(path)`` and ``.iter_bytes()``; to write the audio as it
        arrives, use ``with client.audio.speech.with_streaming_response.create(...) as response:
        response.stream_to_file(path)``.
        """
        body = strip_not_given(
            {
                "model": model,
                "input": input,
                "voice": voice,
                "instructions": instructions,
                "response_format": response_format,
                "speed": speed,
                "stream_format": stream_format,
            }
        )
        return self._client.request(  # type: ignore[no-any-return]
            BinaryAPIResponse,
            make_options(
                "POST",
                "audio/speech",
                body=body,
                headers={"Accept": "application/octet-stream"},
                **options,
            ),
        )
