"""The store: boundaries per province, versioned data layers and the import log.

``Store(target)`` opens it: a folder is the embedded GeoParquet store (``files``), a
``postgresql://`` URL the PostGIS one (``postgis``). :func:`open_store` opens the one the
settings name (``ATLAS_DATABASE_URL``, else ``ATLAS_DATA_DIR``). Nothing outside this package
knows how either backend lays out its data. ``store.within(provinces)`` is the store as an
account granted those provinces sees it (``scoped``). ``python -m loaders.store migrate`` copies an
embedded store into a database; ``backup`` / ``restore`` / ``upgrade`` keep it across releases
(``loaders.store.format``; with the audit log and permission checks: ``loaders.backups``).
"""

from __future__ import annotations

from loaders.store.base import Areas, Display, Store, StoreError, is_database_url
from loaders.store.files import FileStore
from loaders.store.format import CURRENT as FORMAT
from loaders.store.format import FormatError, backup, restore, store_format, upgrade
from loaders.store.postgis import PostgisStore, close_pools
from loaders.store.scoped import ScopedStore

Store.backends["files"] = FileStore
Store.backends["postgis"] = PostgisStore
Store.backends["scoped"] = ScopedStore

__all__ = [
    "Store",
    "StoreError",
    "FormatError",
    "FORMAT",
    "Areas",
    "Display",
    "open_store",
    "is_database_url",
    "close_pools",
    "backup",
    "restore",
    "upgrade",
    "store_format",
]


def open_store() -> Store:
    """The user's store named by the settings: the database when ``ATLAS_DATABASE_URL`` is set."""
    from loaders.settings import settings

    current = settings()
    return Store(current.database_url or current.data_dir)
