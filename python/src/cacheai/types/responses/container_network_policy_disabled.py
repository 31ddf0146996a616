"""API types mirroring `openai.types.responses.container_network_policy_disabled`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ContainerNetworkPolicyDisabled"]


class ContainerNetworkPolicyDisabled(BaseModel):
    type: Literal["disabled"]
