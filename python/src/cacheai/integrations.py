"""Adapters for libraries that take a ready ``openai.OpenAI`` client and check its class.

``instructor.from_openai(client)`` and outlines' ``from_openai(client)`` accept only instances of
``openai.OpenAI`` (an ``isinstance`` check), so they refuse a ``CacheAI`` even though everything they call on
it (``chat.completions.create``) behaves the same. These functions build the same objects those factories
build, through each library's own public constructors, with the cacheai client inside: caching, retries,
key pools and the rest stay in the path. The libraries are imported only when a function is called (they
are not dependencies of cacheai).

    client = instructor_client(CacheAI(), mode=instructor.Mode.TOOLS)   # an instructor.Instructor
    model = outlines_model(CacheAI(), "gpt-4o-mini")                     # an outlines.models.OpenAI
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._client import CacheAI

__all__ = ["instructor_client", "outlines_model"]


def instructor_client(client: CacheAI, mode: Any = None, **kwargs: Any) -> Any:
    """What ``instructor.from_openai(client, mode, **kwargs)`` returns for an ``openai.OpenAI``: an
    ``instructor.Instructor`` whose ``create`` is instructor's patch of ``client.chat.completions.create``.

    ``mode`` defaults to ``instructor.Mode.TOOLS`` (instructor's default); ``kwargs`` go to ``Instructor``
    (for example ``model=`` to inject a default model).
    """
    import instructor  # type: ignore[import-not-found,unused-ignore]

    chosen = instructor.Mode.TOOLS if mode is None else mode
    create = instructor.patch(create=client.chat.completions.create, mode=chosen)
    return instructor.Instructor(
        client=client, create=create, mode=chosen, provider=instructor.Provider.OPENAI, **kwargs
    )


def outlines_model(client: CacheAI, model_name: str | None = None) -> Any:
    """What outlines' ``from_openai(client, model_name)`` returns for an ``openai.OpenAI``: an
    ``outlines.models.OpenAI`` model around the cacheai client."""
    from outlines.models.openai import OpenAI  # type: ignore[import-not-found,unused-ignore]

    return OpenAI(client, model_name)
