"""The ``cacheai`` command: talk to any OpenAI-compatible server from a shell, or run the fake one.

    cacheai chat "prompt" [-m MODEL] [--system TEXT] [--stream/--no-stream] [--json] [-v]
    cacheai complete "prompt" [-m MODEL] [--max-tokens N] [--stream/--no-stream] [--json]
    cacheai models [--json]
    cacheai embed TEXT [TEXT ...] [-m MODEL] [--dimensions N] [--json]
    cacheai serve-fake [--port PORT] [--api-key KEY] [--verbose] [--rpm N] [--tpm N] [--latency S]
    cacheai demo [-m MODEL]
    cacheai batch prompts.jsonl -o results.jsonl [--model M] [--concurrency N] [--rpm N] [--tpm N] [--cache URL]
                  [--batch-api]
    cacheai cache stats|clear|path [--cache URL]

Connection options (before or after the command): ``--base-url``, ``--api-key``, ``--timeout``,
``--max-retries``; otherwise ``CACHEAI_BASE_URL``/``CACHEAI_API_KEY``, then ``OPENAI_BASE_URL``/``OPENAI_API_KEY``
(exactly as the client reads them). Errors print one line on stderr and exit with status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from ._version import __version__

if TYPE_CHECKING:
    from ._client import CacheAI
    from ._info import ResponseInfo
    from ._types import Omit
    from .types.chat import ChatCompletionMessageParam

_T = TypeVar("_T")

__all__ = ["main"]

DEFAULT_CHAT_MODEL = "gpt-4o-mini"
DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small"


class CommandError(Exception):
    """A failure worth one line on stderr (exit status 1)."""


# --- argument parsing -----------------------------------------------------------------------------------


def _connection_options(parser: argparse.ArgumentParser, default: Any) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument("--base-url", default=default, help="server URL, e.g. http://localhost:8000/v1")
    group.add_argument("--api-key", default=default, help="API key (not needed by most local servers)")
    group.add_argument("--timeout", type=float, default=default, help="request timeout in seconds")
    group.add_argument("--max-retries", type=int, default=default, help="retries on transient errors")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cacheai",
        description="Talk to an OpenAI-compatible API (OpenAI, vLLM, llama.cpp, Ollama, LiteLLM...).",
        epilog="Environment: CACHEAI_BASE_URL, CACHEAI_API_KEY (then OPENAI_BASE_URL, OPENAI_API_KEY).",
    )
    parser.add_argument("--version", action="version", version=f"cacheai {__version__}")
    _connection_options(parser, None)
    connection = argparse.ArgumentParser(add_help=False)
    _connection_options(connection, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    chat = commands.add_parser(
        "chat", parents=[connection], help="send one chat message", description="Send one chat message."
    )
    chat.add_argument("prompt", help="the user message ('-' reads standard input)")
    chat.add_argument("-m", "--model", default=DEFAULT_CHAT_MODEL, help=f"model (default {DEFAULT_CHAT_MODEL})")
    chat.add_argument("--system", help="a system message to send first")
    chat.add_argument("--temperature", type=float, help="sampling temperature")
    chat.add_argument("--max-tokens", type=int, help="maximum tokens to generate")
    chat.add_argument("--stream", action=argparse.BooleanOptionalAction, default=True, help="stream the answer")
    chat.add_argument(
        "--json",
        action="store_true",
        help="print the raw response objects as JSON, with the call's record under 'cacheai_info'",
    )
    chat.add_argument(
        "-v", "--verbose", action="store_true", help="print latency, tokens, cost and request id on stderr"
    )
    chat.set_defaults(run=_chat)

    complete = commands.add_parser(
        "complete", parents=[connection], help="legacy text completion", description="Complete a prompt."
    )
    complete.add_argument("prompt", help="the prompt ('-' reads standard input)")
    complete.add_argument("-m", "--model", default=DEFAULT_CHAT_MODEL, help=f"model (default {DEFAULT_CHAT_MODEL})")
    complete.add_argument("--max-tokens", type=int, help="maximum tokens to generate")
    complete.add_argument("--temperature", type=float, help="sampling temperature")
    complete.add_argument("--stream", action=argparse.BooleanOptionalAction, default=True, help="stream the text")
    complete.add_argument("--json", action="store_true", help="print the raw response objects as JSON")
    complete.set_defaults(run=_complete)

    models = commands.add_parser(
        "models", parents=[connection], help="list the server's models", description="List the models."
    )
    models.add_argument("--json", action="store_true", help="print the raw model objects as JSON")
    models.set_defaults(run=_models)

    check = commands.add_parser(
        "check",
        parents=[connection],
        help="check the API key with one GET /models",
        description="Check the API key: valid, invalid or unreachable, with the models it sees "
        "(exit status 1 when not valid).",
    )
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.set_defaults(run=_check)

    embed = commands.add_parser(
        "embed", parents=[connection], help="embed texts", description="Print embedding vectors."
    )
    embed.add_argument("texts", nargs="+", metavar="TEXT", help="texts to embed")
    embed.add_argument(
        "-m", "--model", default=DEFAULT_EMBEDDING_MODEL, help=f"model (default {DEFAULT_EMBEDDING_MODEL})"
    )
    embed.add_argument("--dimensions", type=int, help="vector size (for models that support it)")
    embed.add_argument("--json", action="store_true", help="print the raw response as JSON")
    embed.set_defaults(run=_embed)

    serve = commands.add_parser(
        "serve-fake",
        help="run the fake OpenAI-compatible server",
        description="Run cacheai's fake OpenAI-compatible server in the foreground (Ctrl-C stops it). "
        "The first line printed is its base URL.",
    )
    serve.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 picks a free one)")
    serve.add_argument("--api-key", dest="server_api_key", help="require this API key (401 otherwise)")
    serve.add_argument("--verbose", action="store_true", help="log every request on stderr")
    serve.add_argument("--rpm", type=float, help="enforce this many requests per minute (429s like OpenAI's)")
    serve.add_argument("--tpm", type=float, help="enforce this many tokens per minute (429s like OpenAI's)")
    serve.add_argument("--latency", type=float, default=0.0, help="seconds to wait before every answer")
    serve.set_defaults(run=_serve_fake)

    demo = commands.add_parser(
        "demo",
        parents=[connection],
        help="show cacheai working (fake server unless a base URL is configured)",
        description="Run chat, a stream, completions, models and embeddings, printing each step. Without a "
        "configured base URL it uses the built-in fake server, so it works offline and costs nothing.",
    )
    demo.add_argument("-m", "--model", help="chat model (default: the server's first model)")
    demo.add_argument("--embedding-model", help="embedding model")
    demo.set_defaults(run=_demo)

    from .batch._cli import add_batch_command
    from .cache._cli import add_cache_command

    add_batch_command(commands, connection)
    add_cache_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cacheai`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except CommandError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except Exception as error:
        message = describe_error(error)
        if message is None:
            raise
        _fail(message)


def _fail(message: str) -> NoReturn:
    print(f"cacheai: error: {message}", file=sys.stderr)
    raise SystemExit(1)


def describe_error(error: Exception) -> str | None:
    """One line for an error of the client (``None`` for anything else: a bug, shown with its traceback)."""
    from ._exceptions import APIConnectionError, APIStatusError, APITimeoutError, OpenAIError

    if isinstance(error, APIStatusError):
        body = error.body
        detail = body.get("message") if isinstance(body, dict) else body if isinstance(body, str) else None
        text = detail if isinstance(detail, str) and detail.strip() else error.message
        request_id = f" (request id {error.request_id})" if getattr(error, "request_id", None) else ""
        return f"HTTP {error.status_code}: {_one_line(text)}{request_id}"
    if isinstance(error, APITimeoutError):
        return "the request timed out (raise --timeout?)"
    if isinstance(error, APIConnectionError):
        url = getattr(error.request, "url", None)
        where = f" at {url}" if url else ""
        return f"could not reach the server{where}: {_root_cause(error)}"
    if isinstance(error, OpenAIError):
        return str(error)
    return None


def _one_line(text: str, limit: int = 300) -> str:
    """Whitespace collapsed, cut at ``limit`` characters (an HTML error page must not flood the terminal)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def _root_cause(error: BaseException) -> str:
    """The most specific words of a connection failure (``Connection refused``, not urllib3's prose)."""
    root = error
    while (deeper := root.__cause__ or root.__context__) is not None:
        root = deeper
    text = str(root)
    errno_message = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)
    return errno_message.group(1).strip() if errno_message else text or type(root).__name__


