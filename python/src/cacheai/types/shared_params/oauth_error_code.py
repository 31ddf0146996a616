"""Re-exported from ``cacheai.types.shared.oauth_error_code`` (one definition, as in openai)."""

from ..shared.oauth_error_code import OAuthErrorCode

__all__ = ["OAuthErrorCode"]
