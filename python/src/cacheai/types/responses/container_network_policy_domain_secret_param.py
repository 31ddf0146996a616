"""API types mirroring `openai.types.responses.container_network_policy_domain_secret_param`."""

from typing_extensions import Required, TypedDict

__all__ = ["ContainerNetworkPolicyDomainSecretParam"]


class ContainerNetworkPolicyDomainSecretParam(TypedDict, total=False):
    domain: Required[str]
    name: Required[str]
    value: Required[str]
