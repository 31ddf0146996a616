"""``python -m cacheai``: the ``cacheai`` command."""

from .cli import main

raise SystemExit(main())
