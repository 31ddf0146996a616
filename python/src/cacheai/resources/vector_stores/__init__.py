"""``client.vector_stores``: vector stores, their files and file batches, and search."""

from __future__ import annotations

from .file_batches import FileBatches
from .files import Files
from .vector_stores import VectorStores

__all__ = ["FileBatches", "Files", "VectorStores"]
