"""``python -m loaders.layers``: see :mod:`loaders.layers.cli`."""

from loaders.accounts import run_cli
from loaders.layers.cli import main

raise SystemExit(run_cli(main))
