"""Helpers above the resources: structured outputs (strict JSON schemas, parsing) and the stream helpers."""
