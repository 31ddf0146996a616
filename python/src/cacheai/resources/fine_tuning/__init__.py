"""``client.fine_tuning``: fine-tuning jobs (``jobs``, with their ``checkpoints``), checkpoint permissions
(``checkpoints.permissions``) and graders (``alpha.graders``)."""

from __future__ import annotations

from functools import cached_property

from ..._resource import SyncAPIResource
from .alpha import Alpha, Graders
from .checkpoints import Checkpoints, Permissions
from .jobs import Jobs

__all__ = ["Alpha", "Checkpoints", "FineTuning", "Graders", "Jobs", "Permissions"]


class FineTuning(SyncAPIResource):
    @cached_property
    def jobs(self) -> Jobs:
        """Fine-tuning jobs: create, retrieve, list, cancel, pause, resume, events and checkpoints."""
        return Jobs(self._client)

    @cached_property
    def checkpoints(self) -> Checkpoints:
        """Fine-tuned model checkpoints: who may use them (``permissions``)."""
        return Checkpoints(self._client)

    @cached_property
    def alpha(self) -> Alpha:
        """Alpha features: graders (``run``, ``validate``)."""
        return Alpha(self._client)
