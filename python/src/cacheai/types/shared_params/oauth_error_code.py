"""API types mirroring `openai.types.shared_params.oauth_error_code`."""

from typing import Literal, TypeAlias

__all__ = ["OAuthErrorCode"]


OAuthErrorCode: TypeAlias = Literal["invalid_grant", "invalid_subject_token"] | str
