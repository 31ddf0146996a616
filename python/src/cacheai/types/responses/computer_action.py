"""API types mirroring `openai.types.responses.computer_action`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = [
    "Click",
    "ComputerAction",
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


class Click(BaseModel):
    button: Literal["left", "right", "wheel", "back", "forward"]
    type: Literal["click"]
    x: int
    y: int
    keys: list[str] | None = None


class DoubleClick(BaseModel):
    keys: list[str] | None = None
    type: Literal["double_click"]
    x: int
    y: int


class DragPath(BaseModel):
    x: int
    y: int


class Drag(BaseModel):
    path: list[DragPath]
    type: Literal["drag"]
    keys: list[str] | None = None


class Keypress(BaseModel):
    keys: list[str]
    type: Literal["keypress"]


class Move(BaseModel):
    type: Literal["move"]
    x: int
    y: int
    keys: list[str] | None = None


class Screenshot(BaseModel):
    type: Literal["screenshot"]


class Scroll(BaseModel):
    scroll_x: int
    scroll_y: int
    type: Literal["scroll"]
    x: int
    y: int
    keys: list[str] | None = None


class Type(BaseModel):
    text: str
    type: Literal["type"]


class Wait(BaseModel):
    type: Literal["wait"]


ComputerAction: TypeAlias = Annotated[
    Click | DoubleClick | Drag | Keypress | Move | Screenshot | Scroll | Type | Wait, Field(discriminator="type")
]
