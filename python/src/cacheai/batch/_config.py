"""``BatchConfig``: the defaults of the many-prompt calls (``CacheAI(batch=BatchConfig(...))``)."""

from __future__ import annotations

import pydantic

__all__ = ["MAX_FILE_BYTES", "MAX_FILE_REQUESTS", "BatchConfig"]

MAX_FILE_REQUESTS = 50_000  # the Batch API's limit per input file
MAX_FILE_BYTES = 200 * 1024 * 1024  # 200 MB per input file


class BatchConfig(pydantic.BaseModel):
    """Defaults for ``batch_generate`` and the Batch API workflow; ``submit_batch_job`` (``completion_window``,
    ``max_batch_size``) and ``wait_for_batch`` (``polling_interval``) also take theirs per call.

    - ``auto_batch_threshold``: ``batch_generate(use_batch_api="auto")`` uses the Batch API above this many prompts.
    - ``polling_interval``: seconds between status checks in ``wait_for_batch``.
    - ``completion_window``: the Batch API's window (``"24h"``).
    - ``max_batch_size``: requests per batch; a larger job is split into several batches behind one job id
      (never more than the API's 50,000 per file).
    """

    model_config = pydantic.ConfigDict(frozen=True)

    auto_batch_threshold: int = pydantic.Field(default=100, ge=0)
    polling_interval: float = pydantic.Field(default=60.0, ge=0)
    completion_window: str = "24h"
    max_batch_size: int = pydantic.Field(default=MAX_FILE_REQUESTS, ge=1, le=MAX_FILE_REQUESTS)
