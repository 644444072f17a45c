"""The pygeoapi feature provider of the atlas: pygeoapi parses the request, pages and renders
the answer; this class hands it the features of :mod:`ogcapi.features` for the reader of the
request (:data:`READER`, set by :mod:`ogcapi.server` after the token was checked).

Read-only: ``create``, ``update`` and ``delete`` refuse (the server routes no write anyway).
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field

from pygeoapi.provider.base import (
    BaseProvider,
    ProviderInvalidQueryError,
    ProviderItemNotFoundError,
    ProviderQueryError,
    SchemaType,
)

from loaders.accounts import Account
from loaders.store import Store
from ogcapi import features

__all__ = ["AtlasProvider", "Reader", "READER"]


@dataclass(frozen=True)
class Reader:
    """Who asks, and the store as that account may see it (through its grants)."""

    account: Account
    store: Store
    threshold: int
    #: Provinces of the features answered (the audit entry's provinces).
    served: set[str] = field(default_factory=set)


#: The reader of the request being answered; unset outside a request, and then nothing is served.
READER: contextvars.ContextVar[Reader | None] = contextvars.ContextVar("atlas_api_reader", default=None)


def _reader() -> Reader:
    reader = READER.get()
    if reader is None:  # never reached through the server, which checks the token first
        raise ProviderQueryError("no reader: requests are answered only after their token was checked")
    return reader


class AtlasProvider(BaseProvider):
    """Areas and years of one level, with their protected figures (``data`` is the collection id)."""

    def __init__(self, provider_def):
        super().__init__(provider_def)
        if self.data not in features.COLLECTIONS:
            raise ProviderQueryError(f"unknown collection {self.data!r}")
        self.id_field = "id"
        self.title_field = "name"
        self._fields = features.fields()

    def get_fields(self):
        return features.fields()

    def get_schema(self, schema_type: SchemaType = SchemaType.item):
        return "application/geo+json", {
            "$schema": "http://json-schema.org/draft/2019-09/schema",
            "type": "object",
            "properties": {name: dict(spec) for name, spec in self._fields.items()},
        }

    def query(
        self,
        offset=0,
        limit=10,
        resulttype="results",
        bbox=[],  # noqa: B006  (pygeoapi's signature)
        datetime_=None,
        properties=[],  # noqa: B006
        sortby=[],  # noqa: B006
        select_properties=[],  # noqa: B006
        skip_geometry=False,
        q=None,
        filterq=None,
        **kwargs,
    ):
        reader = _reader()
        if datetime_ is not None or q is not None or filterq is not None:
            raise ProviderInvalidQueryError(
                user_msg="datetime, q and filter are not supported: filter by year= and by area codes "
                f"({', '.join(features.FILTERS)})"
            )
        filters: dict[str, str] = {}
        for name, value in properties:
            if name in filters:
                raise ProviderInvalidQueryError(user_msg=f"{name} given twice")
            filters[name] = value
        try:
            page = features.query(
                reader.store,
                self.data,
                threshold=reader.threshold,
                filters=filters,
                bbox=bbox or (),
                offset=int(offset),
                limit=int(limit),
                sortby=[(s["property"], s["order"]) for s in sortby],
                skip_geometry=bool(skip_geometry),
                hits_only=resulttype == "hits",
            )
        except features.QueryError as err:
            raise ProviderInvalidQueryError(user_msg=str(err)) from None
        rows = page.features
        reader.served.update(str(row["id"])[:2] for row in rows)
        if select_properties:
            keep = set(select_properties)
            for row in rows:
                row["properties"] = {k: v for k, v in row["properties"].items() if k in keep}
        return {
            "type": "FeatureCollection",
            "features": rows,
            "numberMatched": page.matched,
            "numberReturned": len(rows),
        }

    def get(self, identifier, **kwargs):
        reader = _reader()
        found = features.item(reader.store, self.data, identifier, threshold=reader.threshold)
        if found is None:
            raise ProviderItemNotFoundError(user_msg="no such feature")
        reader.served.add(str(found["id"])[:2])
        return found

    def create(self, item):
        raise ProviderInvalidQueryError(user_msg="the atlas API is read-only")

    def update(self, identifier, item):
        raise ProviderInvalidQueryError(user_msg="the atlas API is read-only")

    def delete(self, identifier):
        raise ProviderInvalidQueryError(user_msg="the atlas API is read-only")