def make_client(args: argparse.Namespace, **extra: Any) -> CacheAI:
    """The client of the connection options; ``extra`` are more ``CacheAI`` keywords (a command's own options)."""
    from ._client import CacheAI

    options: dict[str, Any] = {"api_key": args.api_key, "base_url": args.base_url, **extra}
    if args.timeout is not None:
        options["timeout"] = args.timeout
    if args.max_retries is not None:
        options["max_retries"] = args.max_retries
    return CacheAI(**options)


def _given(value: _T | None) -> _T | Omit:
    """``value``, or ``omit`` (the parameter is not sent) when the option was not used."""
    from ._types import omit

    return omit if value is None else value


def _read_prompt(prompt: str) -> str:
    """The prompt, or standard input for ``-`` (without the newline that ends what was piped or typed)."""
    if prompt != "-":
        return prompt
    text = sys.stdin.read()
    return text[:-2] if text.endswith("\r\n") else text.removesuffix("\n")


def _write(text: str) -> None:
    """Print at once (streamed text must appear as it arrives, even in a pipe)."""
    sys.stdout.write(text)
    sys.stdout.flush()


# --- commands -------------------------------------------------------------------------------------------


def _chat(args: argparse.Namespace) -> int:
    from ._info import info

    messages: list[ChatCompletionMessageParam] = []
    if args.system:
        messages.append({"role": "system", "content": args.system})
    messages.append({"role": "user", "content": _read_prompt(args.prompt)})
    temperature, max_tokens = _given(args.temperature), _given(args.max_tokens)
    wants_record = args.json or args.verbose
    with make_client(args) as client:
        if args.stream:
            stream = client.chat.completions.create(
                model=args.model,
                messages=messages,
                stream=True,
                temperature=temperature,
                max_tokens=max_tokens,
                stream_options={"include_usage": True} if wants_record else _given(None),
            )
            with stream:
                for chunk in stream:
                    if args.json:
                        _write(chunk.to_json(indent=None) + "\n")
                    elif chunk.choices and chunk.choices[0].delta.content:
                        _write(chunk.choices[0].delta.content)
            record = info(stream)
            if args.json:
                _write(json.dumps({"cacheai_info": record.as_dict()}) + "\n")
            else:
                _write("\n")
        else:
            completion = client.chat.completions.create(
                model=args.model, messages=messages, temperature=temperature, max_tokens=max_tokens
            )
            record = info(completion)
            if args.json:
                _write(json.dumps({**completion.to_dict(mode="json"), "cacheai_info": record.as_dict()}, indent=2))
                _write("\n")
            else:
                content = completion.choices[0].message.content if completion.choices else None
                _write((content or "") + "\n")
        if args.verbose:
            print(describe_record(record), file=sys.stderr)
    return 0


