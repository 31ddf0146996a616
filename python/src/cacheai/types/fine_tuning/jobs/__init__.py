"""API types.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .checkpoint_list_params import CheckpointListParams
    from .fine_tuning_job_checkpoint import FineTuningJobCheckpoint

__all__ = ["CheckpointListParams", "FineTuningJobCheckpoint"]

_MODULE_OF: dict[str, str] = {
    "CheckpointListParams": ".checkpoint_list_params",
    "FineTuningJobCheckpoint": ".fine_tuning_job_checkpoint",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
