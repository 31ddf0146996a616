"""``Session``: one conversation's history, sent with every turn; ``Sessions``: ``client.sessions``."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import OpenAIError
from .._highlevel import ModelResponse, resolve_model
from .._info import info
from .._usage import TokenUsage
from ._stores import SessionStore

if TYPE_CHECKING:
    from .._client import CacheAI
    from .._streaming import Stream
    from ..types.chat import ChatCompletionChunk

__all__ = ["Session", "SessionNotFoundError", "Sessions", "estimate_tokens", "trim_history"]

Message = dict[str, Any]

log = logging.getLogger("cacheai")


class SessionNotFoundError(OpenAIError, LookupError):
    """No session with this id in the client's session store."""


def estimate_tokens(message: Mapping[str, Any]) -> int:
    """A rough token count of one message (4 characters a token, plus 4 for the message's framing)."""
    content = message.get("content")
    if isinstance(content, list):
        text = " ".join(str(part.get("text", "")) for part in content if isinstance(part, Mapping))
    else:
        text = content if isinstance(content, str) else ""
    for call in message.get("tool_calls") or ():
        function = call.get("function") or {}
        text += str(function.get("name", "")) + str(function.get("arguments", ""))
    return 4 + (len(text) + 3) // 4


def trim_history(
    messages: list[Message], budget: int, count: Callable[[Mapping[str, Any]], int] = estimate_tokens
) -> list[Message]:
    """Drop the oldest turns until the history fits ``budget`` tokens; the system messages and the last turn stay.

    A turn is a user message and everything after it up to the next user message (the assistant's reply,
    its tool calls and their results), so a tool result never loses its call.
    """
    system = [m for m in messages if m.get("role") in ("system", "developer")]
    rest = [m for m in messages if m.get("role") not in ("system", "developer")]
    turns: list[list[Message]] = []
    for message in rest:
        if message.get("role") == "user" or not turns:
            turns.append([message])
        else:
            turns[-1].append(message)
    used = sum(count(m) for m in system) + sum(count(m) for turn in turns for m in turn)
    while len(turns) > 1 and used > budget:
        used -= sum(count(m) for m in turns.pop(0))
    return system + [m for turn in turns for m in turn]


