"""``client.batches``: the Batch API (create, retrieve, list, cancel)."""

from __future__ import annotations

from typing import Literal

from typing_extensions import Unpack

from .._pagination import SyncCursorPage
from .._resource import CallOptions, SyncAPIResource, make_options
from .._types import NotGiven, Omit, omit
from .._utils import path_param, strip_not_given
from ..types import Batch

__all__ = ["Batches"]

BatchEndpoint = Literal[
    "/v1/responses",
    "/v1/chat/completions",
    "/v1/embeddings",
    "/v1/completions",
    "/v1/moderations",
    "/v1/images/generations",
    "/v1/images/edits",
    "/v1/videos",
]


class Batches(SyncAPIResource):
    def create(
        self,
        *,
        completion_window: Literal["24h"] | str,
        endpoint: BatchEndpoint | str,
        input_file_id: str,
        metadata: dict[str, str] | Omit | NotGiven | None = omit,
        output_expires_after: dict[str, object] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> Batch:
        """Start a batch over the requests in an uploaded ``purpose="batch"`` JSONL file."""
        body = strip_not_given(
            {
                "completion_window": completion_window,
                "endpoint": endpoint,
                "input_file_id": input_file_id,
                "metadata": metadata,
                "output_expires_after": output_expires_after,
            }
        )
        return self._client.request(  # type: ignore[no-any-return]
            Batch,
            make_options(
                "POST",
                "batches",
                body=body,
                **options,
            ),
        )

    def retrieve(
        self,
        batch_id: str,
        **options: Unpack[CallOptions],
    ) -> Batch:
        """A batch's current state: ``status``, ``request_counts``, output and error file ids."""
        return self._client.request(  # type: ignore[no-any-return]
            Batch,
            make_options(
                "GET",
                f"batches/{path_param('batch_id', batch_id)}",
                **options,
            ),
        )

    def list(
        self,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[Batch]:
        """Your batches, newest first; iterating the page walks every page."""
        return self._client.get_page(
            SyncCursorPage[Batch],
            make_options(
                "GET",
                "batches",
                params=strip_not_given({"after": after, "limit": limit}),
                **options,
            ),
        )

    def cancel(
        self,
        batch_id: str,
        **options: Unpack[CallOptions],
    ) -> Batch:
        """Cancel a batch in progress (it moves to ``cancelling``, then ``cancelled``)."""
        return self._client.request(  # type: ignore[no-any-return]
            Batch,
            make_options(
                "POST",
                f"batches/{path_param('batch_id', batch_id)}/cancel",
                **options,
            ),
        )
