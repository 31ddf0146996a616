"""``client.uploads``: files larger than one request allows, sent in parts."""

from __future__ import annotations

from .parts import Parts
from .uploads import DEFAULT_PART_SIZE, Uploads

__all__ = ["DEFAULT_PART_SIZE", "Parts", "Uploads"]
