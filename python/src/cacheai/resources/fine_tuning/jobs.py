"""``client.fine_tuning.jobs`` and ``client.fine_tuning.jobs.checkpoints``."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Literal

from typing_extensions import Unpack

from ..._pagination import SyncCursorPage
from ..._resource import CallOptions, SyncAPIResource, make_options
from ..._types import NotGiven, Omit, omit
from ..._utils import json_array, path_param, strip_not_given
from ...types.fine_tuning import FineTuningJob, FineTuningJobEvent, job_create_params
from ...types.fine_tuning.jobs import FineTuningJobCheckpoint
from ...types.shared_params.metadata import Metadata

__all__ = ["JobCheckpoints", "Jobs"]


def _job_path(fine_tuning_job_id: str, *rest: str) -> str:
    return "/".join(("fine_tuning/jobs", path_param("fine_tuning_job_id", fine_tuning_job_id), *rest))


class Jobs(SyncAPIResource):
    @cached_property
    def checkpoints(self) -> JobCheckpoints:
        """The checkpoints a job saved (one per epoch), each a model you can use."""
        return JobCheckpoints(self._client)

    def create(
        self,
        *,
        model: str | Literal["babbage-002", "davinci-002", "gpt-3.5-turbo", "gpt-4o-mini"],
        training_file: str,
        hyperparameters: job_create_params.Hyperparameters | Omit | NotGiven = omit,
        integrations: Iterable[job_create_params.Integration] | Omit | NotGiven | None = omit,
        metadata: Metadata | Omit | NotGiven | None = omit,
        method: job_create_params.Method | Omit | NotGiven = omit,
        seed: int | Omit | NotGiven | None = omit,
        suffix: str | Omit | NotGiven | None = omit,
        validation_file: str | Omit | NotGiven | None = omit,
        **options: Unpack[CallOptions],
    ) -> FineTuningJob:
        """Start fine-tuning ``model`` on an uploaded ``purpose="fine-tune"`` JSONL file (``training_file``)."""
        body = strip_not_given(
            {
                "model": model,
                "training_file": training_file,
                "hyperparameters": hyperparameters,
                "integrations": json_array(integrations),
                "metadata": metadata,
                "method": method,
                "seed": seed,
                "suffix": suffix,
                "validation_file": validation_file,
            }
        )
        return self._client.request(  # type: ignore[no-any-return]
            FineTuningJob, make_options("POST", "fine_tuning/jobs", body=body, **options)
        )

    def retrieve(
        self,
        fine_tuning_job_id: str,
        **options: Unpack[CallOptions],
    ) -> FineTuningJob:
        """A job's current state: ``status``, ``fine_tuned_model`` once it succeeded, ``error`` if it failed."""
        return self._client.request(  # type: ignore[no-any-return]
            FineTuningJob, make_options("GET", _job_path(fine_tuning_job_id), **options)
        )

    def list(
        self,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        metadata: dict[str, str] | Omit | NotGiven | None = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[FineTuningJob]:
        """Your organization's fine-tuning jobs (``metadata={k: v}`` filters); iterating walks every page."""
        query = strip_not_given({"after": after, "limit": limit, "metadata": metadata})
        return self._client.get_page(
            SyncCursorPage[FineTuningJob], make_options("GET", "fine_tuning/jobs", params=query, **options)
        )

    def cancel(
        self,
        fine_tuning_job_id: str,
        **options: Unpack[CallOptions],
    ) -> FineTuningJob:
        """Cancel a job that has not finished."""
        return self._client.request(  # type: ignore[no-any-return]
            FineTuningJob, make_options("POST", _job_path(fine_tuning_job_id, "cancel"), **options)
        )

    def pause(
        self,
        fine_tuning_job_id: str,
        **options: Unpack[CallOptions],
    ) -> FineTuningJob:
        """Pause a running job (``resume`` continues it)."""
        return self._client.request(  # type: ignore[no-any-return]
            FineTuningJob, make_options("POST", _job_path(fine_tuning_job_id, "pause"), **options)
        )

    def resume(
        self,
        fine_tuning_job_id: str,
        **options: Unpack[CallOptions],
    ) -> FineTuningJob:
        """Resume a paused job."""
        return self._client.request(  # type: ignore[no-any-return]
            FineTuningJob, make_options("POST", _job_path(fine_tuning_job_id, "resume"), **options)
        )

    def list_events(
        self,
        fine_tuning_job_id: str,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[FineTuningJobEvent]:
        """A job's status messages, newest first; iterating walks every page."""
        return self._client.get_page(
            SyncCursorPage[FineTuningJobEvent],
            make_options(
                "GET",
                _job_path(fine_tuning_job_id, "events"),
                params=strip_not_given({"after": after, "limit": limit}),
                **options,
            ),
        )


class JobCheckpoints(SyncAPIResource):
    """``client.fine_tuning.jobs.checkpoints`` (openai's ``jobs.Checkpoints``)."""

    def list(
        self,
        fine_tuning_job_id: str,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[FineTuningJobCheckpoint]:
        """A job's checkpoints (model id, step, metrics); iterating walks every page."""
        return self._client.get_page(
            SyncCursorPage[FineTuningJobCheckpoint],
            make_options(
                "GET",
                _job_path(fine_tuning_job_id, "checkpoints"),
                params=strip_not_given({"after": after, "limit": limit}),
                **options,
            ),
        )
