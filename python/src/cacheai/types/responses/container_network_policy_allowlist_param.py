"""API types mirroring `openai.types.responses.container_network_policy_allowlist_param`."""

from collections.abc import Iterable, Sequence
from typing import Literal

from typing_extensions import Required, TypedDict

from .container_network_policy_domain_secret_param import ContainerNetworkPolicyDomainSecretParam

__all__ = ["ContainerNetworkPolicyAllowlistParam"]


class ContainerNetworkPolicyAllowlistParam(TypedDict, total=False):
    allowed_domains: Required[Sequence[str]]
    type: Required[Literal["allowlist"]]
    domain_secrets: Iterable[ContainerNetworkPolicyDomainSecretParam]
