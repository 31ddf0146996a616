"""API types.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .file_batch_create_params import FileBatchCreateParams
    from .file_batch_list_files_params import FileBatchListFilesParams
    from .file_content_response import FileContentResponse
    from .file_create_params import FileCreateParams
    from .file_list_params import FileListParams
    from .file_update_params import FileUpdateParams
    from .vector_store_file import VectorStoreFile
    from .vector_store_file_batch import VectorStoreFileBatch
    from .vector_store_file_deleted import VectorStoreFileDeleted

__all__ = [
    "FileBatchCreateParams",
    "FileBatchListFilesParams",
    "FileContentResponse",
    "FileCreateParams",
    "FileListParams",
    "FileUpdateParams",
    "VectorStoreFile",
    "VectorStoreFileBatch",
    "VectorStoreFileDeleted",
]

_MODULE_OF: dict[str, str] = {
    "FileBatchCreateParams": ".file_batch_create_params",
    "FileBatchListFilesParams": ".file_batch_list_files_params",
    "FileContentResponse": ".file_content_response",
    "FileCreateParams": ".file_create_params",
    "FileListParams": ".file_list_params",
    "FileUpdateParams": ".file_update_params",
    "VectorStoreFile": ".vector_store_file",
    "VectorStoreFileBatch": ".vector_store_file_batch",
    "VectorStoreFileDeleted": ".vector_store_file_deleted",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
