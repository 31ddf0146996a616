"""API types mirroring `openai.types.responses.response_computer_tool_call_param`."""

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .computer_action_list_param import ComputerActionParam

__all__ = [
    "Action",
    "ActionClick",
    "ActionDoubleClick",
    "ActionDrag",
    "ActionDragPath",
    "ActionKeypress",
    "ActionMove",
    "ActionScreenshot",
    "ActionScroll",
    "ActionType",
    "ActionWait",
    "PendingSafetyCheck",
    "ResponseComputerToolCallParam",
]


class PendingSafetyCheck(TypedDict, total=False):
    id: Required[str]
    code: str | None
    message: str | None


class ActionClick(TypedDict, total=False):
    button: Required[Literal["left", "right", "wheel", "back", "forward"]]
    type: Required[Literal["click"]]
    x: Required[int]
    y: Required[int]
    keys: Sequence[str] | None


class ActionDoubleClick(TypedDict, total=False):
    keys: Required[Sequence[str] | None]
    type: Required[Literal["double_click"]]
    x: Required[int]
    y: Required[int]


class ActionDragPath(TypedDict, total=False):
    x: Required[int]
    y: Required[int]


class ActionDrag(TypedDict, total=False):
    path: Required[Iterable[ActionDragPath]]
    type: Required[Literal["drag"]]
    keys: Sequence[str] | None


class ActionKeypress(TypedDict, total=False):
    keys: Required[Sequence[str]]
    type: Required[Literal["keypress"]]


class ActionMove(TypedDict, total=False):
    type: Required[Literal["move"]]
    x: Required[int]
    y: Required[int]
    keys: Sequence[str] | None


class ActionScreenshot(TypedDict, total=False):
    type: Required[Literal["screenshot"]]


class ActionScroll(TypedDict, total=False):
    scroll_x: Required[int]
    scroll_y: Required[int]
    type: Required[Literal["scroll"]]
    x: Required[int]
    y: Required[int]
    keys: Sequence[str] | None


class ActionType(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["type"]]


class ActionWait(TypedDict, total=False):
    type: Required[Literal["wait"]]


Action: TypeAlias = (
    ActionClick
    | ActionDoubleClick
    | ActionDrag
    | ActionKeypress
    | ActionMove
    | ActionScreenshot
    | ActionScroll
    | ActionType
    | ActionWait
)


class ResponseComputerToolCallParam(TypedDict, total=False):
    id: Required[str]
    call_id: Required[str]
    pending_safety_checks: Required[Iterable[PendingSafetyCheck]]
    status: Required[Literal["in_progress", "completed", "incomplete"]]
    type: Required[Literal["computer_call"]]
    action: Action
    actions: list[ComputerActionParam]
