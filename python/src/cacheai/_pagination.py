"""Pages of list results: ``SyncPage`` (one page) and ``SyncCursorPage`` (``after=<last id>`` while ``has_more``).

Iterating a page walks every item of every page; ``.data`` is this page's items only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

from pydantic import PrivateAttr

from ._models import BaseModel
from ._types import RequestOptions

if TYPE_CHECKING:
    from ._client import CacheAI

__all__ = ["PageInfo", "SyncConversationCursorPage", "SyncCursorPage", "SyncPage"]

_T = TypeVar("_T")


class PageInfo:
    """The query parameters that fetch the next page."""

    def __init__(self, *, params: dict[str, object]) -> None:
        self.params = params

    def __repr__(self) -> str:
        return f"PageInfo(params={self.params!r})"


class BasePage(BaseModel, Generic[_T]):
    """A page that knows how to fetch the one after it."""

    _client: CacheAI | None = PrivateAttr(default=None)
    _options: RequestOptions | None = PrivateAttr(default=None)

    data: list[_T]

    def next_page_info(self) -> PageInfo | None:
        return None

    def has_next_page(self) -> bool:
        return self.next_page_info() is not None

    def get_next_page(self) -> BasePage[_T]:
        """Fetch the next page (check ``has_next_page()`` first)."""
        info = self.next_page_info()
        if info is None:
            raise RuntimeError(
                "No next page expected; please check `.has_next_page()` before calling `.get_next_page()`."
            )
        if self._client is None or self._options is None:
            raise RuntimeError("This page was not fetched by a client, so it cannot fetch the next one.")
        options = self._options
        params = {**(options.params or {}), **info.params}
        next_options = RequestOptions(
            method=options.method,
            path=options.path,
            json_data=options.json_data,
            params=params,
            headers=options.headers,
            extra_json=options.extra_json,
            timeout=options.timeout,
        )
        return self._client.get_page(type(self), next_options)

    def iter_pages(self) -> Iterator[BasePage[_T]]:
        """This page, then every following one."""
        page: BasePage[_T] = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_T]:  # type: ignore[override]  # items, not pydantic's field pairs
        for page in self.iter_pages():
            yield from page.data


class SyncPage(BasePage[_T], Generic[_T]):
    """A list response without pagination (``models.list()``)."""

    object: str

    def next_page_info(self) -> None:
        return None


class SyncCursorPage(BasePage[_T], Generic[_T]):
    """A cursor-paginated list: the next page is ``after=<id of the last item>`` while ``has_more``."""

    has_more: bool | None = None

    def has_next_page(self) -> bool:
        if self.has_more is False or not self.data:
            return False
        return self.next_page_info() is not None

    def next_page_info(self) -> PageInfo | None:
        if not self.data:
            return None  # a page that claims has_more but brings nothing ends the walk
        last_id = getattr(self.data[-1], "id", None)
        if last_id is None and isinstance(self.data[-1], dict):
            last_id = self.data[-1].get("id")
        if not last_id:
            return None
        return PageInfo(params={"after": last_id})


class SyncConversationCursorPage(BasePage[_T], Generic[_T]):
    """A cursor-paginated list whose next page is ``after=<last_id>`` (the page's own field) while ``has_more``."""

    has_more: bool | None = None
    last_id: str | None = None

    def has_next_page(self) -> bool:
        if self.has_more is False or not self.data:
            return False
        return self.next_page_info() is not None

    def next_page_info(self) -> PageInfo | None:
        return PageInfo(params={"after": self.last_id}) if self.last_id else None
