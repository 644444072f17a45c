"""The command line: ``python -m loaders.layers import|status|delete|undo|coverage``.

``import`` reads and checks the file, states what it covers and what of the stored data it would
replace or remove, and writes only with ``--yes``; ``undo LAYER`` puts a layer back as it was
before its last write (``--yes`` again). Exit codes: 0 done, 1 refused or failed, 3 not allowed,
4 nothing written: the plan was printed, run again with ``--yes`` to confirm it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import i18n
from geo.cells import neutralise
from geo.layers import LAYERS
from loaders import accounts
from loaders.layers.pipeline import (
    MODE_ALIASES,
    MODES,
    ImportPlan,
    analyse,
    commit,
    coverage_frame,
    delete_version,
    replace_plan,
    report_frame,
    status,
    summary_messages,
    undo,
    undo_plan,
)
from loaders.layers.plan import CoverageError, coverage_lines
from loaders.store import Store, open_store

__all__ = ["main", "EXIT_NOT_CONFIRMED"]

#: Exit code of an import or undo whose plan was printed but not confirmed with ``--yes``.
EXIT_NOT_CONFIRMED = 4
_LEVELS = {"province": 1, "regency": 2, "district": 3, "village": 4}


def _print_plan(plan: ImportPlan, lang: str, out) -> None:
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    print(t("data.cli.read", file=plan.file, rows=plan.rows_read, sheet=plan.sheet or "-"), file=out)
    for line in summary_messages(plan, lang):  # every sheet read and not read, every column not used
        print("  " + line, file=out)
    for dropped in plan.dropped:
        print(t("data.cli.dropped", column=dropped.column, kind=t(f"data.pii.{dropped.kind}")), file=out)
    print(
        t("data.cli.matched", matched=plan.matched, ambiguous=plan.ambiguous, unmatched=plan.unmatched),
        file=out,
    )
    if plan.subtotals:
        print(t("data.cli.subtotals", n=plan.subtotals), file=out)
    for issue in plan.errors[:20]:
        print("  " + issue.message(lang), file=out)
    if len(plan.errors) > 20:
        print(t("data.cli.more", n=len(plan.errors) - 20), file=out)


def _print_coverage(plan: ImportPlan, lang: str, out) -> None:
    print(i18n.t("coverage.describe.title", lang) + ":", file=out)
    for line in coverage_lines(plan.coverage, lang, limit=40):
        print("  " + line, file=out)
    print("  " + i18n.t("coverage.describe.rule", lang), file=out)


def main(argv: list[str] | None = None) -> int:
    """``python -m loaders.layers import|status|delete|undo|coverage``; exit 0 done, 1 rejected,
    4 plan printed without ``--yes``."""
    from loaders.settings import settings

    parser = argparse.ArgumentParser(
        prog="python -m loaders.layers",
        description="Import and list data layers.",
        epilog="exit codes: 0 done; 1 refused or failed; 3 not allowed; "
        "4 nothing written: the plan was printed, run again with --yes",
    )
    parser.add_argument("--store", type=Path, default=None, help="store directory (default: $ATLAS_DATA_DIR)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser(
        "import",
        help="import a CSV, XLSX, XLS or ODS file into a layer",
        description="Check the file, say what it covers and what it would replace or remove of "
        "the stored data; where it would replace or remove anything, write it only with --yes "
        "(else exit 4, nothing written).",
    )
    imp.add_argument("layer", choices=list(LAYERS))
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", default=None)
    imp.add_argument(
        "--mode",
        choices=[*MODES, *MODE_ALIASES],
        default="replace",
        help="replace (default): replace what this file covers; add (append): keep everything; "
        "replace_all: the whole layer (an admin's; a steward's: her granted provinces, every year)",
    )
    imp.add_argument(
        "--cover-level",
        choices=list(_LEVELS),
        default=None,
        help="what the file speaks for: each area of this level with a row "
        "(default: regency; province for programmes)",
    )
    imp.add_argument(
        "--cover",
        nargs="+",
        default=None,
        metavar="CODE",
        help="exactly these areas (dotted codes, e.g. 52 or 52.02), in every year of the file",
    )
    imp.add_argument(
        "--yes",
        action="store_true",
        help="confirm replacing or removing stored rows (without: the plan is printed, exit 4)",
    )
    imp.add_argument("--report", type=Path, default=None, help="write the row-by-row report (CSV) here")
    imp.add_argument(
        "--skip-invalid", action="store_true", help="leave rows with value errors out instead of rejecting"
    )
    st = sub.add_parser("status", help="versions, rows, villages and totals per layer")
    st.add_argument("--json", action="store_true")
    de = sub.add_parser("delete", help="delete one version of a layer")
    de.add_argument("layer", choices=list(LAYERS))
    de.add_argument("version", type=int)
    un = sub.add_parser("undo", help="put a layer back exactly as it was before its last import (or delete)")
    un.add_argument("layer", choices=list(LAYERS))
    un.add_argument("--yes", action="store_true", help="do it (without: print what it does and exit 4)")
    cov = sub.add_parser("coverage", help="what each layer covers, by area and year")
    cov.add_argument("layer", nargs="?", choices=list(LAYERS), default=None)
    cov.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    lang = args.lang or settings().language
    if lang not in i18n.LANGUAGES:
        lang = i18n.DEFAULT_LANGUAGE
    store = Store(args.store) if args.store else open_store()
    if args.command == "status":  # what the signed-in user may see (grants)
        info = status(accounts.scoped(store))
        if args.json:
            print(json.dumps(info, ensure_ascii=False))
        else:
            for name, row in info["layers"].items():
                print(
                    f"{name:12} versions={row['versions']} rows={row['rows']} villages={row['villages']} total={row['total']}"
                )
        return 0
    if args.command == "coverage":
        seen = accounts.scoped(store)  # what the signed-in user may see (grants)
        names = [args.layer] if args.layer else [n for n in LAYERS if n in seen.layers()]
        tables = {name: coverage_frame(seen, name) for name in names}
        if args.json:
            print(
                json.dumps(
                    {
                        name: [
                            {
                                **row,
                                "year": None
                                if row["year"] is None or row["year"] != row["year"]
                                else int(row["year"]),
                            }
                            for row in table.astype(object)
                            .where(table.notna(), None)
                            .to_dict(orient="records")
                        ]
                        for name, table in tables.items()
                    },
                    ensure_ascii=False,
                )
            )
        else:
            for name, table in tables.items():
                print(f"{name}:")
                print(table.to_string(index=False) if len(table) else "  -")
        return 0
    if args.command == "delete":
        from loaders.store import StoreError

        try:
            delete_version(store, args.layer, args.version)
        except accounts.AccessDenied:
            raise  # run_cli says why and exits 3
        except StoreError as err:
            print(str(err), file=sys.stderr)
            return 1
        return 0
    if args.command == "undo":
        found = undo_plan(store, args.layer)
        if found is None:
            print(i18n.t("undo.none", lang, layer=args.layer), file=sys.stderr)
            return 1
        accounts.authorize(accounts.Action.UNDO, found.provinces)  # before saying what it holds
        print(found.text(lang))
        if not args.yes:
            print(i18n.t("data.cli.not_written", lang))
            return EXIT_NOT_CONFIRMED
        undo(store, args.layer)
        print(
            i18n.t(
                "undo.done" if found.point.get("action") != "delete" else "undo.done_delete",
                lang,
                layer=args.layer,
                version=found.point.get("version"),
            )
        )
        return 0
    if not args.file.is_file():
        print(
            i18n.t("data.issue.file_unreadable", lang, file=str(args.file), detail="not found"),
            file=sys.stderr,
        )
        return 1
    from loaders.limits import VARIABLES, limits

    size = args.file.stat().st_size  # the size is checked before a byte is read
    if size > limits().file_mb * 1_000_000:
        found, limit = f"{size / 1e6:,.1f}", limits().file_mb
        print(
            i18n.t(
                "data.issue.file_limit_file_mb",
                lang,
                file=args.file.name,
                found=found,
                limit=limit,
                variable=VARIABLES["file_mb"],
            ),
            file=sys.stderr,
        )
        return 1
    mode = MODE_ALIASES.get(args.mode, args.mode)
    sheet = args.sheet
    plan = analyse(
        args.layer, args.file.read_bytes(), args.file.name, store, sheet=sheet, skip_invalid=args.skip_invalid
    )
    if args.report:
        neutralise(report_frame(plan, lang, matches=True)).to_csv(
            args.report, index=False, encoding="utf-8-sig"
        )
    _print_plan(plan, lang, sys.stdout if plan.accepted else sys.stderr)
    if not plan.accepted:
        print(i18n.t("data.cli.rejected", lang, file=plan.file), file=sys.stderr)
        return 1
    if args.cover_level or args.cover:
        try:
            plan.cover(_LEVELS.get(args.cover_level), args.cover)
        except CoverageError as err:
            print(i18n.t("data.cli.bad_coverage", lang, message=err.message(lang)), file=sys.stderr)
            return 1
    # what a write would replace is shown only to whom may make it (grants: nothing of a
    # province outside them is described)
    action = accounts.Action.IMPORT if mode == "append" else accounts.Action.REPLACE
    accounts.authorize(action, plan.scope()["provinces"], file=plan.file)
    seen = replace_plan(plan, store, mode)
    accounts.authorize(action, sorted(set(plan.scope()["provinces"]) | set(seen.provinces)), file=plan.file)
    _print_coverage(plan, lang, sys.stdout)
    print(i18n.t("replace.title", lang) + ":")
    for line in seen.lines(lang):
        print("  " + line)
    if seen.removes and not args.yes:  # nothing stored goes without the steward's --yes
        print(i18n.t("data.cli.not_written", lang))
        return EXIT_NOT_CONFIRMED
    version = commit(plan, store, mode, confirmed=seen)
    print(
        i18n.t(
            "data.cli.imported",
            lang,
            layer=args.layer,
            version=version,
            rows=len(plan.frame),
            mode=i18n.t(f"data.mode_short.{mode}", lang),
        )
    )
    return 0
