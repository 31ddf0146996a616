"""What the fake model says: scripted replies, tool calls, and the deterministic default model."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._schema_instance import minimal_instance

if TYPE_CHECKING:
    from ._records import RecordedRequest

__all__ = ["Reply", "ReplySource", "ToolCall", "count_tokens", "default_reply", "split_tokens"]

_TOKEN_PATTERN = re.compile(r"\s*\S+")


@dataclass(frozen=True)
class ToolCall:
    """A tool call the fake model makes; ``arguments`` may be a JSON string or a mapping (JSON-encoded)."""

    name: str
    arguments: str | Mapping[str, Any] = field(default_factory=dict)
    id: str | None = None

    def arguments_json(self) -> str:
        if isinstance(self.arguments, str):
            return self.arguments
        return json.dumps(dict(self.arguments), ensure_ascii=False)


@dataclass(frozen=True)
class Reply:
    """One answer of the fake model.

    ``finish_reason`` defaults to ``"tool_calls"`` when there are tool calls, else ``"stop"`` (or
    ``"length"`` when the request's token limit cut the text).
    """

    content: str | None = None
    tool_calls: Sequence[ToolCall] = ()
    finish_reason: str | None = None
    refusal: str | None = None

    @classmethod
    def tool_call(cls, name: str, arguments: str | Mapping[str, Any] | None = None) -> Reply:
        """A reply made of a single tool call."""
        return cls(tool_calls=(ToolCall(name, {} if arguments is None else arguments),))


ReplySource = str | Reply | Callable[["RecordedRequest"], str | Reply]
"""What a test may script: a fixed text, a ``Reply``, or a callable receiving the recorded request."""


def split_tokens(text: str) -> list[str]:
    """Split text into the fake model's "tokens": words with their leading whitespace (they join back)."""
    tokens = _TOKEN_PATTERN.findall(text)
    consumed = sum(len(token) for token in tokens)
    if consumed < len(text):  # trailing whitespace
        tokens.append(text[consumed:])
    return tokens


def count_tokens(text: str) -> int:
    """The fake token count of a text: its number of whitespace-separated words."""
    return len(text.split())


def message_text(content: object) -> str:
    """The text of a chat message's ``content`` (a string or a list of content parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [part.get("text") for part in content if isinstance(part, dict)]
        return " ".join(part for part in parts if isinstance(part, str))
    return ""


def prompt_tokens(messages: object) -> int:
    """Fake prompt tokens of a message list: words of every message plus 3 per message (OpenAI-like)."""
    if not isinstance(messages, list):
        return 0
    total = 0
    for message in messages:
        if isinstance(message, dict):
            total += 3 + count_tokens(message_text(message.get("content")))
    return total


def default_reply(body: Mapping[str, Any]) -> Reply:
    """The deterministic default model for a chat request body.

    - With ``tools`` (and ``tool_choice`` not ``"none"``) and a user message last: call the chosen tool (the
      named one, else the first), filling string arguments with the user's text.
    - After a tool result: report it (``"The <name> tool returned: <content>"``).
    - Otherwise: echo the last user message as ``"Echo: <text>"``.
    """
    messages = body.get("messages")
    messages = messages if isinstance(messages, list) else []
    last = messages[-1] if messages and isinstance(messages[-1], dict) else {}
    if last.get("role") == "tool":
        name = _tool_name_for(messages, last.get("tool_call_id"))
        return Reply(content=f"The {name} tool returned: {message_text(last.get('content'))}")
    user_text = last_user_text(messages)
    tool = _chosen_tool(body)
    if tool is not None and last.get("role") == "user":
        name, parameters, strict = tool
        # A function's parameters are an object schema, also when the tool gives none: its arguments are "{}".
        object_schema = {"type": "object", **parameters}
        arguments = minimal_instance(object_schema, user_text) if strict else _example_arguments(parameters, user_text)
        return Reply(tool_calls=(ToolCall(name, arguments),))
    schema = _json_schema_format(body)
    if schema is not None:
        return Reply(content=json.dumps(minimal_instance(schema, user_text)))
    return Reply(content=echo(user_text))


def _json_schema_format(body: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The schema of a ``response_format`` of type ``json_schema``, if the request has one."""
    response_format = body.get("response_format")
    if not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
        return None
    schema = (response_format.get("json_schema") or {}).get("schema")
    return schema if isinstance(schema, dict) else {}


def echo(text: str) -> str:
    return f"Echo: {text}"


def last_user_text(messages: Sequence[object]) -> str:
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            return message_text(message.get("content"))
    return ""


def _chosen_tool(body: Mapping[str, Any]) -> tuple[str, Mapping[str, Any], bool] | None:
    tools = body.get("tools")
    choice = body.get("tool_choice", "auto")
    if not isinstance(tools, list) or not tools or choice == "none":
        return None
    functions = [
        tool["function"] for tool in tools if isinstance(tool, dict) and isinstance(tool.get("function"), dict)
    ]
    if not functions:
        return None
    chosen = functions[0]
    if isinstance(choice, dict):
        wanted = (choice.get("function") or {}).get("name")
        chosen = next((f for f in functions if f.get("name") == wanted), chosen)
    parameters = chosen.get("parameters")
    schema = parameters if isinstance(parameters, dict) else {}
    return str(chosen.get("name", "tool")), schema, chosen.get("strict") is True


def _example_arguments(schema: Mapping[str, Any], user_text: str) -> dict[str, Any]:
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    required = schema.get("required")
    names = required if isinstance(required, list) and required else list(properties)
    return {name: _example_value(properties.get(name), user_text) for name in names if name in properties}


def _example_value(schema: object, user_text: str) -> Any:
    if not isinstance(schema, dict):
        return user_text
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind in ("integer", "number"):
        return 1
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    if kind == "object":
        return _example_arguments(schema, user_text)
    return user_text


def _tool_name_for(messages: Sequence[object], tool_call_id: object) -> str:
    for message in messages:
        if not isinstance(message, dict):
            continue
        for call in message.get("tool_calls") or []:
            if isinstance(call, dict) and call.get("id") == tool_call_id:
                return str((call.get("function") or {}).get("name", "tool"))
    return "tool"
