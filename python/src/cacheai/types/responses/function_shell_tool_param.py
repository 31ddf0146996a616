"""API types mirroring `openai.types.responses.function_shell_tool_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .container_auto_param import ContainerAutoParam
from .container_reference_param import ContainerReferenceParam
from .local_environment_param import LocalEnvironmentParam

__all__ = ["Environment", "FunctionShellToolParam"]


Environment: TypeAlias = ContainerAutoParam | LocalEnvironmentParam | ContainerReferenceParam


class FunctionShellToolParam(TypedDict, total=False):
    type: Required[Literal["shell"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None
    environment: Environment | None