class Session:
    """A conversation: ``send``/``stream`` a user message, the reply joins ``messages``; saved after every turn.

    A store that fails to save (Redis down) does not fail the turn: one warning, ``save_failures`` counts,
    and the whole record is written with the next turn that can be saved.

    ``defaults`` are ``chat.completions.create`` keywords used on every turn (a turn's own keywords win);
    ``max_history_tokens`` trims the oldest turns (never the system message) before each request.
    """

    def __init__(self, client: CacheAI, store: SessionStore, record: dict[str, Any]) -> None:
        self._client = client
        self._store = store
        self._record = record
        self._lock = threading.RLock()
        self.save_failures = 0  # consecutive failed saves (the store is down); 0 when the record is stored

    def __repr__(self) -> str:
        return f"<Session {self.id} model={self.model!r} messages={len(self._record['messages'])}>"

    @property
    def id(self) -> str:
        return str(self._record["id"])

    @property
    def model(self) -> str | None:
        model = self._record.get("model")
        return model if isinstance(model, str) else None

    @property
    def defaults(self) -> dict[str, Any]:
        return dict(self._record.get("defaults") or {})

    @property
    def messages(self) -> list[Message]:
        """The history (a copy), system message first."""
        return [dict(m) for m in self._record["messages"]]

    @property
    def usage(self) -> TokenUsage:
        """Tokens used by every turn so far, and their cost (``None`` when some turn's price was unknown)."""
        return TokenUsage.model_validate(self._record["usage"])

    @property
    def cost(self) -> float | None:
        return self.usage.estimated_cost

    # -- turns ---------------------------------------------------------------------------------------------

    def send(self, content: str | Mapping[str, Any] | None, **overrides: Any) -> ModelResponse:
        """Send a user message (text or a message dict; ``None`` after tool results) with the history."""
        with self._lock:
            turn = [_user_message(content)] if content is not None else []
            request_messages = self._request_messages(turn)
            params = self._params(overrides)
            model = resolve_model(self._client, params.pop("model", None))
            response = self._client.generate_response(request_messages, model=model, **params)
            reply = _assistant_message(response)
            self._commit([*turn, reply], response.usage)
            return response

    def stream(self, content: str | Mapping[str, Any], **overrides: Any) -> Iterator[str]:
        """Yield the reply's text as it arrives; the turn joins the history only when the stream ends whole."""
        turn = [_user_message(content)]
        params = self._params(overrides)
        model = resolve_model(self._client, params.pop("model", None))
        params.setdefault("stream_options", {"include_usage": True})
        stream: Stream[ChatCompletionChunk] = self._client.chat.completions.create(  # type: ignore[assignment]
            messages=self._request_messages(turn),  # type: ignore[arg-type]
            model=model,
            stream=True,
            **params,
        )
        parts: list[str] = []
        calls: dict[int, dict[str, Any]] = {}
        with stream:
            for chunk in stream:
                for choice in chunk.choices:
                    delta = choice.delta
                    if delta.content:
                        parts.append(delta.content)
                        yield delta.content
                    for call in delta.tool_calls or ():
                        _merge_tool_call(calls, call)
        reply: Message = {"role": "assistant", "content": "".join(parts) if parts or not calls else None}
        if calls:
            reply["tool_calls"] = [calls[i] for i in sorted(calls)]
        with self._lock:
            self._commit([*turn, reply], info(stream).usage)

    def add_tool_result(self, call_id: str, content: str | Any) -> None:
        """Append a tool's result for the assistant's tool call ``call_id``; send the next turn with ``send(None)``."""
        if not any(call.get("id") == call_id for m in self._record["messages"] for call in (m.get("tool_calls") or ())):
            raise ValueError(f"no assistant tool call with id {call_id!r} in this session")
        text = content if isinstance(content, str) else _json(content)
        with self._lock:
            self._commit([{"role": "tool", "tool_call_id": call_id, "content": text}], None)

    def add_message(self, message: Mapping[str, Any]) -> None:
        """Append a message as it is (e.g. an earlier exchange to replay)."""
        with self._lock:
            self._commit([dict(message)], None)

    def refresh(self) -> None:
        """Reload the history from the store (another process may have continued the session)."""
        record = self._store.load(self.id)
        if record is None:
            raise SessionNotFoundError(f"session {self.id!r} is no longer in the store")
        self._record = record

    # -- internals -----------------------------------------------------------------------------------------

    def _params(self, overrides: Mapping[str, Any]) -> dict[str, Any]:
        params = {**self.defaults, **overrides}
        params.setdefault("model", self.model)
        if params.get("model") is None:
            params.pop("model")
        return params

    def _request_messages(self, turn: list[Message]) -> list[Message]:
        messages = list(self._record["messages"]) + turn
        budget = self._record.get("max_history_tokens")
        return trim_history(messages, budget) if isinstance(budget, int) else messages

    def _commit(self, new: list[Message], usage: TokenUsage | None) -> None:
        messages = list(self._record["messages"]) + new
        budget = self._record.get("max_history_tokens")
        if isinstance(budget, int):
            messages = trim_history(messages, budget)
        record = dict(self._record, messages=messages, updated=time.time())
        if usage is not None:
            record["usage"] = _add_usage(self._record["usage"], usage)
        self._record = record
        self._save()

    def _save(self) -> None:
        """Write the record; a failing store never loses the turn: it stays here and goes with the next save."""
        try:
            self._store.save(self.id, self._record)
        except Exception as exc:
            self.save_failures += 1
            if self.save_failures == 1 or log.isEnabledFor(logging.DEBUG):
                log.warning(
                    "Session %s could not be saved (%s: %s); it is kept in memory and saved with its next turn",
                    self.id,
                    type(exc).__name__,
                    exc,
                )
        else:
            self.save_failures = 0


