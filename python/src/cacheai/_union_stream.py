"""A ``Stream`` whose events are one of several models, told apart by their ``type`` (images, transcriptions)."""

from __future__ import annotations

import json
from typing import Any

import requests

from ._models import construct_type
from ._streaming import Stream

__all__ = ["UnionEventStream"]


class UnionEventStream(Stream[Any]):
    """Each event becomes the variant of ``cast_to`` (a union of event models) that its ``type`` names, as
    openai's stream does; an event of a type the union does not know is kept with its fields."""

    def __init__(self, *, cast_to: Any, response: requests.Response, client: Any = None, exchange: Any = None) -> None:
        union = cast_to

        def parse(data: bytes, _event: str | None) -> Any:
            return construct_type(union, json.loads(data, strict=False))

        super().__init__(cast_to=cast_to, response=response, client=client, parse=parse, exchange=exchange)
