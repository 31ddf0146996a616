"""Reading a response body as it arrives, below ``requests``' per-chunk generator overhead."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import requests

__all__ = ["iter_raw_bytes"]

_READ_SIZE = 65536


def iter_raw_bytes(response: requests.Response) -> Iterator[bytes]:
    """The (decompressed) body of a streamed response in pieces, each as soon as it arrives.

    A chunked response is read one HTTP chunk at a time (urllib3's own generator, returned as is: this is the
    per-chunk hot path); any other one with ``read1``, which returns whatever is available instead of waiting
    for a full buffer. Raises urllib3/requests errors unchanged.
    """
    raw = response.raw
    if raw is None or getattr(response, "_content_consumed", False):
        return iter([response.content] if response.content else [])
    if getattr(raw, "chunked", False) and raw.supports_chunked_reads():
        return raw.read_chunked(decode_content=True)  # yields non-empty chunks only
    if getattr(raw, "read1", None) is None:  # urllib3 < 2
        return response.iter_content(chunk_size=None)
    return _read1_chunks(raw)


def _read1_chunks(raw: Any) -> Iterator[bytes]:
    while True:
        chunk = raw.read1(_READ_SIZE, decode_content=True)
        if not chunk:
            return
        yield chunk
