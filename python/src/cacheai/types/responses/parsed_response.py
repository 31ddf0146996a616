"""API types mirroring `openai.types.responses.parsed_response`."""

from typing import Generic, TypeVar

from .response import Response
from .response_function_tool_call import ResponseFunctionToolCall
from .response_output_item import ResponseOutputItem
from .response_output_message import ResponseOutputMessage
from .response_output_refusal import ResponseOutputRefusal
from .response_output_text import ResponseOutputText

__all__ = [
    "ParsedResponse",
    "ParsedResponseFunctionToolCall",
    "ParsedResponseOutputMessage",
    "ParsedResponseOutputText",
]

ContentType = TypeVar("ContentType")


class ParsedResponseOutputText(ResponseOutputText, Generic[ContentType]):
    parsed: ContentType | None = None
    """The text parsed into ``text_format``."""


class ParsedResponseOutputMessage(ResponseOutputMessage, Generic[ContentType]):
    content: list[ParsedResponseOutputText[ContentType] | ResponseOutputRefusal]  # type: ignore[assignment]


class ParsedResponseFunctionToolCall(ResponseFunctionToolCall):
    parsed_arguments: object = None


class ParsedResponse(Response, Generic[ContentType]):
    output: list[ParsedResponseOutputMessage[ContentType] | ParsedResponseFunctionToolCall | ResponseOutputItem]

    @property
    def output_parsed(self) -> ContentType | None:
        """The first parsed ``output_text`` of the output messages."""
        for item in self.output:
            if isinstance(item, ParsedResponseOutputMessage):
                for part in item.content:
                    if isinstance(part, ParsedResponseOutputText) and part.parsed:
                        return part.parsed
        return None
