"""Every method of every resource cacheai has takes exactly the reference openai's parameters: the same names,
kinds and defaults, method by method (``**params: Unpack[TypedDict]`` expanded). After a new openai release,
this test lists what changed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import openai
import pytest
from signatures import OMITTED, REQUIRED, parameters

import cacheai
from cacheai._resource import SyncAPIResource

# Resource attributes that are not API methods (the raw/streaming mirrors are checked by their own tests).
NOT_METHODS = {"with_raw_response", "with_streaming_response"}
# cacheai-only keywords every method takes on top of openai's (README: per-call cache controls); openai code
# never passes them, so they are the one allowed difference, and each must be keyword-only with a default.
CACHEAI_ONLY = {"cache": ("KEYWORD_ONLY", OMITTED)}


def _methods(resource: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name in dir(type(resource)):
        if name.startswith("_") or name in NOT_METHODS:
            continue
        try:
            attr = getattr(resource, name)
        except Exception:  # a client property of an optional layer that is not configured
            continue
        if isinstance(attr, SyncAPIResource):
            yield from _methods(attr, (*path, name))
        elif callable(attr) and path:
            yield (*path, name)


def _get(root: object, path: tuple[str, ...]) -> Any:
    for part in path:
        root = getattr(root, part)
    return root


CACHEAI = cacheai.CacheAI(api_key="sk-signatures", base_url="http://127.0.0.1:9/v1")
OPENAI = openai.OpenAI(api_key="sk-signatures", base_url="http://127.0.0.1:9/v1")
METHODS = sorted(_methods(CACHEAI))


def test_every_resource_is_walked() -> None:
    resources = {path[0] for path in METHODS}
    assert resources == {"batches", "chat", "completions", "embeddings", "files", "models", "responses"} | {
        "fine_tuning", "uploads", "vector_stores", "webhooks", "moderations", "images", "audio", "beta"
    }  # fmt: skip
    assert len(METHODS) >= 25


@pytest.mark.parametrize("path", METHODS, ids=".".join)
def test_same_parameters_as_openai(path: tuple[str, ...]) -> None:
    ours = parameters(_get(CACHEAI, path))
    theirs = parameters(_get(OPENAI, path))

    for name, shape in CACHEAI_ONLY.items():
        if name not in theirs and name in ours:
            assert ours.pop(name) == shape, f"{'.'.join(path)}: cacheai's {name}= must be keyword-only, optional"
    differences = {
        name: {"openai": theirs.get(name), "cacheai": ours.get(name)}
        for name in sorted(set(ours) | set(theirs))
        if ours.get(name) != theirs.get(name)
    }
    assert not differences, f"{'.'.join(path)} differs from openai {openai.__version__}: {differences}"


def test_the_comparison_sees_required_and_defaults() -> None:
    """The helper itself: required keyword-only parameters, omitted defaults and literal defaults."""
    create = parameters(CACHEAI.chat.completions.create)
    assert create["messages"] == ("KEYWORD_ONLY", REQUIRED)
    assert create["temperature"] == ("KEYWORD_ONLY", OMITTED)
    assert parameters(CACHEAI.files.wait_for_processing)["poll_interval"] == ("KEYWORD_ONLY", "5.0")
    assert parameters(CACHEAI.models.retrieve)["model"] == ("POSITIONAL_OR_KEYWORD", REQUIRED)
