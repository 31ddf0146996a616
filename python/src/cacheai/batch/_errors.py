"""The errors of the many-prompt calls."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._exceptions import OpenAIError, ValidationError

__all__ = ["BatchError", "BatchInterrupted", "BatchItemError", "PartialFailureError", "ValidationError"]


class BatchError(OpenAIError):
    """A Batch API job failed or expired, or the server has no Batch API.

    ``errors`` are the server's file-level errors (each a ``BatchError`` with ``code``, ``line``, ``param``);
    ``status`` is the job's ``BatchJobStatus`` when there is one.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        line: int | None = None,
        param: str | None = None,
        batch_id: str | None = None,
        errors: Sequence[BatchError] = (),
        status: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.line = line
        self.param = param
        self.batch_id = batch_id
        self.errors = list(errors)
        self.status = status

    def __repr__(self) -> str:
        return f"BatchError(code={self.code!r}, line={self.line!r}, message={self.message!r})"


class BatchItemError(OpenAIError):
    """One request of a Batch API job that has no answer: it failed (error file), or is in no file (``missing``).

    ``index`` is its position in the submission, ``custom_id`` its id, ``code``/``message`` the server's error
    (``code="missing"`` when the request is in neither the output nor the error file, e.g. an expired batch),
    ``status_code`` and ``body`` the line's HTTP answer when it has one.
    """

    def __init__(
        self,
        message: str,
        *,
        index: int,
        custom_id: str,
        code: str | None = None,
        status_code: int | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.index = index
        self.custom_id = custom_id
        self.code = code
        self.status_code = status_code
        self.body = body

    def __repr__(self) -> str:
        return f"BatchItemError(index={self.index}, custom_id={self.custom_id!r}, code={self.code!r})"


class PartialFailureError(OpenAIError):
    """Some prompts of a batch still failed after their retries.

    ``results[i]`` is the ``ModelResponse`` or the exception of prompt ``i``; ``failed_indices`` lists the failures
    in input order; ``success_count`` counts the answers; ``errors`` are the exceptions, in that order.
    """

    def __init__(self, results: list[Any], failed_indices: list[int]) -> None:
        self.results = results
        self.failed_indices = failed_indices
        self.success_count = len(results) - len(failed_indices)
        self.errors: list[BaseException] = [results[i] for i in failed_indices]
        first = self.errors[0] if self.errors else None
        super().__init__(
            f"{len(failed_indices)} of {len(results)} prompts failed (first: index {failed_indices[0]}: "
            f"{type(first).__name__}: {first}); the answers are in .results"
            if failed_indices
            else "no prompt failed"
        )


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during ``batch_generate``: pending prompts were cancelled; ``results`` holds what completed.

    ``results[i]`` is a ``ModelResponse``, an exception, or ``None`` for a prompt that did not complete;
    ``completed`` counts the non-``None`` entries. It is a ``KeyboardInterrupt``, so it still stops the program.
    """

    def __init__(self, results: list[Any]) -> None:
        self.results = results
        self.completed = sum(r is not None for r in results)
        super().__init__(f"interrupted: {self.completed} of {len(results)} prompts completed (see .results)")
