"""The command line: ``python -m loaders.layers import|status|delete``."""

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
    MODES,
    ImportPlan,
    analyse,
    commit,
    delete_version,
    report_frame,
    status,
    summary_messages,
)
from loaders.store import Store, open_store

__all__ = ["main"]


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


def main(argv: list[str] | None = None) -> int:
    """``python -m loaders.layers import|status|delete``; exit 0 imported, 1 rejected."""
    from loaders.settings import settings

    parser = argparse.ArgumentParser(
        prog="python -m loaders.layers", description="Import and list data layers."
    )
    parser.add_argument("--store", type=Path, default=None, help="store directory (default: $ATLAS_DATA_DIR)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="import a CSV, XLSX, XLS or ODS file into a layer")
    imp.add_argument("layer", choices=list(LAYERS))
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", default=None)
    imp.add_argument(
        "--mode",
        choices=MODES,
        default="replace",
        help="replace (default): earlier rows of the file's provinces and years are replaced; append: "
        "a new version beside the others; replace_all: every earlier row you may change is removed "
        "(a steward's: those of her granted provinces only, rows of other provinces stay)",
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
    version = commit(plan, store, args.mode)
    print(
        i18n.t(
            "data.cli.imported", lang, layer=args.layer, version=version, rows=len(plan.frame), mode=args.mode
        )
    )
    return 0
