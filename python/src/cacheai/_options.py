"""Checking and normalising ``CacheAI``'s constructor options: the base URL, retries, timeout, the session."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit, urlunsplit

import requests
import requests.adapters

from ._types import Timeout


def new_session(pool_size: int) -> requests.Session:
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=10, pool_maxsize=pool_size)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def normalize_base_url(url: str) -> str:
    if not isinstance(url, str):
        url = str(url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"base_url must be an http:// or https:// URL such as 'http://localhost:8000/v1', got {url!r}")
    return url if url.endswith("/") else url + "/"


def split_base_url(url: str) -> tuple[str, dict[str, str]]:
    """The base URL without its query string (trailing slash added to the path), and that query's parameters.

    ``https://gw/v1?api-version=1`` gives ``("https://gw/v1/", {"api-version": "1"})``: the query is sent with
    every request, as ``default_query`` is, and the paths are appended to ``/v1/``.
    """
    if not isinstance(url, str):
        url = str(url)
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return normalize_base_url(base if parts.query or parts.fragment else url), query


def is_openai(base_url: str) -> bool:
    host = urlsplit(base_url).hostname or ""
    return host == "api.openai.com" or host.endswith(".api.openai.com")


def check_max_retries(max_retries: object) -> None:
    if max_retries is None:
        raise TypeError(
            "max_retries cannot be None. Use 0 to disable retries or a large integer for a larger retry budget."
        )
    if not isinstance(max_retries, int) or isinstance(max_retries, bool):
        raise TypeError("max_retries must be a non-negative integer")
    if max_retries < 0:
        raise ValueError("max_retries must be a non-negative integer")


def check_timeout(timeout: object) -> None:
    if timeout is None or isinstance(timeout, Timeout):
        return
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be a number of seconds, a cacheai.Timeout or None, got {timeout!r}")
    if timeout < 0:
        raise ValueError(f"timeout must not be negative, got {timeout!r}")
