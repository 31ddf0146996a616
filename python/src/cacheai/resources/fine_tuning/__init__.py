"""``client.fine_tuning``: fine-tuning jobs (``jobs``, with their ``checkpoints``)."""

from __future__ import annotations

from functools import cached_property

from ..._resource import SyncAPIResource
from .jobs import Checkpoints, Jobs

__all__ = ["Checkpoints", "FineTuning", "Jobs"]


class FineTuning(SyncAPIResource):
    @cached_property
    def jobs(self) -> Jobs:
        """Fine-tuning jobs: create, retrieve, list, cancel, pause, resume, events and checkpoints."""
        return Jobs(self._client)
