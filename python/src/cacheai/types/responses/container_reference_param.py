"""API types mirroring `openai.types.responses.container_reference_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ContainerReferenceParam"]


class ContainerReferenceParam(TypedDict, total=False):
    container_id: Required[str]
    type: Required[Literal["container_reference"]]
