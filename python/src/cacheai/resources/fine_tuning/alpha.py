"""``client.fine_tuning.alpha.graders``: try a grader (for reinforcement fine-tuning) before training with it."""

from __future__ import annotations

from functools import cached_property

from typing_extensions import Unpack

from ..._resource import CallOptions, SyncAPIResource, make_options
from ..._types import NotGiven, Omit, omit
from ..._utils import strip_not_given
from ...types.fine_tuning.alpha import (
    GraderRunResponse,
    GraderValidateResponse,
    grader_run_params,
    grader_validate_params,
)

__all__ = ["Alpha", "Graders"]


class Alpha(SyncAPIResource):
    @cached_property
    def graders(self) -> Graders:
        """Run and validate graders."""
        return Graders(self._client)


class Graders(SyncAPIResource):
    def run(
        self,
        *,
        grader: grader_run_params.Grader,
        model_sample: str,
        item: object | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> GraderRunResponse:
        """Grade ``model_sample`` (with the dataset ``item`` the grader's templates refer to)."""
        body = strip_not_given({"grader": grader, "model_sample": model_sample, "item": item})
        return self._client.request(  # type: ignore[no-any-return]
            GraderRunResponse, make_options("POST", "fine_tuning/alpha/graders/run", body=body, **options)
        )

    def validate(
        self,
        *,
        grader: grader_validate_params.Grader,
        **options: Unpack[CallOptions],
    ) -> GraderValidateResponse:
        """Check a grader's definition; the answer repeats the grader as the server understood it."""
        return self._client.request(  # type: ignore[no-any-return]
            GraderValidateResponse,
            make_options("POST", "fine_tuning/alpha/graders/validate", body={"grader": grader}, **options),
        )
