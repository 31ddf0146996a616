"""API types.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .permission_create_params import PermissionCreateParams
    from .permission_create_response import PermissionCreateResponse
    from .permission_delete_response import PermissionDeleteResponse
    from .permission_list_params import PermissionListParams
    from .permission_list_response import PermissionListResponse
    from .permission_retrieve_params import PermissionRetrieveParams
    from .permission_retrieve_response import PermissionRetrieveResponse

__all__ = [
    "PermissionCreateParams",
    "PermissionCreateResponse",
    "PermissionDeleteResponse",
    "PermissionListParams",
    "PermissionListResponse",
    "PermissionRetrieveParams",
    "PermissionRetrieveResponse",
]

_MODULE_OF: dict[str, str] = {
    "PermissionCreateParams": ".permission_create_params",
    "PermissionCreateResponse": ".permission_create_response",
    "PermissionDeleteResponse": ".permission_delete_response",
    "PermissionListParams": ".permission_list_params",
    "PermissionListResponse": ".permission_list_response",
    "PermissionRetrieveParams": ".permission_retrieve_params",
    "PermissionRetrieveResponse": ".permission_retrieve_response",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
