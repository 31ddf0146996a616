"""API types mirroring `openai.types.responses.container_network_policy_domain_secret`."""

from ..._models import BaseModel

__all__ = ["ContainerNetworkPolicyDomainSecret"]


class ContainerNetworkPolicyDomainSecret(BaseModel):
    domain: str
    name: str
    value: str
