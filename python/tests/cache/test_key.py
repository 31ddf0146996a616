"""The key: every body field (nested values too) changes it; key order does not; secrets never enter it."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cacheai import CacheAI, info
from cacheai.cache import CacheConfig, make_key
from cacheai.testing import FakeOpenAIServer

URL = "https://api.example.com/v1/chat/completions"
HEADERS = {"Authorization": "Bearer sk-1", "Content-Type": "application/json"}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8,
)
bodies = st.dictionaries(st.text(min_size=1, max_size=8), values, min_size=1, max_size=5)


def key(body: Any, headers: dict[str, str] = HEADERS, url: str = URL) -> str:
    return make_key("POST", url, body, headers)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a leaf or container inside ``value``."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            found += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += paths(v, (*prefix, i))
    return found


def changed(value: Any) -> Any:
    if value is None:
        return 0
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return [value]
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, list):
        return [*value, None]
    return {**value, "\0extra": 1}


@settings(max_examples=150, deadline=None)
@given(bodies, st.data())
def test_every_field_changes_the_key(body: dict[str, Any], data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(paths(body)))
    other = copy.deepcopy(body)
    target = other
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = changed(target[path[-1]])
    assert key(other) != key(body)


@settings(max_examples=100, deadline=None)
@given(bodies)
def test_key_order_does_not_matter(body: dict[str, Any]) -> None:
    assert key(dict(reversed(list(body.items())))) == key(body)


def test_removing_a_field_changes_the_key() -> None:
    assert key({"model": "m", "temperature": 0}) != key({"model": "m"})
    assert key({"t": 1}) != key({"t": 1.0})


def test_the_server_and_answer_headers_matter_but_not_auth() -> None:
    body = {"model": "m"}
    assert key(body, url="https://other.example.com/v1/chat/completions") != key(body)
    assert key(body, url="HTTPS://API.EXAMPLE.COM:443/v1/chat/completions/") == key(body)
    assert key(body, url=URL + "?api-version=1") != key(body)
    assert key(body, {**HEADERS, "OpenAI-Organization": "o"}) != key(body)
    assert key(body, {**HEADERS, "OpenAI-Project": "p"}) != key(body)
    assert key(body, {**HEADERS, "X-Tenant": "t"}) != key(body)
    assert key(body, {"Authorization": "Bearer sk-2", "Content-Type": "application/json"}) == key(body)
    assert key(body, {**HEADERS, "Content-Length": "99", "traceparent": "x"}) == key(body)


def test_namespace_and_scope() -> None:
    body = {"model": "m"}
    assert make_key("POST", URL, body, HEADERS, namespace="a") != key(body)
    assert make_key("POST", URL, body, HEADERS, scope="s") != key(body)
    assert make_key("POST", URL, {**body, "user": "u"}, HEADERS, ignore_params={"user"}) == key(body)


def test_a_clients_key_is_make_key_over_the_body_it_sent() -> None:
    with FakeOpenAIServer() as server:
        client = CacheAI(base_url=server.base_url, api_key="sk-1", cache="memory")
        body = {"model": "m", "messages": [{"content": "hi", "role": "user"}], "temperature": 0.5, "seed": 1}
        first = client.chat.completions.create(**body)  # type: ignore[call-overload]
        sent = server.requests[-1]
        # The wire body is the canonical form (sorted keys), and the key hashes exactly those bytes.
        assert sent.raw_body == json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        assert info(first).cache_key == make_key("POST", f"{server.base_url}/chat/completions", body, HEADERS)
        shuffled = dict(reversed(list(body.items())))
        again = client.chat.completions.create(**shuffled)  # type: ignore[call-overload]
        assert info(again).cached and len(server.requests) == 1
        ignoring = CacheAI(base_url=server.base_url, cache=CacheConfig(ignore_params=frozenset({"seed"})))
        assert info(ignoring.chat.completions.create(**body)).cache_key == make_key(  # type: ignore[call-overload]
            "POST", f"{server.base_url}/chat/completions", {k: v for k, v in body.items() if k != "seed"}, HEADERS
        )
