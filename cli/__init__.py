"""``atlas``: the one command line of Atlas PMI (argument routing only).

Each subcommand is a row of :data:`COMMANDS`: the module whose ``main(argv)`` does the work
(imported only when the subcommand runs, so ``atlas --help`` is quick), the words put before the
user's arguments, and whether it runs signed in (``ATLAS_USER`` / ``ATLAS_PASSWORD`` when
``ATLAS_AUTH`` is on, through :func:`loaders.accounts.run_cli`). The ``python -m loaders.*``
commands keep working: ``atlas import …`` is ``python -m loaders.layers import …``.

Exit codes (every subcommand):

====  =====================================================================
0     done
1     refused or failed (a rejected file, a failed fetch); the message says why
2     usage error (unknown subcommand or option)
3     not allowed: sign-in failed, or the user's role or grants do not allow it
4     nothing written: ``import`` or ``undo`` printed its plan; run again with ``--yes``
====  =====================================================================

Examples
--------
>>> sorted(COMMANDS)[:3]
['boundaries', 'coverage', 'delete']
>>> COMMANDS["import"].prefix
('import',)
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["COMMANDS", "Command", "main"]

EXIT_CODES = {
    0: "done",
    1: "refused or failed",
    2: "usage error",
    3: "not allowed (sign-in, role or grants)",
    4: "nothing written: the plan was printed, run again with --yes",
}


@dataclass(frozen=True)
class Command:
    """One ``atlas`` subcommand: where its ``main`` lives and what it is for."""

    help: str
    target: str  # "package.module:function"
    prefix: tuple[str, ...] = ()
    signed_in: bool = True

    def run(self, argv: Sequence[str]) -> int:
        module, _, function = self.target.partition(":")
        entry = getattr(importlib.import_module(module), function or "main")
        args = [*_hoisted(argv, self.prefix)]
        if not self.signed_in:
            return int(entry(args) or 0)
        from loaders.accounts import run_cli

        return int(run_cli(entry, args) or 0)


#: Subcommand name -> what runs it; the help lists them in this order.
COMMANDS: dict[str, Command] = {
    "import": Command(
        "import a layer file (CSV, XLSX, XLS, ODS) into the store", "loaders.layers.cli:main", ("import",)
    ),
    "status": Command("what the store holds: provinces, villages, layers (JSON)", "cli:status_main"),
    "delete": Command("delete one version of a layer", "loaders.layers.cli:main", ("delete",)),
    "undo": Command(
        "put a layer back exactly as it was before its last import (--yes to do it)",
        "loaders.layers.cli:main",
        ("undo",),
    ),
    "coverage": Command("what each layer covers, by area and year", "loaders.layers.cli:main", ("coverage",)),
    "figures": Command(
        "the headline figures of an area and year (JSON; null is no data)", "cli:figures_main"
    ),
    "boundaries": Command("fetch or import village boundaries; their status", "loaders.boundaries:main"),
    "store": Command("the store: info, migrate to PostGIS, backup, restore", "loaders.store.__main__:main"),
    "users": Command("users, roles, grants and the audit log", "loaders.accounts:main", signed_in=False),
    "tiles": Command("rebuild the national view's village packs", "loaders.tiles:main"),
    "demo": Command("build the invented demo pack", "loaders.demo:main", signed_in=False),
    "export": Command(
        "make an export file of a view as the Ekspor page does: pptx, pdf, png, csv, xlsx, html, gpkg, geojson",
        "loaders.export_cli:main",
    ),
    "serve-api": Command(
        "serve the aggregates per area and year as an OGC API - Features service (API tokens, audit log)",
        "ogcapi.server:main",
        signed_in=False,
    ),
    "reach": Command(
        "distance over land to service points of a type; where new ones reach the most (JSON)",
        "loaders.reach:main",
    ),
}


#: Options of the module commands that argparse takes only before their subcommand.
_GLOBAL_OPTIONS = ("--store", "--lang")


def _hoisted(argv: Sequence[str], prefix: tuple[str, ...]) -> list[str]:
    """``argv`` behind ``prefix``, with ``--store X`` / ``--lang X`` moved in front of it.

    >>> _hoisted(["placements", "f.csv", "--store", "s", "--lang=en"], ("import",))
    ['--store', 's', '--lang=en', 'import', 'placements', 'f.csv']
    """
    front: list[str] = []
    rest: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        item = items[i]
        if prefix and item in _GLOBAL_OPTIONS and i + 1 < len(items):
            front += items[i : i + 2]
            i += 2
            continue
        if prefix and item.split("=", 1)[0] in _GLOBAL_OPTIONS and "=" in item:
            front.append(item)
        else:
            rest.append(item)
        i += 1
    return [*front, *prefix, *rest]


def status_main(argv: Sequence[str] | None = None) -> int:
    """``atlas status``: the store, its provinces and its layers as one JSON document."""
    import json

    from loaders import accounts, boundaries, layers
    from loaders.store import open_store

    argparse.ArgumentParser(prog="atlas status", description=status_main.__doc__).parse_args(argv)
    store = accounts.scoped(open_store())  # what the signed-in user may see (grants)
    print(
        json.dumps(
            {"store": store.label, **boundaries.status(store), **layers.status(store)},
            ensure_ascii=False,
            indent=1,
        )
    )
    return 0


def figures_main(argv: Sequence[str] | None = None) -> int:
    """``atlas figures [--area CODE] [--year YEAR]``: the headline figures as the pages show them,
    as JSON: ``null`` where there is no data (never 0), the change over common ground and the
    coverage notes. The whole store (no ``--area``) counts the provinces the map can draw."""
    import json

    import pandas as pd

    from geo import figures, metrics
    from loaders.store import open_store

    parser = argparse.ArgumentParser(prog="atlas figures", description=figures_main.__doc__)
    parser.add_argument("--area", default=None, help="dotted code (default: every province held)")
    parser.add_argument("--year", type=int, default=None, help="default: the latest year held")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = parser.parse_args(argv)
    store = open_store()
    layers = {name: store.read_layer(name) for name in store.layers()}
    layers, left = figures.drawn_only(layers, store.provinces())
    years = metrics.years_of(layers.get("placements", pd.DataFrame())) or metrics.years_of(
        layers.get("reports", pd.DataFrame())
    )
    year = args.year if args.year is not None else (years[-1] if years else None)
    items = figures.headlines(layers, args.area, year)

    def number(value: float) -> float | None:
        return (
            None if value != value else (int(value) if float(value).is_integer() else round(float(value), 6))
        )

    print(
        json.dumps(
            {
                "area": args.area,
                "year": year,
                "figures": {
                    h.name: {
                        "value": number(h.value),
                        "previous": number(h.previous),
                        "change": number(h.change),
                        "change_text": figures.change_text(h, year, args.lang),
                    }
                    for h in items
                },
                "notes": figures.coverage_notes(items, year, args.area, args.lang),
                "not_counted": figures.outside_note(left, args.lang) if args.area is None else "",
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    return 0


def _parser() -> argparse.ArgumentParser:
    epilog = "exit codes: " + "; ".join(f"{code} {text}" for code, text in EXIT_CODES.items())
    parser = argparse.ArgumentParser(
        prog="atlas",
        description="Atlas PMI on the command line. 'atlas COMMAND --help' describes each command.",
        epilog=epilog,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, command in COMMANDS.items():
        sub.add_parser(name, help=command.help, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Route ``atlas COMMAND ARGS…`` to the command's module; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if not args or args[0] not in COMMANDS:
        try:
            parser.parse_args(args[:1] or [])
        except SystemExit as stop:
            return int(stop.code or 0)
        return 2
    name, rest = args[0], args[1:]
    try:
        return COMMANDS[name].run(rest)
    except SystemExit as stop:  # argparse inside the command: --help (0) or a usage error (2)
        code = stop.code
        return code if isinstance(code, int) else (0 if code is None else 1)
