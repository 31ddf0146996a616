"""API types mirroring `openai.types.responses.container_network_policy_disabled_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ContainerNetworkPolicyDisabledParam"]


class ContainerNetworkPolicyDisabledParam(TypedDict, total=False):
    type: Required[Literal["disabled"]]
