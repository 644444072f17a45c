"""``python -m cli``: the same as the ``atlas`` console script."""

from cli import main

raise SystemExit(main())
