"""API types mirroring `openai.types.responses.container_auto_param`."""

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .container_network_policy_allowlist_param import ContainerNetworkPolicyAllowlistParam
from .container_network_policy_disabled_param import ContainerNetworkPolicyDisabledParam
from .inline_skill_param import InlineSkillParam
from .skill_reference_param import SkillReferenceParam

__all__ = ["ContainerAutoParam", "NetworkPolicy", "Skill"]


NetworkPolicy: TypeAlias = ContainerNetworkPolicyDisabledParam | ContainerNetworkPolicyAllowlistParam


Skill: TypeAlias = SkillReferenceParam | InlineSkillParam


class ContainerAutoParam(TypedDict, total=False):
    type: Required[Literal["container_auto"]]
    file_ids: Sequence[str]
    memory_limit: Literal["1g", "4g", "16g", "64g"] | None
    network_policy: NetworkPolicy
    skills: Iterable[Skill]
