"""The record of one request received by the fake server."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["RecordedRequest"]


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the fake server received it.

    ``headers`` has lower-cased names; ``query`` keeps the last value of each parameter; ``body`` is the
    parsed JSON body, the form fields of a multipart body (files as ``bytes``), or ``None`` when empty.
    """

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    raw_body: bytes = field(repr=False)

    @property
    def api_key(self) -> str | None:
        """The key of the ``Authorization: Bearer`` header, or ``None``."""
        from ._keys import bearer_key

        return bearer_key(self.headers.get("authorization"))

    def json(self) -> dict[str, Any]:
        """The body as a JSON object (raises ``TypeError`` when it is not one)."""
        if not isinstance(self.body, dict):
            raise TypeError(f"the body of {self.method} {self.path} is not a JSON object: {self.body!r}")
        return self.body
