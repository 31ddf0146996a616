"""The token estimate for every message shape, and the output part."""

from __future__ import annotations

import hashlib
import sys
import tempfile
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from cacheai.limits import DEFAULT_OUTPUT_TOKENS, _estimate, count_text_tokens, estimate_request_tokens
from cacheai.limits._estimate import IMAGE_TOKENS_HIGH, IMAGE_TOKENS_LOW, MESSAGE_OVERHEAD, REPLY_PRIMING


def chat(*messages: dict[str, object], **extra: object) -> dict[str, object]:
    return {"model": "m", "messages": list(messages), **extra}


def test_text_is_counted_by_characters_without_tiktoken() -> None:
    assert count_text_tokens("") == 0
    assert count_text_tokens("abcd") == 1 and count_text_tokens("abcde") == 2


def test_string_messages_plus_output_times_n() -> None:
    body = chat({"role": "user", "content": "a" * 40}, max_tokens=100, n=2)
    assert estimate_request_tokens(body) == REPLY_PRIMING + MESSAGE_OVERHEAD + 10 + 200
    body = chat({"role": "user", "content": "a" * 40}, max_completion_tokens=7)
    assert estimate_request_tokens(body) == REPLY_PRIMING + MESSAGE_OVERHEAD + 10 + 7
    assert estimate_request_tokens(chat({"role": "user", "content": "hi"})) == REPLY_PRIMING + 4 + 1 + 1024
    assert DEFAULT_OUTPUT_TOKENS == 1024


def test_content_parts_images_tool_calls_and_results() -> None:
    parts = [
        {"type": "text", "text": "a" * 8},
        {"type": "image_url", "image_url": {"url": "data:...", "detail": "low"}},
        {"type": "image_url", "image_url": {"url": "https://x/y.png"}},
    ]
    assistant = {
        "role": "assistant",
        "content": None,
        "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "get", "arguments": '{"q": "abcd"}'}}],
    }
    tool = {"role": "tool", "tool_call_id": "c1", "content": [{"type": "text", "text": "a" * 12}]}
    body = chat({"role": "user", "content": parts, "name": "bob"}, assistant, tool, max_tokens=0)
    expected = REPLY_PRIMING + 3 * MESSAGE_OVERHEAD + 2 + IMAGE_TOKENS_LOW + IMAGE_TOKENS_HIGH + 1
    expected += 1 + 4  # tool call name and arguments
    expected += 1 + 3  # tool_call_id and result text
    assert estimate_request_tokens(body) == expected


def test_tools_completions_embeddings_and_responses() -> None:
    tools = [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]
    with_tools = estimate_request_tokens(chat({"role": "user", "content": ""}, tools=tools, max_tokens=0))
    assert with_tools > REPLY_PRIMING + MESSAGE_OVERHEAD
    assert estimate_request_tokens({"prompt": ["a" * 4, "b" * 8], "max_tokens": 5}) == 3 + 5
    assert estimate_request_tokens({"prompt": [1, 2, 3], "max_tokens": 1}) == 4
    assert estimate_request_tokens({"input": ["abcd", "abcdefgh"]}, generates=False) == 3
    responses = {"input": [{"role": "user", "content": [{"type": "input_text", "text": "abcd"}]}], "instructions": "a"}
    assert estimate_request_tokens({**responses, "max_output_tokens": 10}) == MESSAGE_OVERHEAD + 1 + 1 + 10
    assert estimate_request_tokens(None) == 0
    assert estimate_request_tokens(chat({"role": "user", "content": {"weird": 1}}, max_tokens=0)) >= 4


# -- tiktoken: used only when installed with its encoding already cached; never a download ------------------------


class FakeEncoding:
    def encode(self, text: str, disallowed_special: object = None) -> list[str]:
        return text.split()  # one token per word: easy to tell from ceil(chars / 4)


class FakeTiktoken(types.ModuleType):
    """Stands in for an installed tiktoken; records every encoding asked for (a real one would download it)."""

    def __init__(self, fails: bool = False) -> None:
        super().__init__("tiktoken")
        self.asked: list[str] = []
        self.fails = fails

    def get_encoding(self, name: str) -> FakeEncoding:
        self.asked.append(name)
        if self.fails:
            raise ValueError("cannot load the encoding")
        return FakeEncoding()


