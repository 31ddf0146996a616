"""The stream helpers: ``chat.completions.stream`` and ``responses.stream``."""
