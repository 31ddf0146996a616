"""``client.embeddings``: ``POST /embeddings``.

As openai does, a call without ``encoding_format`` asks for base64 (about a third of the bytes of JSON floats, and
much cheaper to parse) and decodes it to ``list[float]``; servers that ignore the request and send floats work
unchanged. A server that rejects base64 outright (some gateways do) is asked once more for floats. An explicit
``encoding_format`` is sent as given and the response is returned as the server sent it.
"""

from __future__ import annotations

import array
import binascii
import sys
from collections.abc import Iterable
from typing import Literal

import pydantic_core
import requests
from typing_extensions import Unpack

from .._exceptions import BadRequestError, UnprocessableEntityError
from .._models import validate_or_construct
from .._resource import CallOptions, RawResponseMirror, SyncAPIResource, make_options
from .._response import parse_response
from .._types import NotGiven, Omit, omit
from .._utils import json_array, strip_not_given
from ..types import CreateEmbeddingResponse

__all__ = ["Embeddings", "parse_base64_embeddings"]

EmbeddingInput = str | list[str] | Iterable[int] | Iterable[Iterable[int]]


class Embeddings(SyncAPIResource):
    @property
    def with_raw_response(self) -> RawResponseMirror:
        return RawResponseMirror(self)

    def create(
        self,
        *,
        input: EmbeddingInput,
        model: str,
        dimensions: int | Omit | NotGiven = omit,
        encoding_format: Literal["float", "base64"] | Omit | NotGiven = omit,
        user: str | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> CreateEmbeddingResponse:
        """Embed ``input`` (a string, strings, token ids or lists of token ids) with ``model``."""
        sent_input = json_array(input)  # nested iterables are encoded as JSON arrays
        body = strip_not_given(
            {
                "model": model,
                "input": sent_input,
                "user": user,
                "dimensions": dimensions,
                "encoding_format": encoding_format,
            }
        )
        decode = "encoding_format" not in body
        if decode:
            body["encoding_format"] = "base64"

        def send(request_body: dict[str, object]) -> CreateEmbeddingResponse:
            return self._client.request(  # type: ignore[no-any-return]
                CreateEmbeddingResponse,
                make_options(
                    "POST",
                    "embeddings",
                    body=request_body,
                    **options,
                ),
                parser=parse_base64_embeddings if decode else None,
            )

        if not decode:
            return send(body)
        try:
            return send(body)
        except (BadRequestError, UnprocessableEntityError) as exc:
            if "base64" not in exc.message and "encoding_format" not in exc.message:
                raise
            return send({**body, "encoding_format": "float"})


def parse_base64_embeddings(response: requests.Response) -> CreateEmbeddingResponse:
    """Parse an embeddings response, decoding base64 vectors (little-endian float32) to ``list[float]``.

    The vectors are set aside while the rest of the response is validated, then decoded straight into the
    objects: no pass of pydantic over hundreds of thousands of floats. Vectors sent as lists are kept.
    """
    try:
        raw = pydantic_core.from_json(response.content)
    except ValueError:
        raw = None
    data = raw.get("data") if isinstance(raw, dict) else None
    if not isinstance(data, list):
        return parse_response(response, CreateEmbeddingResponse)  # type: ignore[no-any-return]
    if not data:
        raise ValueError("No embedding data received")
    encoded: list[object] = []
    for item in data:
        vector = item.get("embedding") if isinstance(item, dict) else None
        encoded.append(vector)
        if isinstance(vector, str):
            item["embedding"] = []
    result = validate_or_construct(CreateEmbeddingResponse, raw)
    object.__setattr__(result, "_request_id", response.headers.get("x-request-id"))
    for embedding, vector in zip(result.data, encoded, strict=True):
        if isinstance(vector, str):
            floats = array.array("f", binascii.a2b_base64(vector))
            if sys.byteorder != "little":
                floats.byteswap()
            embedding.embedding = floats.tolist()
    return result
