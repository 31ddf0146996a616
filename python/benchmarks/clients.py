"""The clients under comparison, each wrapped to do the same user-visible work.

Every adapter returns what a user would hold at the end of a call: the reply text, the assembled streamed
text, the model ids, the embeddings as ``list[list[float]]``. ``cacheai`` and ``openai`` are driven with the
exact same calls (cacheai is a drop-in); the raw clients do what a careful hand-written client would.
Library imports happen inside the factories, so importing this module imports no client library.
"""

from __future__ import annotations

import array
import base64
import json
import queue
from collections.abc import Callable
from typing import Any, Literal, Protocol

import payloads

Encoding = Literal["default", "float", "base64"]
CLIENT_NAMES = ("cacheai", "openai", "requests", "http.client")
API_KEY = "sk-bench"


def decode_base64_embedding(text: str) -> list[float]:
    """What a user does with an explicit ``encoding_format="base64"`` embedding (little-endian float32)."""
    values = array.array("f")
    values.frombytes(base64.b64decode(text))
    return values.tolist()


class BenchClient(Protocol):
    name: str

    def chat(self) -> str: ...

    def stream(self, chunks: int) -> tuple[int, int]:
        """Consume a stream; return (chunks with choices seen, characters of content received).

        The text is counted, not kept, so that memory measured over a long stream is the client's own.
        """
        ...

    def first_chunk_seconds(self, chunks: int, clock: Callable[[], float]) -> float:
        """Wall time from the call to the first chunk in hand; the rest of the stream is consumed."""
        ...

    def models(self) -> list[str]: ...

    def embeddings(self, encoding: Encoding, rows: int) -> list[list[float]]:
        """Embed the first ``rows`` benchmark inputs; one ``list[float]`` per input."""
        ...

    def close(self) -> None: ...


class SDKClient:
    """``cacheai.CacheAI`` or ``openai.OpenAI``: the same code drives both."""

    def __init__(self, name: str, client: Any) -> None:
        self.name = name
        self.client = client

    def chat(self) -> str:
        completion = self.client.chat.completions.create(model=payloads.CHAT_MODEL, messages=payloads.CHAT_MESSAGES)
        content: str = completion.choices[0].message.content
        return content

    def _open_stream(self, chunks: int) -> Any:
        return self.client.chat.completions.create(
            model=payloads.stream_model(chunks), messages=payloads.CHAT_MESSAGES, stream=True
        )

    def stream(self, chunks: int) -> tuple[int, int]:
        length = seen = 0
        for chunk in self._open_stream(chunks):
            if chunk.choices:
                seen += 1
                content = chunk.choices[0].delta.content
                if content:
                    length += len(content)
        return seen, length

    def first_chunk_seconds(self, chunks: int, clock: Callable[[], float]) -> float:
        start = clock()
        stream = iter(self._open_stream(chunks))
        next(stream)
        elapsed = clock() - start
        for _chunk in stream:
            pass
        return elapsed

    def models(self) -> list[str]:
        return [model.id for model in self.client.models.list().data]

    def embeddings(self, encoding: Encoding, rows: int) -> list[list[float]]:
        inputs = payloads.EMBEDDING_INPUTS[:rows]
        if encoding == "default":
            response = self.client.embeddings.create(model=payloads.EMBEDDING_MODEL, input=inputs)
        else:
            response = self.client.embeddings.create(
                model=payloads.EMBEDDING_MODEL, input=inputs, encoding_format=encoding
            )
        if encoding == "base64":
            return [decode_base64_embedding(item.embedding) for item in response.data]
        return [item.embedding for item in response.data]

    def close(self) -> None:
        self.client.close()


class RequestsClient:
    """A ``requests.Session`` with ``json=`` bodies and ``Response.json()``: the naive hand-written client."""

    name = "requests"

    def __init__(self, base_url: str, session: Any = None) -> None:
        import requests

        self.base_url = base_url
        self.session = session if session is not None else requests.Session()
        self.session.headers["Authorization"] = f"Bearer {API_KEY}"

    def chat(self) -> str:
        response = self.session.post(
            self.base_url + "/chat/completions",
            json={"model": payloads.CHAT_MODEL, "messages": payloads.CHAT_MESSAGES},
        )
        response.raise_for_status()
        content: str = response.json()["choices"][0]["message"]["content"]
        return content

    def _stream_lines(self, chunks: int) -> Any:
        response = self.session.post(
            self.base_url + "/chat/completions",
            json={"model": payloads.stream_model(chunks), "messages": payloads.CHAT_MESSAGES, "stream": True},
            stream=True,
        )
        response.raise_for_status()
        return response

    def stream(self, chunks: int) -> tuple[int, int]:
        length = seen = 0
        with self._stream_lines(chunks) as response:
            for line in response.iter_lines():
                if not line.startswith(b"data: ") or line == b"data: [DONE]":
                    continue
                choices = json.loads(line[6:])["choices"]
                if choices:
                    seen += 1
                    content = choices[0]["delta"].get("content")
                    if content:
                        length += len(content)
        return seen, length

    def first_chunk_seconds(self, chunks: int, clock: Callable[[], float]) -> float:
        start = clock()
        elapsed = None
        with self._stream_lines(chunks) as response:
            for line in response.iter_lines():
                if elapsed is None and line.startswith(b"data: "):
                    json.loads(line[6:])
                    elapsed = clock() - start
        assert elapsed is not None, "the stream had no events"
        return elapsed

    def models(self) -> list[str]:
        response = self.session.get(self.base_url + "/models")
        response.raise_for_status()
        return [model["id"] for model in response.json()["data"]]

    def embeddings(self, encoding: Encoding, rows: int) -> list[list[float]]:
        inputs = payloads.EMBEDDING_INPUTS[:rows]
        body: dict[str, Any] = {"model": payloads.EMBEDDING_MODEL, "input": inputs}
        if encoding != "default":
            body["encoding_format"] = encoding
        response = self.session.post(self.base_url + "/embeddings", json=body)
        response.raise_for_status()
        data = response.json()["data"]
        if encoding == "base64":
            return [decode_base64_embedding(item["embedding"]) for item in data]
        return [item["embedding"] for item in data]

    def close(self) -> None:
        self.session.close()


