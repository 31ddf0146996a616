"""LiteLLM callback for the integration tests: breaks the ``mock-mid-stream-error`` stream after two chunks.

The proxy has already sent ``200 OK`` and two chunks by then, so it reports the failure the way it does for
a real upstream failing mid-stream: a ``data: {"error": {...}}`` event, and no ``[DONE]``.
"""

from collections.abc import AsyncGenerator
from typing import Any

from litellm.integrations.custom_logger import CustomLogger

FAULTY_MODEL = "mock-mid-stream-error"
CHUNKS_BEFORE_FAULT = 2


class MidStreamFault(CustomLogger):
    async def async_post_call_streaming_iterator_hook(
        self, user_api_key_dict: Any, response: Any, request_data: dict
    ) -> AsyncGenerator[Any, None]:
        sent = 0
        async for item in response:
            if request_data.get("model") == FAULTY_MODEL and sent == CHUNKS_BEFORE_FAULT:
                raise RuntimeError("upstream connection lost mid-stream (injected by the test proxy)")
            sent += 1
            yield item


proxy_handler_instance = MidStreamFault()