def describe_record(record: ResponseInfo) -> str:
    """One line for people: latency, time to first token, tokens, cost, retries, cache and request id."""
    parts = [f"latency {record.latency_ms:.0f} ms"]
    if record.ttft_ms is not None:
        parts.append(f"first token {record.ttft_ms:.0f} ms")
    usage = record.usage
    if usage is not None:
        parts.append(f"tokens {usage.prompt_tokens} in / {usage.completion_tokens} out")
    cost = record.cost
    parts.append("cost unknown" if cost is None else f"cost ${cost:.6f}")
    if record.retries:
        parts.append(f"{record.retries} retries")
    if record.cached:
        parts.append("cached")
    if record.request_id:
        parts.append(f"request {record.request_id}")
    return " · ".join(parts)


def _complete(args: argparse.Namespace) -> int:
    temperature, max_tokens = _given(args.temperature), _given(args.max_tokens)
    prompt = _read_prompt(args.prompt)
    with make_client(args) as client:
        if args.stream:
            stream = client.completions.create(
                model=args.model, prompt=prompt, stream=True, temperature=temperature, max_tokens=max_tokens
            )
            with stream:
                for chunk in stream:
                    if args.json:
                        _write(chunk.to_json(indent=None) + "\n")
                    elif chunk.choices:
                        _write(chunk.choices[0].text)
            if not args.json:
                _write("\n")
            return 0
        completion = client.completions.create(
            model=args.model, prompt=prompt, temperature=temperature, max_tokens=max_tokens
        )
        _write((completion.to_json() if args.json else completion.choices[0].text) + "\n")
    return 0


