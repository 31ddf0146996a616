"""``BatchMethods``: the many-prompt methods of ``CacheAI`` (each delegates to this package)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, cast

if TYPE_CHECKING:
    from .._client import CacheAI
    from .._highlevel import ModelResponse
    from ._config import BatchConfig
    from ._errors import BatchItemError
    from ._generate import Prompt
    from ._jobs import BatchJob, BatchJobStatus, BatchRequest

# The implementation modules (and the generated types they use) are imported on first use, not with the client.

__all__ = ["BatchMethods"]


class BatchMethods:
    """Mixed into ``CacheAI``: ``batch_generate``, ``batch_generate_iter`` and the Batch API workflow."""

    _batch_config: BatchConfig | None

    @property
    def batch_config(self) -> BatchConfig:
        """The defaults of the many-prompt calls (``CacheAI(batch=BatchConfig(...))``; built on first use)."""
        if self._batch_config is None:
            from ._config import BatchConfig

            self._batch_config = BatchConfig()
        return self._batch_config

    def _client(self) -> CacheAI:
        return cast("CacheAI", self)

    def batch_generate(
        self,
        prompts: Iterable[Prompt],
        *,
        model: str | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        max_concurrent: int | None = None,
        use_batch_api: bool | Literal["auto"] = False,
        progress_callback: Callable[..., Any] | None = None,
        progress: bool = False,
        return_exceptions: bool = False,
        **create_kwargs: Any,
    ) -> list[Any]:
        """Answer many prompts, returning ``list[ModelResponse]`` in input order.

        A prompt is a string, a list of messages or a full request dict (``{"messages": [...], ...}``). Up to
        ``max_concurrent`` (default 10, capped by the rate limiter's concurrency) run at once on threads, each
        through the client's retries, limiter and cache. ``progress_callback(fraction)`` (or
        ``(fraction, *, event)``, see ``BatchProgress``) runs on this thread (for an input with a length);
        ``progress=True`` shows a bar.
        If some prompts still fail: ``PartialFailureError`` (``.results`` has every answer), or with
        ``return_exceptions=True`` the exceptions in place. Ctrl-C raises ``BatchInterrupted`` with what completed.
        ``use_batch_api=True`` goes through the Batch API (half price, up to 24 h) and waits; ``"auto"`` does so
        above ``BatchConfig.auto_batch_threshold`` prompts.
        """
        if not isinstance(use_batch_api, bool) and use_batch_api != "auto":  # 1 == True: `in` would let 1 pass
            raise ValueError(f"use_batch_api must be True, False or 'auto', got {use_batch_api!r}")
        if use_batch_api is True and max_concurrent is not None:
            raise ValueError(
                "max_concurrent limits concurrent calls, and use_batch_api=True sends none: leave it out, "
                "or use use_batch_api='auto' (it then applies when the prompts are answered by calls)"
            )
        if use_batch_api == "auto":
            prompts = list(prompts)
            use_batch_api = len(prompts) > self.batch_config.auto_batch_threshold
        if use_batch_api:
            return self._through_batch_api(
                list(prompts),
                model,
                temperature,
                max_tokens,
                progress_callback,
                progress,
                return_exceptions,
                create_kwargs,
            )
        from ._generate import batch_generate

        return batch_generate(
            self._client(),
            prompts,
            model=model,
            temperature=temperature,
            max_tokens=max_tokens,
            max_concurrent=max_concurrent,
            progress_callback=progress_callback,
            progress=progress,
            return_exceptions=return_exceptions,
            **create_kwargs,
        )

    def batch_generate_iter(
        self,
        prompts: Iterable[Prompt],
        *,
        model: str | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        max_concurrent: int | None = None,
        progress_callback: Callable[..., Any] | None = None,
        progress: bool = False,
        **create_kwargs: Any,
    ) -> Iterator[tuple[int, ModelResponse | BaseException]]:
        """Like ``batch_generate``, yielding ``(index, ModelResponse or exception)`` as each prompt finishes."""
        from ._generate import batch_generate_iter

        return batch_generate_iter(
            self._client(),
            prompts,
            model=model,
            temperature=temperature,
            max_tokens=max_tokens,
            max_concurrent=max_concurrent,
            progress_callback=progress_callback,
            progress=progress,
            **create_kwargs,
        )

    def _through_batch_api(
        self,
        prompts: list[Prompt],
        model: str | None,
        temperature: float | None,
        max_tokens: int | None,
        progress_callback: Callable[..., Any] | None,
        progress: bool,
        return_exceptions: bool,
        create_kwargs: Mapping[str, Any],
    ) -> list[Any]:
        from ._generate import finish
        from ._jobs import wait_for_batch

        requests = [as_request(p, model, temperature, max_tokens, create_kwargs) for p in prompts]
        job = self.submit_batch_job(requests)
        wait_for_batch(
            self._client(),
            job.job_id,
            polling_interval=self.batch_config.polling_interval,
            timeout=None,
            progress=progress,
            progress_callback=progress_callback,
        )
        return finish(list(self.retrieve_batch_results(job.job_id)), return_exceptions)

    def submit_batch_job(
        self,
        requests: Iterable[BatchRequest | Mapping[str, Any]],
        *,
        completion_window: str | None = None,
        metadata: Mapping[str, str] | None = None,
        endpoint: str = "/v1/chat/completions",
        max_batch_size: int | None = None,
    ) -> BatchJob:
        """Upload ``requests`` as JSONL and start a Batch API job; returns its ``BatchJob`` (a durable ``job_id``).

        Custom ids are assigned (``request-<index>``) or validated (unique: else ``ValidationError`` before any
        upload). More than ``max_batch_size`` requests (``BatchConfig``, at most 50,000) or 200 MB are split into
        several batches behind one job id. A server without the Batch API gives a ``BatchError`` naming the 404.
        """
        from ._jobs import submit_batch_job

        return submit_batch_job(
            self._client(),
            requests,
            completion_window=completion_window or self.batch_config.completion_window,
            metadata=metadata,
            endpoint=endpoint,
            max_batch_size=self.batch_config.max_batch_size if max_batch_size is None else max_batch_size,
        )

    def get_batch_status(self, job_id: str) -> BatchJobStatus:
        """The job's ``BatchJobStatus`` (a job of several batches aggregates them)."""
        from ._jobs import get_batch_status

        return get_batch_status(self._client(), job_id)

    def wait_for_batch(
        self,
        job_id: str,
        *,
        polling_interval: float | None = None,
        timeout: float | None = None,
        progress: bool = False,
    ) -> BatchJobStatus:
        """Poll until the job is terminal; ``BatchError`` (with the server's errors) when it failed or expired,
        ``TimeoutError`` after ``timeout`` seconds.

        A status check the server refuses with 429 (or with ``Retry-After``), after the client's own retries, is
        not an error: the next check waits what the server asked, else the polling interval (at least 1 s),
        doubled at each further refusal in a row (up to 10 minutes).
        """
        from ._jobs import wait_for_batch

        return wait_for_batch(
            self._client(),
            job_id,
            polling_interval=self.batch_config.polling_interval if polling_interval is None else polling_interval,
            timeout=timeout,
            progress=progress,
        )

    def retrieve_batch_results(
        self, job_id: str, *, delete_files: bool = False
    ) -> list[ModelResponse | BatchItemError]:
        """The job's results in submission order: a ``ModelResponse`` (priced at the batch discount) or a
        ``BatchItemError`` (failed, or ``code="missing"``: in neither file) per request. ``delete_files=True``
        deletes the input, output and error files of terminal batches afterwards."""
        from ._jobs import retrieve_batch_results

        return retrieve_batch_results(self._client(), job_id, delete_files=delete_files)


def as_request(
    prompt: Prompt,
    model: str | None,
    temperature: float | None,
    max_tokens: int | None,
    create_kwargs: Mapping[str, Any],
) -> BatchRequest:
    """A prompt of ``batch_generate`` (string, messages or request dict) as a ``BatchRequest``; the keywords
    apply to it, a request dict's own fields win (as on the thread path)."""
    from ._jobs import BatchRequest

    if isinstance(prompt, Mapping):
        body = {**create_kwargs, **prompt}
        messages = body.pop("messages", None)
        return BatchRequest(
            messages=messages,
            model=body.pop("model", model),
            temperature=body.pop("temperature", temperature),
            max_tokens=body.pop("max_tokens", max_tokens),
            **body,
        )
    if isinstance(prompt, str):
        return BatchRequest(prompt=prompt, model=model, temperature=temperature, max_tokens=max_tokens, **create_kwargs)
    return BatchRequest(
        messages=list(prompt), model=model, temperature=temperature, max_tokens=max_tokens, **create_kwargs
    )
