"""``python -m loaders.store``: manage the store from the command line.

python -m loaders.store migrate [--from DIR] [--to URL]
    create the PostGIS schema in the database (``--to``, default ``$ATLAS_DATABASE_URL``)
    and copy an embedded store into it (``--from``, default ``$ATLAS_DATA_DIR``):
    every province's boundaries and display copies, every layer version, the import log.
    Run it again after more imports: provinces and layers are replaced, log entries the
    database already holds are not added twice.
python -m loaders.store info
    where the store is (backend, data version, provinces, layers).
"""

from __future__ import annotations

import argparse
import json
import sys

from loaders.settings import settings
from loaders.store import Store, StoreError, is_database_url, open_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.store", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    migrate = commands.add_parser(
        "migrate", help="create the schema and copy an embedded store into the database"
    )
    migrate.add_argument("--from", dest="source", help="embedded store folder (default: $ATLAS_DATA_DIR)")
    migrate.add_argument("--to", dest="target", help="postgresql:// URL (default: $ATLAS_DATABASE_URL)")
    commands.add_parser("info", help="where the store is and what it holds")
    args = parser.parse_args(argv)
    conf = settings()
    if args.command == "info":
        held = open_store()
        print(
            json.dumps(
                {
                    "store": held.label,
                    "backend": type(held).__name__,
                    "version": held.version(),
                    "provinces": held.provinces(),
                    "layers": held.layers(),
                },
                ensure_ascii=False,
            )
        )
        return 0
    target = args.target or conf.database_url
    if not target or not is_database_url(target):
        print(
            "migrate needs a database: set ATLAS_DATABASE_URL=postgresql://user:password@host:port/db "
            "or pass --to URL",
            file=sys.stderr,
        )
        return 2
    source = Store(args.source or conf.data_dir)
    database = Store(target)
    try:
        database.create_schema()
        print(f"schema ready in {database.label}", file=sys.stderr)
        copied = database.copy_from(source, progress=lambda msg: print(msg, file=sys.stderr))
    except StoreError as err:
        print(f"migrate failed: {err}", file=sys.stderr)
        return 1
    print(json.dumps({"from": source.label, "to": database.label, **copied}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
