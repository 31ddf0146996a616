"""Checking the keyword arguments of ``**params`` methods as Python would check a written-out signature."""

from __future__ import annotations

from collections.abc import Collection, Mapping

__all__ = ["check_params"]


def check_params(
    method: str,
    params: Mapping[str, object],
    allowed: Collection[str],
    required: tuple[str, ...],
    missing_message: str,
) -> None:
    """Raise ``TypeError`` for an unknown keyword (a typo must not be sent silently) or a missing one."""
    unknown = params.keys() - allowed
    if unknown:
        name = sorted(unknown)[0]
        raise TypeError(
            f"{method}() got an unexpected keyword argument {name!r}; "
            "send parameters this SDK does not know with extra_body={...}"
        )
    for name in required:
        if name not in params:
            raise TypeError(missing_message)
