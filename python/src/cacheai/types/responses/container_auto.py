"""API types mirroring `openai.types.responses.container_auto`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .container_network_policy_allowlist import ContainerNetworkPolicyAllowlist
from .container_network_policy_disabled import ContainerNetworkPolicyDisabled
from .inline_skill import InlineSkill
from .skill_reference import SkillReference

__all__ = ["ContainerAuto", "NetworkPolicy", "Skill"]


NetworkPolicy: TypeAlias = Annotated[
    ContainerNetworkPolicyDisabled | ContainerNetworkPolicyAllowlist, Field(discriminator="type")
]


Skill: TypeAlias = Annotated[SkillReference | InlineSkill, Field(discriminator="type")]


class ContainerAuto(BaseModel):
    type: Literal["container_auto"]
    file_ids: list[str] | None = None
    memory_limit: Literal["1g", "4g", "16g", "64g"] | None = None
    network_policy: NetworkPolicy | None = None
    skills: list[Skill] | None = None
