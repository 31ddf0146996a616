"""Many prompts at once: ``batch_generate`` on threads, and the Batch API workflow (submit, wait, ordered results).

High-level code above the resources: it calls ``client.chat.completions.create``, ``client.files.*`` and
``client.batches.*`` like user code, so every layer of the client applies.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._config import BatchConfig
    from ._errors import BatchError, BatchInterrupted, BatchItemError, PartialFailureError, ValidationError
    from ._jobs import BatchJob, BatchJobStatus, BatchRequest
    from ._mixin import BatchMethods
    from ._progress import BatchProgress

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "BatchConfig": "._config",
        "BatchError": "._errors",
        "BatchInterrupted": "._errors",
        "BatchItemError": "._errors",
        "BatchJob": "._jobs",
        "BatchJobStatus": "._jobs",
        "BatchMethods": "._mixin",
        "BatchProgress": "._progress",
        "BatchRequest": "._jobs",
        "PartialFailureError": "._errors",
        "ValidationError": "._errors",
    },
)

__all__ = [
    "BatchConfig",
    "BatchError",
    "BatchInterrupted",
    "BatchItemError",
    "BatchJob",
    "BatchJobStatus",
    "BatchMethods",
    "BatchProgress",
    "BatchRequest",
    "PartialFailureError",
    "ValidationError",
]