@pytest.fixture
def counter() -> Iterator[None]:
    """A fresh choice of counter for the test, and again afterwards for the rest of the suite."""
    _estimate._counter.cache_clear()
    yield
    _estimate._counter.cache_clear()


def installed(monkeypatch: pytest.MonkeyPatch, cache_dir: object, fails: bool = False) -> FakeTiktoken:
    fake = FakeTiktoken(fails)
    monkeypatch.setitem(sys.modules, "tiktoken", fake)
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(cache_dir))
    return fake


def cache_file(cache_dir: Path) -> Path:
    return cache_dir / hashlib.sha1(_estimate._TIKTOKEN_URL.encode()).hexdigest()


def test_without_tiktoken_the_characters_count(counter: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tiktoken", None)  # import tiktoken -> ImportError
    assert count_text_tokens("abcd efgh") == 3


def test_tiktoken_without_its_encoding_cached_is_not_asked_to_download_it(
    counter: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = installed(monkeypatch, tmp_path)
    assert count_text_tokens("abcd efgh") == 3  # ceil(9 / 4): the character estimate
    assert estimate_request_tokens(chat({"role": "user", "content": "abcd efgh"})) == REPLY_PRIMING + 4 + 3 + 1024
    assert fake.asked == []  # get_encoding (which would fetch from the network) was never called


def test_tiktoken_with_caching_switched_off_always_downloads_so_it_is_not_used(
    counter: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = installed(monkeypatch, "")  # TIKTOKEN_CACHE_DIR="": tiktoken reads from the network every time
    assert count_text_tokens("abcd efgh") == 3 and fake.asked == []


def test_a_damaged_cached_encoding_is_not_used_and_not_replaced(
    counter: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = installed(monkeypatch, tmp_path)
    cache_file(tmp_path).write_bytes(b"truncated")  # tiktoken would delete it and download it again
    assert count_text_tokens("abcd efgh") == 3 and fake.asked == []
    assert cache_file(tmp_path).read_bytes() == b"truncated"


def test_an_intact_cached_encoding_is_counted_by_tiktoken(
    counter: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = installed(monkeypatch, tmp_path)
    cache_file(tmp_path).write_bytes(b"encoding")
    monkeypatch.setattr(_estimate, "_TIKTOKEN_SHA256", hashlib.sha256(b"encoding").hexdigest())
    assert count_text_tokens("abcd efgh") == 2 and fake.asked == ["o200k_base"]
    # Every message shape goes through the same counter (the plain-message fast path too).
    body = chat({"role": "user", "content": "a b c"}, {"role": "user", "content": "d e", "name": "x y"}, max_tokens=0)
    assert estimate_request_tokens(body) == REPLY_PRIMING + 2 * MESSAGE_OVERHEAD + 3 + 2 + 2


def test_tiktoken_failing_to_load_a_cached_encoding_falls_back_to_characters(
    counter: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = installed(monkeypatch, tmp_path, fails=True)
    cache_file(tmp_path).write_bytes(b"encoding")
    monkeypatch.setattr(_estimate, "_TIKTOKEN_SHA256", hashlib.sha256(b"encoding").hexdigest())
    assert count_text_tokens("abcd efgh") == 3 and fake.asked == ["o200k_base"]


def test_the_cache_is_looked_for_where_tiktoken_keeps_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    name = cache_file(Path()).name
    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    monkeypatch.setenv("DATA_GYM_CACHE_DIR", str(tmp_path / "gym"))
    assert _estimate._tiktoken_cache_file() == str(tmp_path / "gym" / name)
    monkeypatch.delenv("DATA_GYM_CACHE_DIR")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert _estimate._tiktoken_cache_file() == str(tmp_path / "data-gym-cache" / name)
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path / "own"))
    assert _estimate._tiktoken_cache_file() == str(tmp_path / "own" / name)
