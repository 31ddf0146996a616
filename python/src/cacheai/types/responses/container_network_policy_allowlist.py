"""API types mirroring `openai.types.responses.container_network_policy_allowlist`."""

from typing import Literal

from ..._models import BaseModel
from .container_network_policy_domain_secret import ContainerNetworkPolicyDomainSecret

__all__ = ["ContainerNetworkPolicyAllowlist"]


class ContainerNetworkPolicyAllowlist(BaseModel):
    allowed_domains: list[str]
    type: Literal["allowlist"]
    domain_secrets: list[ContainerNetworkPolicyDomainSecret] | None = None
