"""``cacheai.Client``: cacheai 0.2.0's constructor and environment, built on ``CacheAI`` with a ``CacheAIService``.

``base_url`` is the CacheAI service (as in 0.2.0); the baseline model is ``baseline_model_base_url`` (or the
provider's public API), reached through the client's own HTTP path with ``baseline_model_api_key``.
"""

from __future__ import annotations

import os
from typing import Any

from typing_extensions import Self

from ._client import CacheAI
from .cache_service import DEFAULT_SERVICE_URL, CacheAIService

__all__ = ["Client"]

# The providers whose public API is OpenAI-compatible, for a baseline configured by provider name only.
_PROVIDER_URLS = {"openai": "https://api.openai.com/v1"}
_FALSE = frozenset({"0", "false", "no", "off"})


class Client(CacheAI):
    """The cacheai 0.2.0 client: every call looks up the CacheAI service first (see ``CacheAIService``).

    Arguments default to ``CACHEAI_API_KEY``, ``CACHEAI_BASE_URL`` (``https://api.cacheai.tech/v1``),
    ``CACHEAI_ENABLE_CACHE`` and ``CACHEAI_BASELINE_MODEL_PROVIDER``/``_MODEL``/``_API_KEY``/``_BASE_URL``.
    Any other keyword is ``CacheAI``'s (``circuit_breaker=``, ``prices=``, ...).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 2,
        enable_cache: bool | None = None,
        baseline_model_provider: str | None = None,
        baseline_model: str | None = None,
        baseline_model_api_key: str | None = None,
        baseline_model_base_url: str | None = None,
        **options: Any,
    ) -> None:
        env = os.environ.get
        api_key = api_key or env("CACHEAI_API_KEY")
        if not api_key:
            raise ValueError(
                "API key is required. Provide it via api_key parameter or CACHEAI_API_KEY environment variable."
            )
        service_url = (base_url or env("CACHEAI_BASE_URL") or DEFAULT_SERVICE_URL).rstrip("/")
        if enable_cache is None:
            enable_cache = (env("CACHEAI_ENABLE_CACHE") or "true").strip().lower() not in _FALSE
        self.enable_cache = enable_cache
        self.baseline_model_provider = baseline_model_provider or env("CACHEAI_BASELINE_MODEL_PROVIDER")
        self.baseline_model = baseline_model or env("CACHEAI_BASELINE_MODEL")
        self.baseline_model_api_key = baseline_model_api_key or env("CACHEAI_BASELINE_MODEL_API_KEY")
        self.baseline_model_base_url = baseline_model_base_url or env("CACHEAI_BASELINE_MODEL_BASE_URL")
        self.service_url = service_url
        service = CacheAIService(
            api_key,
            service_url,
            enable_cache=enable_cache,
            baseline_model_provider=self.baseline_model_provider,
            baseline_model=self.baseline_model,
            baseline_model_api_key=self.baseline_model_api_key,
            baseline_model_base_url=self.baseline_model_base_url,
            timeout=timeout,
        )
        baseline_url = self.baseline_model_base_url or _PROVIDER_URLS.get((self.baseline_model_provider or "").lower())
        if baseline_url is None:
            service._baseline_missing = (
                "The CacheAI service has no cached answer and no baseline model is configured: set "
                "baseline_model_base_url (or baseline_model_provider='openai') and baseline_model_api_key, or the "
                "CACHEAI_BASELINE_MODEL_* environment variables."
            )
        super().__init__(
            api_key=self.baseline_model_api_key or api_key if baseline_url else api_key,
            base_url=baseline_url or service_url,
            timeout=timeout,
            max_retries=max_retries,
            cache=service,
            **options,
        )

    def _new_copy(self, **options: Any) -> Self:
        new = type(self).__new__(type(self))
        CacheAI.__init__(new, **options)
        for name in ("enable_cache", "baseline_model_provider", "baseline_model", "baseline_model_api_key"):
            setattr(new, name, getattr(self, name))
        new.baseline_model_base_url = self.baseline_model_base_url
        new.service_url = self.service_url
        return new

    def close(self) -> None:
        super().close()
        if isinstance(self._cache, CacheAIService):
            self._cache.close()

    def __repr__(self) -> str:
        return f"<Client service_url={self.service_url!r} baseline_url={self.base_url!r}>"
