"""``client.moderations``: ``POST /moderations``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from typing_extensions import Unpack

from .._resource import CallOptions, SyncAPIResource, make_options
from .._types import NotGiven, Omit, omit
from .._utils import json_array, strip_not_given
from ..types import ModerationCreateResponse, ModerationModel, ModerationMultiModalInputParam

__all__ = ["Moderations"]


class Moderations(SyncAPIResource):
    """Classify text and images against OpenAI's content policy categories."""

    def create(
        self,
        *,
        input: str | Sequence[str] | Iterable[ModerationMultiModalInputParam],
        model: str | ModerationModel | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> ModerationCreateResponse:
        """Classify ``input`` (a string, strings, or text and image-URL parts) with ``model``.

        One ``Moderation`` result per input, in ``results``, with its flagged categories and their scores.
        """
        body = strip_not_given({"model": model, "input": json_array(input)})
        return self._client.request(  # type: ignore[no-any-return]
            ModerationCreateResponse,
            make_options(
                "POST",
                "moderations",
                body=body,
                **options,
            ),
        )
