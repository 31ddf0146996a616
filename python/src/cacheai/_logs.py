"""The ``cacheai`` logger and the ``CACHEAI_LOG`` switch."""

from __future__ import annotations

import logging
import os
import re

__all__ = ["setup_logging"]

logger = logging.getLogger("cacheai")

_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
    "critical": logging.CRITICAL,
}
_SECRET = re.compile(r"(?i)(bearer\s+|api[-_]?key[\"'=:\s]+)([A-Za-z0-9._\-]{4,})")


class RedactSecrets(logging.Filter):
    """Masks anything that looks like a bearer token or API key in a log record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _SECRET.sub(lambda m: m.group(1) + "<redacted>", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def setup_logging() -> None:
    """Turn logging on when ``CACHEAI_LOG`` (or openai's ``OPENAI_LOG``) names a level."""
    logger.addFilter(RedactSecrets())
    level = _LEVELS.get((os.environ.get("CACHEAI_LOG") or os.environ.get("OPENAI_LOG") or "").lower())
    if level is None:
        return
    logging.basicConfig(
        format="[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s",
        datefmt="%Y-%m-%d %H:%M:%S",
    )
    logger.setLevel(level)
