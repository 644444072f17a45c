"""``python -m loaders.layers``: see :mod:`loaders.layers.cli`."""

from loaders.layers.cli import main

raise SystemExit(main())
