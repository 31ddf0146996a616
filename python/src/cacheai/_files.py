"""Multipart uploads: accepting a file the ways openai does and encoding the form."""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TypeAlias

import requests.models
import urllib3.filepost

from ._utils import flatten_params

__all__ = ["FileContent", "FileTypes", "encode_multipart", "file_from_path", "read_file_input"]

FileContent: TypeAlias = IO[bytes] | bytes | os.PathLike[str]  # not a string: TypedDicts resolve it elsewhere
FileTypes: TypeAlias = (
    FileContent
    | tuple[str | None, FileContent]
    | tuple[str | None, FileContent, str | None]
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)


def file_from_path(path: str | os.PathLike[str]) -> FileTypes:
    """A file to upload, read now: ``(its base name, its bytes)``, as openai's ``file_from_path``."""
    return (os.path.basename(path), Path(path).read_bytes())


def read_file_input(file: FileTypes, param: str = "file") -> tuple[str, bytes, str | None]:
    """``(filename, content, content_type)`` from bytes, a path, a binary file object or a tuple.

    Content is read into memory so that a retried upload sends the same bytes again.
    """
    if isinstance(file, tuple):
        if not 2 <= len(file) <= 4:
            raise TypeError(
                f"`{param}` as a tuple must be (filename, content[, content_type[, headers]]), "
                f"got a tuple of {len(file)}"
            )
        name, content, *rest = file
        _, data, _ = read_file_input(content, param)
        content_type = rest[0] if rest else None
        return (name or "upload", data, content_type if isinstance(content_type, str) else None)
    if isinstance(file, (bytes, bytearray, memoryview)):
        return ("upload", bytes(file), None)
    if isinstance(file, os.PathLike):
        path = Path(file)
        return (path.name, path.read_bytes(), None)
    if isinstance(file, io.TextIOBase):
        raise TypeError("Open the file in binary mode ('rb') to upload it; a text-mode file was given.")
    if hasattr(file, "read"):
        data = file.read()
        if isinstance(data, str):
            raise TypeError("Open the file in binary mode ('rb') to upload it; read() returned text.")
        name = getattr(file, "name", None)
        return (os.path.basename(name) if isinstance(name, str) and name else "upload", data, None)
    raise TypeError(
        f"`{param}` must be bytes, a pathlib.Path, a binary file object or a (filename, content) tuple, "
        f"got {type(file)!r}"
    )


def encode_multipart(fields: Mapping[str, object], files: list[tuple[str, FileTypes]]) -> tuple[bytes, str]:
    """The multipart/form-data body and its Content-Type; nested fields are flattened with brackets."""
    pairs: list[tuple[str, str]] = []
    for key, value in fields.items():
        flatten_params(key, value, pairs)
    parts = []
    for field, file in files:
        name, data, content_type = read_file_input(file, field.removesuffix("[]"))
        # as openai (httpx) does: a part without a given type is typed by its file name's extension, else
        # application/octet-stream
        content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        parts.append((field, (name, data, content_type)))
    if not parts:  # a form of fields alone (``audio.voices.create`` from a prompt): requests' encoder wants a file
        body, content_type = urllib3.filepost.encode_multipart_formdata(_grouped(pairs))
        return body, content_type
    # requests' own multipart encoder (not in its type stubs): one way to build a form, shared with requests.
    encode_files = getattr(requests.models.RequestEncodingMixin, "_encode_files")  # noqa: B009
    body, content_type = encode_files(parts, _grouped(pairs))
    return body, content_type


def _grouped(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The form fields as openai sends them: the values of a repeated key together, where it first appears, and
    a value that follows an empty one under the same key replacing it (openai's merge keeps a key's first
    non-empty value, so ``["", ""]`` goes as one empty field)."""
    merged: dict[str, list[str]] = {}
    for key, value in pairs:
        values = merged.setdefault(key, [])
        if values and not (len(values) == 1 and values[0] == ""):
            values.append(value)
        else:
            merged[key] = [value]
    return [(key, value) for key, values in merged.items() for value in values]
