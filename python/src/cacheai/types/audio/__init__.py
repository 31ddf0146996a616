"""API types.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .speech_create_params import SpeechCreateParams
    from .speech_model import SpeechModel
    from .transcription import Transcription
    from .transcription_create_params import TranscriptionCreateParams
    from .transcription_create_response import TranscriptionCreateResponse
    from .transcription_diarized import TranscriptionDiarized
    from .transcription_diarized_segment import TranscriptionDiarizedSegment
    from .transcription_include import TranscriptionInclude
    from .transcription_language import TranscriptionLanguage
    from .transcription_segment import TranscriptionSegment
    from .transcription_stream_event import TranscriptionStreamEvent
    from .transcription_text_delta_event import TranscriptionTextDeltaEvent
    from .transcription_text_done_event import TranscriptionTextDoneEvent
    from .transcription_text_segment_event import TranscriptionTextSegmentEvent
    from .transcription_verbose import TranscriptionVerbose
    from .transcription_word import TranscriptionWord
    from .translation import Translation
    from .translation_create_params import TranslationCreateParams
    from .translation_create_response import TranslationCreateResponse
    from .translation_verbose import TranslationVerbose
    from .voice import Voice
    from .voice_consent import VoiceConsent
    from .voice_consent_deleted import VoiceConsentDeleted
    from .voice_deleted import VoiceDeleted

__all__ = [
    "SpeechCreateParams",
    "SpeechModel",
    "Transcription",
    "TranscriptionCreateParams",
    "TranscriptionCreateResponse",
    "TranscriptionDiarized",
    "TranscriptionDiarizedSegment",
    "TranscriptionInclude",
    "TranscriptionLanguage",
    "TranscriptionSegment",
    "TranscriptionStreamEvent",
    "TranscriptionTextDeltaEvent",
    "TranscriptionTextDoneEvent",
    "TranscriptionTextSegmentEvent",
    "TranscriptionVerbose",
    "TranscriptionWord",
    "Translation",
    "TranslationCreateParams",
    "TranslationCreateResponse",
    "TranslationVerbose",
    "Voice",
    "VoiceConsent",
    "VoiceConsentDeleted",
    "VoiceDeleted",
]

_MODULE_OF: dict[str, str] = {
    "SpeechCreateParams": ".speech_create_params",
    "SpeechModel": ".speech_model",
    "Transcription": ".transcription",
    "TranscriptionCreateParams": ".transcription_create_params",
    "TranscriptionCreateResponse": ".transcription_create_response",
    "TranscriptionDiarized": ".transcription_diarized",
    "TranscriptionDiarizedSegment": ".transcription_diarized_segment",
    "TranscriptionInclude": ".transcription_include",
    "TranscriptionLanguage": ".transcription_language",
    "TranscriptionSegment": ".transcription_segment",
    "TranscriptionStreamEvent": ".transcription_stream_event",
    "TranscriptionTextDeltaEvent": ".transcription_text_delta_event",
    "TranscriptionTextDoneEvent": ".transcription_text_done_event",
    "TranscriptionTextSegmentEvent": ".transcription_text_segment_event",
    "TranscriptionVerbose": ".transcription_verbose",
    "TranscriptionWord": ".transcription_word",
    "Translation": ".translation",
    "TranslationCreateParams": ".translation_create_params",
    "TranslationCreateResponse": ".translation_create_response",
    "TranslationVerbose": ".translation_verbose",
    "Voice": ".voice",
    "VoiceConsent": ".voice_consent",
    "VoiceConsentDeleted": ".voice_consent_deleted",
    "VoiceDeleted": ".voice_deleted",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