class Sessions:
    """``client.sessions``: create, get, delete and list conversations in the client's session store."""

    def __init__(self, client: CacheAI, store: SessionStore) -> None:
        self._client = client
        self.store = store

    def create(
        self,
        system: str | None = None,
        *,
        model: str | None = None,
        id: str | None = None,
        max_history_tokens: int | None = None,
        **defaults: Any,
    ) -> Session:
        """A new session (a developer/system message first when ``system`` is given), saved at once."""
        if max_history_tokens is not None and (not isinstance(max_history_tokens, int) or max_history_tokens < 1):
            raise ValueError(f"max_history_tokens must be a positive integer, got {max_history_tokens!r}")
        for name in ("messages", "stream"):
            if name in defaults:
                raise TypeError(f"a session manages {name}= itself; pass the text to send() or stream()")
        session_id = id or f"sess_{uuid.uuid4().hex}"
        if id is not None and self.store.load(id) is not None:
            raise ValueError(f"a session with id {id!r} already exists")
        now = time.time()
        record: dict[str, Any] = {
            "id": session_id,
            "model": model,
            "defaults": _json_ready(defaults),
            "messages": [{"role": "system", "content": system}] if system else [],
            "usage": TokenUsage(estimated_cost=0.0).model_dump(),
            "max_history_tokens": max_history_tokens,
            "created": now,
            "updated": now,
        }
        session = Session(self._client, self.store, record)
        session._save()
        return session

    def get(self, session_id: str) -> Session:
        record = self.store.load(session_id)
        if record is None:
            raise SessionNotFoundError(f"no session with id {session_id!r}")
        return Session(self._client, self.store, record)

    def delete(self, session_id: str) -> bool:
        """Remove a session; ``False`` when there was none with this id."""
        return self.store.delete(session_id)

    def list(self) -> list[str]:
        """The ids of the stored sessions, oldest first."""
        return self.store.ids()


def _user_message(content: str | Mapping[str, Any] | None) -> Message:
    if isinstance(content, str):
        return {"role": "user", "content": content}
    if isinstance(content, Mapping):
        return dict(content)
    raise TypeError(f"send a string or a message dict, not {type(content).__name__}")


def _assistant_message(response: ModelResponse) -> Message:
    choices = response.completion.choices
    if not choices:
        return {"role": "assistant", "content": response.content}
    message = choices[0].message.model_dump(exclude_none=True, mode="json")
    kept: Message = {"role": "assistant", "content": message.get("content")}
    kept.update({k: v for k, v in message.items() if k in ("tool_calls", "refusal", "name")})
    return kept


def _merge_tool_call(calls: dict[int, dict[str, Any]], delta: Any) -> None:
    entry = calls.setdefault(delta.index, {"id": None, "type": "function", "function": {"name": "", "arguments": ""}})
    if delta.id:
        entry["id"] = delta.id
    function = delta.function
    if function is not None:
        entry["function"]["name"] += function.name or ""
        entry["function"]["arguments"] += function.arguments or ""


def _add_usage(total: Mapping[str, Any], usage: TokenUsage) -> dict[str, Any]:
    cost = total.get("estimated_cost")
    return {
        "prompt_tokens": total.get("prompt_tokens", 0) + usage.prompt_tokens,
        "completion_tokens": total.get("completion_tokens", 0) + usage.completion_tokens,
        "total_tokens": total.get("total_tokens", 0) + usage.total_tokens,
        "estimated_cost": None if cost is None or usage.estimated_cost is None else cost + usage.estimated_cost,
    }


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _json_ready(defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The defaults as stored: they must survive JSON (a session may be continued by another process)."""
    import json

    try:
        return json.loads(json.dumps(dict(defaults)))  # type: ignore[no-any-return]
    except TypeError as exc:
        raise TypeError(f"session defaults must be JSON values (they are stored with the session): {exc}") from exc
