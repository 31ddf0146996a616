"""``batch_generate``: many prompts through ``chat.completions.create`` on threads, results in input order.

``max_concurrent`` worker threads (``PromptPool``) each take the next prompt from the input as soon as they finish
one, never more than ``2 x max_concurrent`` ahead of the results the caller has taken (lazy: memory stays flat
apart from the results); the calling thread takes the results and alone runs the progress callbacks. Each request
goes through the client like any other call (retries, limiter, cache).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Mapping, Sequence, Sized
from typing import TYPE_CHECKING, Any

from .._highlevel import ModelResponse, generate_response
from .._info import exchange_of
from ._errors import BatchInterrupted, PartialFailureError
from ._pool import PromptPool
from ._progress import ProgressReporter

if TYPE_CHECKING:
    from .._client import CacheAI

__all__ = ["DEFAULT_MAX_CONCURRENT", "INTERRUPT_GRACE_S", "batch_generate", "batch_generate_iter", "concurrency_cap"]

DEFAULT_MAX_CONCURRENT = 10
INTERRUPT_GRACE_S = 5.0  # after Ctrl-C, how long in-flight requests may take to finish
READ_AHEAD = 2  # the input is read at most READ_AHEAD x max_concurrent prompts ahead of the results taken

Prompt = str | Sequence[Mapping[str, Any]] | Mapping[str, Any]


def concurrency_cap(client: CacheAI, requested: int | None, model: str | None = None) -> int:
    """The number of threads: ``requested`` (default 10), capped by the rate limiter's concurrency if it has one.

    The limiter holds every call to its ``max_concurrent`` anyway; lowering the thread count to the one of its
    config for ``model`` (``config_for``) keeps the extra threads from only waiting for a slot.
    """
    if requested is not None and (not isinstance(requested, int) or isinstance(requested, bool) or requested < 1):
        raise ValueError(f"max_concurrent must be a positive integer, got {requested!r}")
    threads = requested or DEFAULT_MAX_CONCURRENT
    limiter = getattr(client, "rate_limiter", None)
    config_for = getattr(limiter, "config_for", None)
    config = config_for(model or client.default_model) if callable(config_for) else None
    cap = getattr(config, "max_concurrent", None)
    if isinstance(cap, int) and not isinstance(cap, bool) and cap > 0:
        threads = min(threads, cap)
    return threads


def run_one(
    client: CacheAI,
    prompt: Prompt,
    *,
    model: str | None,
    temperature: float | None,
    max_tokens: int | None,
    create_kwargs: Mapping[str, Any],
) -> ModelResponse:
    """One prompt: a string, a list of messages, or a full request dict (``messages`` plus create's keywords).

    The answer's record is built, then the HTTP response it came from is let go (``Exchange.release``).
    """
    messages: str | Sequence[Mapping[str, Any]]
    if isinstance(prompt, Mapping):
        request = dict(prompt)
        if "messages" not in request:
            raise TypeError("a request dict prompt needs 'messages' (a list of message dicts)")
        messages = request.pop("messages")
        kwargs = {**create_kwargs, **request}
        model = kwargs.pop("model", model)
        temperature = kwargs.pop("temperature", temperature)
        max_tokens = kwargs.pop("max_tokens", max_tokens)
    else:
        messages, kwargs = prompt, dict(create_kwargs)
    answer = generate_response(client, messages, model=model, temperature=temperature, max_tokens=max_tokens, **kwargs)
    exchange = exchange_of(answer.completion)
    if exchange is not None:
        exchange.release()
    return answer


def batch_generate_iter(
    client: CacheAI,
    prompts: Iterable[Prompt],
    *,
    model: str | None = None,
    temperature: float | None = None,
    max_tokens: int | None = None,
    max_concurrent: int | None = None,
    progress_callback: Callable[..., Any] | None = None,
    progress: bool = False,
    **create_kwargs: Any,
) -> Generator[tuple[int, ModelResponse | BaseException], None, None]:
    """Yield ``(index, ModelResponse or exception)`` as prompts finish (completion order).

    Ctrl-C while waiting cancels the prompts not yet started, waits up to ``INTERRUPT_GRACE_S`` for those in
    flight, and raises ``BatchInterrupted`` (a ``KeyboardInterrupt``) whose ``results`` hold what completed.
    """
    threads = concurrency_cap(client, max_concurrent, model)
    total = len(prompts) if isinstance(prompts, Sized) else None
    reporter = ProgressReporter(total, progress_callback, progress)
    completed: dict[int, ModelResponse | BaseException] = {}

    def work(prompt: Prompt) -> ModelResponse:
        return run_one(
            client, prompt, model=model, temperature=temperature, max_tokens=max_tokens, create_kwargs=create_kwargs
        )

    pool = PromptPool(enumerate(prompts), work, threads=threads, read_ahead=READ_AHEAD * threads)
    try:
        try:
            while (item := pool.next_result()) is not None:
                index, result = item
                completed[index] = result  # until it is yielded: a Ctrl-C in between must not lose it
                reporter.record(result)
                yield index, result
                del completed[index]
        except KeyboardInterrupt:
            pool.stop()
            completed.update(pool.drain(INTERRUPT_GRACE_S))
            raise BatchInterrupted(_interrupted_results(total, completed)) from None
    finally:
        pool.stop()
        reporter.close()


def _interrupted_results(total: int | None, completed: Mapping[int, Any]) -> list[Any]:
    size = total if total is not None else (max(completed) + 1 if completed else 0)
    results: list[Any] = [None] * size
    for index, result in completed.items():
        results[index] = result
    return results


def batch_generate(
    client: CacheAI,
    prompts: Iterable[Prompt],
    *,
    return_exceptions: bool = False,
    **options: Any,
) -> list[Any]:
    """See ``CacheAI.batch_generate`` (the thread path)."""
    results: dict[int, ModelResponse | BaseException] = {}
    size = len(prompts) if isinstance(prompts, Sized) else None
    iterator = batch_generate_iter(client, prompts, **options)
    try:
        for index, result in iterator:
            results[index] = result
    except KeyboardInterrupt as interrupted:
        iterator.close()  # a Ctrl-C between two results: stop the pool too
        # the iterator's results are those it had not yielded yet: never at an index of ``results``
        found = interrupted.results if isinstance(interrupted, BatchInterrupted) else []
        raise BatchInterrupted(_interrupted_results(size, {**dict(enumerate(found)), **results})) from None
    ordered = [results[i] for i in range(len(results))]
    return finish(ordered, return_exceptions)


def finish(ordered: list[Any], return_exceptions: bool) -> list[Any]:
    """The ordered results, or ``PartialFailureError`` when some are exceptions (unless ``return_exceptions``)."""
    failed = [i for i, result in enumerate(ordered) if isinstance(result, BaseException)]
    if failed and not return_exceptions:
        raise PartialFailureError(ordered, failed)
    return ordered
