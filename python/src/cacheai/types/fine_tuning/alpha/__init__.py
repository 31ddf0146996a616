"""API types.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .grader_run_params import GraderRunParams
    from .grader_run_response import GraderRunResponse
    from .grader_validate_params import GraderValidateParams
    from .grader_validate_response import GraderValidateResponse

__all__ = ["GraderRunParams", "GraderRunResponse", "GraderValidateParams", "GraderValidateResponse"]

_MODULE_OF: dict[str, str] = {
    "GraderRunParams": ".grader_run_params",
    "GraderRunResponse": ".grader_run_response",
    "GraderValidateParams": ".grader_validate_params",
    "GraderValidateResponse": ".grader_validate_response",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
