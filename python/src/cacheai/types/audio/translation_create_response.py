"""API types mirroring `openai.types.audio.translation_create_response`."""

from typing import TypeAlias

from .translation import Translation
from .translation_verbose import TranslationVerbose

__all__ = ["TranslationCreateResponse"]


TranslationCreateResponse: TypeAlias = Translation | TranslationVerbose
