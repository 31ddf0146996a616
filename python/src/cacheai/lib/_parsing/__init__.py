"""Structured outputs: the ``response_format`` a type becomes, and the parsed results."""