def _models(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        for model in client.models.list():
            _write((model.to_json(indent=None) if args.json else model.id) + "\n")
    return 0


def _check(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        result = client.check_key()
    _write((json.dumps(result.to_dict()) if args.json else result.summary()) + "\n")
    return 0 if result.valid else 1


def _embed(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        response = client.embeddings.create(
            model=args.model, input=list(args.texts), dimensions=_given(args.dimensions)
        )
        if args.json:
            _write(response.to_json() + "\n")
            return 0
        for text, item in zip(args.texts, response.data, strict=False):
            _write(f"{text}\t{len(item.embedding)} dimensions\t{_preview(item.embedding)}\n")
    return 0


def _preview(vector: Sequence[float], count: int = 4) -> str:
    shown = ", ".join(f"{value:.4f}" for value in vector[:count])
    return f"[{shown}{', ...' if len(vector) > count else ''}]"


def _serve_fake(args: argparse.Namespace) -> int:
    from .testing import FakeOpenAIServer, FakeRateLimits

    limits = FakeRateLimits(rpm=args.rpm, tpm=args.tpm) if args.rpm or args.tpm else None
    server = FakeOpenAIServer(port=args.port, api_key=args.server_api_key, verbose=args.verbose, rate_limits=limits)
    server.set_latency(args.latency)
    try:
        server.start()
    except OSError as error:  # e.g. the port is in use
        raise CommandError(f"cannot listen on 127.0.0.1:{args.port}: {error.strerror or error}") from None
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        _write(server.base_url + "\n")
        key_note = "; it requires the API key you gave" if args.server_api_key else ""
        print(f"cacheai fake OpenAI server listening{key_note}; Ctrl-C stops it.", file=sys.stderr, flush=True)
        server.serve_forever()
    finally:
        server.stop()
    return 0


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(0)


# --- demo -----------------------------------------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    base_url = args.base_url or os.environ.get("CACHEAI_BASE_URL") or os.environ.get("OPENAI_BASE_URL")
    if base_url:
        print(f"cacheai demo against {base_url}", flush=True)
        return _run_demo(args, fake=False)
    from .testing import FakeOpenAIServer

    with FakeOpenAIServer() as server:
        print(
            f"cacheai demo against the built-in fake server at {server.base_url}\n"
            "(set CACHEAI_BASE_URL, and CACHEAI_API_KEY if needed, to run it against a real server)",
            flush=True,
        )
        args.base_url = server.base_url
        args.api_key = "sk-fake"
        return _run_demo(args, fake=True)


def _run_demo(args: argparse.Namespace, *, fake: bool) -> int:
    failures = 0
    with make_client(args) as client:

        def step(title: str, action: Callable[[], None]) -> None:
            nonlocal failures
            print(f"\n>>> {title}", flush=True)
            try:
                action()
            except Exception as error:
                message = describe_error(error)
                if message is None:
                    raise
                failures += 1
                print(f"    failed: {message}", flush=True)

        model_ids: list[str] = []

        def list_models() -> None:
            model_ids.extend(model.id for model in client.models.list())
            print(f"    {len(model_ids)} models: {', '.join(model_ids[:8])}{' ...' if len(model_ids) > 8 else ''}")

        step("client.models.list()", list_models)
        model = args.model or (DEFAULT_CHAT_MODEL if fake or not model_ids else model_ids[0])
        embedding_model = args.embedding_model or next(
            (m for m in model_ids if "embed" in m), DEFAULT_EMBEDDING_MODEL if fake or not model_ids else model
        )
        question: list[ChatCompletionMessageParam] = [
            {"role": "user", "content": "Say hello to cacheai in five words."}
        ]

        def chat() -> None:
            completion = client.chat.completions.create(model=model, messages=question, max_tokens=32)
            usage = completion.usage
            tokens = f" ({usage.total_tokens} tokens)" if usage else ""
            print(f"    {completion.choices[0].message.content!r}{tokens}")

        def stream() -> None:
            _write("    ")
            with client.chat.completions.create(
                model=model,
                messages=question,
                max_tokens=32,
                stream=True,
            ) as chunks:
                for chunk in chunks:
                    if chunk.choices and chunk.choices[0].delta.content:
                        _write(chunk.choices[0].delta.content)
            _write("\n")

        def complete() -> None:
            completion = client.completions.create(model=model, prompt="Once upon a time", max_tokens=16)
            print(f"    {completion.choices[0].text!r}")

        def embed() -> None:
            response = client.embeddings.create(model=embedding_model, input=["cacheai", "requests"])
            for item in response.data:
                print(f"    #{item.index}: {len(item.embedding)} dimensions {_preview(item.embedding)}")

        step(f"client.chat.completions.create(model={model!r}, ...)", chat)
        step("client.chat.completions.create(..., stream=True)", stream)
        step("client.completions.create(prompt='Once upon a time', ...)", complete)
        step(f"client.embeddings.create(model={embedding_model!r}, ...)", embed)
    print(f"\n{'All steps worked.' if not failures else f'{failures} step(s) failed.'}", flush=True)
    return 1 if failures else 0
