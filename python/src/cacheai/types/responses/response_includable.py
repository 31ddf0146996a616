"""API types mirroring `openai.types.responses.response_includable`."""

from typing import Literal, TypeAlias

__all__ = ["ResponseIncludable"]


ResponseIncludable: TypeAlias = Literal[
    "file_search_call.results",
    "web_search_call.results",
    "web_search_call.action.sources",
    "message.input_image.image_url",
    "computer_call_output.output.image_url",
    "code_interpreter_call.outputs",
    "reasoning.encrypted_content",
    "message.output_text.logprobs",
]
