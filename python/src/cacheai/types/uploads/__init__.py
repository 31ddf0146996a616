"""API types.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .part_create_params import PartCreateParams
    from .upload_part import UploadPart

__all__ = ["PartCreateParams", "UploadPart"]

_MODULE_OF: dict[str, str] = {"PartCreateParams": ".part_create_params", "UploadPart": ".upload_part"}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
