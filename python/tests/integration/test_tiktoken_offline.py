"""The token estimate with the real ``tiktoken``: used with an encoding available offline, never a download.

tiktoken downloads its encodings on first use; this machine reaches no such host. The LiteLLM install (a server
of this suite) has both tiktoken and ``o200k_base`` (its wheel ships it under tiktoken's cache name), so its
interpreter runs the estimator here against the real library, with that cache and with an empty one.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from server_process import CACHE_DIR, required_path

pytestmark = pytest.mark.servers

SRC = Path(__file__).resolve().parents[2] / "src"

SCRIPT = r"""
import importlib.util, json, os, socket, sys

connections = []
real_connect = socket.socket.connect

def connect(self, address):  # any download attempt is recorded and refused
    connections.append(str(address))
    raise OSError("no network in this test")

socket.socket.connect = connect
litellm = importlib.util.find_spec("litellm").submodule_search_locations[0]
os.environ["TIKTOKEN_CACHE_DIR"] = sys.argv[1] or os.path.join(litellm, "litellm_core_utils", "tokenizers")

import tiktoken
from cacheai.limits import _estimate, count_text_tokens, estimate_request_tokens

text = "Say hello to the rate limiter, then count these tokens."
message = {"model": "m", "messages": [{"role": "user", "content": text}], "max_tokens": 0}
result = {
    "uses_tiktoken": _estimate._counter() is not _estimate._chars,
    "count": count_text_tokens(text),
    "estimate": estimate_request_tokens(message),
    "connections": connections,
}
if result["uses_tiktoken"]:
    result["tiktoken_count"] = len(tiktoken.get_encoding("o200k_base").encode(text))
print(json.dumps(result))
"""


def estimator_in_litellm_python(cache_dir: str) -> dict[str, object]:
    litellm_bin = required_path("CACHEAI_LITELLM_BIN", CACHE_DIR / "litellm" / "bin" / "litellm", "LiteLLM proxy")
    python = litellm_bin.parent / "python"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [str(python), "-c", SCRIPT, cache_dir], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def test_with_the_encoding_cached_the_estimate_counts_with_tiktoken() -> None:
    result = estimator_in_litellm_python("")
    assert result["uses_tiktoken"] is True
    assert result["count"] == result["tiktoken_count"] != -(-55 // 4)  # tiktoken's count, not ceil(chars / 4)
    assert result["estimate"] == 3 + 4 + result["count"]  # priming + message framing + the text
    assert result["connections"] == []


def test_with_an_empty_cache_the_estimate_counts_characters_without_trying_the_network(tmp_path: Path) -> None:
    result = estimator_in_litellm_python(str(tmp_path))
    assert result == {"uses_tiktoken": False, "count": 14, "estimate": 3 + 4 + 14, "connections": []}
    assert list(tmp_path.iterdir()) == []  # nothing fetched, nothing written