class HTTPClientClient:
    """Raw ``http.client``: a small pool of keep-alive connections, ``json.dumps``/``json.loads`` by hand."""

    name = "http.client"

    def __init__(self, host: str, port: int, prefix: str = "/v1") -> None:
        self.host, self.port, self.prefix = host, port, prefix
        self._idle: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._connections: list[Any] = []
        self._headers = {"Content-Type": "application/json", "Authorization": f"Bearer {API_KEY}"}

    def _connection(self) -> Any:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            import http.client

            connection = http.client.HTTPConnection(self.host, self.port)
            self._connections.append(connection)
            return connection

    def _release(self, connection: Any) -> None:
        self._idle.put(connection)

    def _send(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[Any, Any]:
        connection = self._connection()
        payload = json.dumps(body).encode() if body is not None else None
        connection.request(method, self.prefix + path, body=payload, headers=self._headers)
        response = connection.getresponse()
        if response.status >= 400:
            raise RuntimeError(f"HTTP {response.status}: {response.read()!r}")
        return connection, response

    def _json(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        connection, response = self._send(method, path, body)
        data = json.loads(response.read())
        self._release(connection)
        return data

    def chat(self) -> str:
        data = self._json(
            "POST", "/chat/completions", {"model": payloads.CHAT_MODEL, "messages": payloads.CHAT_MESSAGES}
        )
        content: str = data["choices"][0]["message"]["content"]
        return content

    def _stream(self, chunks: int) -> tuple[Any, Any]:
        body = {"model": payloads.stream_model(chunks), "messages": payloads.CHAT_MESSAGES, "stream": True}
        return self._send("POST", "/chat/completions", body)

    def stream(self, chunks: int) -> tuple[int, int]:
        length = seen = 0
        connection, response = self._stream(chunks)
        readline = response.readline
        while line := readline():
            if not line.startswith(b"data: ") or line.startswith(b"data: [DONE]"):
                continue
            choices = json.loads(line[6:])["choices"]
            if choices:
                seen += 1
                content = choices[0]["delta"].get("content")
                if content:
                    length += len(content)
        self._release(connection)
        return seen, length

    def first_chunk_seconds(self, chunks: int, clock: Callable[[], float]) -> float:
        start = clock()
        connection, response = self._stream(chunks)
        elapsed = None
        while line := response.readline():
            if elapsed is None and line.startswith(b"data: "):
                json.loads(line[6:])
                elapsed = clock() - start
        self._release(connection)
        assert elapsed is not None, "the stream had no events"
        return elapsed

    def models(self) -> list[str]:
        return [model["id"] for model in self._json("GET", "/models")["data"]]

    def embeddings(self, encoding: Encoding, rows: int) -> list[list[float]]:
        inputs = payloads.EMBEDDING_INPUTS[:rows]
        body: dict[str, Any] = {"model": payloads.EMBEDDING_MODEL, "input": inputs}
        if encoding != "default":
            body["encoding_format"] = encoding
        data = self._json("POST", "/embeddings", body)["data"]
        if encoding == "base64":
            return [decode_base64_embedding(item["embedding"]) for item in data]
        return [item["embedding"] for item in data]

    def close(self) -> None:
        for connection in self._connections:
            connection.close()


def make_client(name: str, host: str, port: int) -> BenchClient:
    """Build the named client with its default settings, pointed at the benchmark server."""
    base_url = f"http://{host}:{port}/v1"
    if name == "cacheai":
        import cacheai

        return SDKClient(name, cacheai.CacheAI(base_url=base_url, api_key=API_KEY))
    if name == "openai":
        import openai

        return SDKClient(name, openai.OpenAI(base_url=base_url, api_key=API_KEY))
    if name == "requests":
        return RequestsClient(base_url)
    if name == "http.client":
        return HTTPClientClient(host, port)
    raise ValueError(f"unknown client {name!r}; expected one of {CLIENT_NAMES}")


def cacheai_available() -> str | None:
    """``None`` if ``cacheai.CacheAI`` can be used, else why not."""
    try:
        import cacheai

        cacheai.CacheAI  # noqa: B018
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None
