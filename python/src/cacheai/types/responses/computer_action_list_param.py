"""API types mirroring `openai.types.responses.computer_action_list_param`."""

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = [
    "Click",
    "ComputerActionListParam",
    "ComputerActionParam",
    "DoubleClick",
    "Drag",
    "DragPath",
    "Keypress",
    "Move",
    "Screenshot",
    "Scroll",
    "Type",
    "Wait",
]


class Click(TypedDict, total=False):
    button: Required[Literal["left", "right", "wheel", "back", "forward"]]
    type: Required[Literal["click"]]
    x: Required[int]
    y: Required[int]
    keys: Sequence[str] | None


class DoubleClick(TypedDict, total=False):
    keys: Required[Sequence[str] | None]
    type: Required[Literal["double_click"]]
    x: Required[int]
    y: Required[int]


class DragPath(TypedDict, total=False):
    x: Required[int]
    y: Required[int]


class Drag(TypedDict, total=False):
    path: Required[Iterable[DragPath]]
    type: Required[Literal["drag"]]
    keys: Sequence[str] | None


class Keypress(TypedDict, total=False):
    keys: Required[Sequence[str]]
    type: Required[Literal["keypress"]]


class Move(TypedDict, total=False):
    type: Required[Literal["move"]]
    x: Required[int]
    y: Required[int]
    keys: Sequence[str] | None


class Screenshot(TypedDict, total=False):
    type: Required[Literal["screenshot"]]


class Scroll(TypedDict, total=False):
    scroll_x: Required[int]
    scroll_y: Required[int]
    type: Required[Literal["scroll"]]
    x: Required[int]
    y: Required[int]
    keys: Sequence[str] | None


class Type(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["type"]]


class Wait(TypedDict, total=False):
    type: Required[Literal["wait"]]


ComputerActionParam: TypeAlias = Click | DoubleClick | Drag | Keypress | Move | Screenshot | Scroll | Type | Wait


ComputerActionListParam: TypeAlias = list[ComputerActionParam]
