"""Reading a response body as it arrives, below ``requests``' per-chunk generator overhead."""

from __future__ import annotations

from collections.abc import Iterator

import requests

__all__ = ["iter_raw_bytes"]

_READ_SIZE = 65536


def iter_raw_bytes(response: requests.Response) -> Iterator[bytes]:
    """Yield the (decompressed) body of a streamed response in pieces, each as soon as it arrives.

    A chunked response is read one HTTP chunk at a time; any other one with ``read1``, which returns whatever
    is available instead of waiting for a full buffer. Raises urllib3/requests errors unchanged.
    """
    raw = response.raw
    if raw is None or getattr(response, "_content_consumed", False):
        content = response.content
        if content:
            yield content
        return
    if getattr(raw, "chunked", False) and raw.supports_chunked_reads():
        for chunk in raw.read_chunked(decode_content=True):
            if chunk:
                yield chunk
        return
    read1 = getattr(raw, "read1", None)
    if read1 is None:  # urllib3 < 2
        yield from response.iter_content(chunk_size=None)
        return
    while True:
        chunk = read1(_READ_SIZE, decode_content=True)
        if not chunk:
            return
        yield chunk
