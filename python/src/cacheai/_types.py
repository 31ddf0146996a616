"""Sentinels, the timeout type and the per-request options shared by every module."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar

from typing_extensions import override

if TYPE_CHECKING:
    from ._files import FileTypes

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "Body",
    "Headers",
    "NotGiven",
    "NotGivenOr",
    "Omit",
    "Query",
    "RequestOptions",
    "Timeout",
    "TimeoutTypes",
    "coerce_timeout",
    "is_given",
    "not_given",
    "omit",
]

_T = TypeVar("_T")


def _is_foreign_sentinel(obj: object, name: str) -> bool:
    """Whether ``obj`` is openai's sentinel of class ``name`` (by class name and package, without importing openai)."""
    cls = type(obj)
    return cls.__name__ == name and cls.__module__.partition(".")[0] == "openai"


class _SentinelMeta(type):
    """``isinstance(openai.NOT_GIVEN, cacheai.NotGiven)`` is true: code that kept openai's sentinels keeps working."""

    def __instancecheck__(cls, obj: object) -> bool:
        return type.__instancecheck__(cls, obj) or _is_foreign_sentinel(obj, cls.__name__)


class NotGiven(metaclass=_SentinelMeta):
    """Marks an argument that was not passed, as distinct from one passed as ``None``.

    ``None`` is sent as JSON ``null``; ``NOT_GIVEN`` leaves the parameter out of the request.
    """

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


class Omit(metaclass=_SentinelMeta):
    """Leaves a parameter out of the request; in ``extra_headers`` it removes a default header.

    openai's ``NOT_GIVEN``/``NotGiven()``/``omit``/``Omit()`` are recognised as cacheai's own (``isinstance``).
    """

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "omit"


NOT_GIVEN = NotGiven()
not_given = NOT_GIVEN
omit = Omit()

NotGivenOr: TypeAlias = _T | NotGiven


def is_given(value: object) -> bool:
    """Whether a parameter was given (not ``omit`` or ``NOT_GIVEN``, openai's as well as cacheai's)."""
    return not isinstance(value, (NotGiven, Omit))


class Timeout:
    """Connect and read timeouts in seconds (``None`` for no limit).

    Accepts the same call shapes as ``openai.Timeout``: ``Timeout(600, connect=5.0)`` sets every phase to
    600 s except connect. ``requests`` knows only connect and read; ``write`` and ``pool`` are kept for
    compatibility and reported by ``repr`` but the read timeout is what bounds each wait for data.
    """

    __slots__ = ("connect", "pool", "read", "write")

    def __init__(
        self,
        timeout: float | NotGiven | None = NOT_GIVEN,
        *,
        connect: float | NotGiven | None = NOT_GIVEN,
        read: float | NotGiven | None = NOT_GIVEN,
        write: float | NotGiven | None = NOT_GIVEN,
        pool: float | NotGiven | None = NOT_GIVEN,
    ) -> None:
        default = None if isinstance(timeout, NotGiven) else timeout
        if isinstance(timeout, NotGiven) and any(isinstance(v, NotGiven) for v in (connect, read, write, pool)):
            raise ValueError(
                "Timeout needs either a default, e.g. Timeout(60.0), or all four of connect, read, write "
                "and pool set explicitly."
            )
        self.connect: float | None = default if isinstance(connect, NotGiven) else connect
        self.read: float | None = default if isinstance(read, NotGiven) else read
        self.write: float | None = default if isinstance(write, NotGiven) else write
        self.pool: float | None = default if isinstance(pool, NotGiven) else pool
        for name in self.__slots__:
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise TypeError(f"Timeout {name} must be a number of seconds or None, not {value!r}")
            if value is not None and value < 0:
                raise ValueError(f"Timeout {name} must not be negative, got {value!r}")

    def as_requests(self) -> tuple[float | None, float | None]:
        """The ``(connect, read)`` tuple that ``requests`` takes."""
        return (self.connect, self.read)

    @override
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Timeout) and all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    @override
    def __hash__(self) -> int:
        return hash((self.connect, self.read, self.write, self.pool))

    @override
    def __repr__(self) -> str:
        if len({self.connect, self.read, self.write, self.pool}) == 1:
            return f"Timeout(timeout={self.connect})"
        return f"Timeout(connect={self.connect}, read={self.read}, write={self.write}, pool={self.pool})"


_TIMEOUT_PHASES = ("connect", "read", "write", "pool")


def coerce_timeout(value: object) -> object:
    """A ``cacheai.Timeout`` for an ``openai.Timeout``/``httpx.Timeout`` (any class named ``Timeout`` with the four
    phase attributes, recognised without importing openai or httpx); any other value is returned unchanged."""
    if type(value).__name__ != "Timeout" or isinstance(value, Timeout):
        return value
    phases = [getattr(value, name, NOT_GIVEN) for name in _TIMEOUT_PHASES]
    if any(isinstance(p, NotGiven) for p in phases):
        return value
    connect, read, write, pool = phases
    return Timeout(connect=connect, read=read, write=write, pool=pool)


TimeoutTypes: TypeAlias = float | Timeout | None

DEFAULT_TIMEOUT = Timeout(timeout=600, connect=5.0)
DEFAULT_MAX_RETRIES = 2

Headers: TypeAlias = Mapping[str, str | Omit]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = object


@dataclass
class RequestOptions:
    """Everything one API call needs to be sent, as built by a resource method."""

    method: str
    path: str
    json_data: Body | None = None
    params: Query | None = None
    files: list[tuple[str, FileTypes]] | None = None
    headers: Headers | None = None
    extra_json: Mapping[str, object] | None = None
    timeout: float | Timeout | NotGiven | None = NOT_GIVEN
    cache: Any = None  # a per-call cache control (cacheai.cache.CacheControl or its name); None: the client's
