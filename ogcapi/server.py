"""``atlas serve-api``: the OGC API – Features server (pygeoapi on Flask), read-only, behind tokens.

Every request, answered or not, goes through :func:`_before` (the token: ``Authorization: Bearer
TOKEN``, or HTTP Basic with the user's name and the token as password, so QGIS's basic
authentication works) and :func:`_after` (one audit entry: user, role, outcome, provinces served,
method, path, query, status). No token, or one unknown, revoked, expired or of a disabled user:
401 and nothing else. The token's account is read at every request, so a revoked token, a
disabled user or a changed grant counts at once.

Only GET (and HEAD) is routed: the landing page, conformance, the OpenAPI document, the
collections, their queryables and schema, items and single items (:mod:`ogcapi.provider`), and
the JSON documents of :data:`DOCUMENTS` under ``/<name>`` behind the same token and audit: the
data catalogue at ``/catalogue`` (:func:`loaders.catalogue.catalogue_document`).

Tokens are required whatever ``ATLAS_AUTH`` says: the API is never open.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import re
import sys
from collections.abc import Callable, Sequence
from http import HTTPStatus

import i18n
from loaders import accounts
from loaders.settings import settings
from ogcapi import features

__all__ = ["DOCUMENTS", "build_config", "create_app", "main"]


def _catalogue(reader, lang: str) -> dict:
    """The data catalogue (Satu Data metadata of every layer and figure) of the reader's store:
    periods, imports and coverage of the provinces granted only (``loaders.catalogue``)."""
    from loaders.catalogue import catalogue_document

    reader.served.update(reader.store.provinces())
    return catalogue_document(reader.store, lang)


#: JSON documents served at ``/<name>`` (GET, token, audit), each built from the request's reader
#: (:class:`ogcapi.provider.Reader`: the account and the store through its grants) and the
#: language asked (``?lang=id|en``, else ``ATLAS_LANGUAGE``).
DOCUMENTS: dict[str, Callable[[object, str], dict]] = {"catalogue": _catalogue}

#: Formats answered (JSON only: pygeoapi's HTML pages load scripts and tiles from other hosts).
_FORMATS = ("json", "jsonld")
#: Indonesia's extent (CRS84), the collections' spatial extent.
_INDONESIA = [94.9, -11.1, 141.1, 6.1]
_TOKEN_ID = re.compile(rf"^{accounts.TOKEN_PREFIX}([0-9a-f]{{8}})_")


def _lang() -> str:
    chosen = settings().language
    return chosen if chosen in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def _both(key: str, **values: object) -> dict[str, str]:
    """A text in both languages, as pygeoapi takes translated titles."""
    return {lang: i18n.t(key, lang, **values) for lang in ("id", "en")}


def build_config(url: str, *, default_items: int = 50, max_items: int = 200) -> dict:
    """The pygeoapi configuration: one collection per level of :data:`ogcapi.features.COLLECTIONS`."""
    threshold = settings().small_count_threshold
    resources = {}
    for name in features.COLLECTIONS:
        resources[name] = {
            "type": "collection",
            "title": _both(f"api.collection.{name}"),
            "description": _both("api.collection.description", max=threshold - 1),
            "keywords": ["PMI", "pekerja migran", "migrant workers", "Kemendagri", name],
            "links": [],
            "extents": {
                "spatial": {"bbox": _INDONESIA, "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}
            },
            "providers": [
                {
                    "type": "feature",
                    "name": "ogcapi.provider.AtlasProvider",
                    "data": name,
                    "id_field": "id",
                    "title_field": "name",
                    "include_extra_query_parameters": True,
                }
            ],
        }
    lang = _lang()
    return {
        "server": {
            "bind": {"host": "127.0.0.1", "port": 0},
            "url": url.rstrip("/"),
            "mimetype": "application/json; charset=UTF-8",
            "encoding": "utf-8",
            "languages": [lang, *(code for code in ("id", "en") if code != lang)],
            "limits": {"default_items": default_items, "max_items": max_items, "on_exceed": "throttle"},
            "map": {"url": "", "attribution": ""},
            "pretty_print": False,
        },
        "logging": {"level": "ERROR"},
        "metadata": {
            "identification": {
                "title": _both("api.title"),
                "description": _both("api.description"),
                "keywords": ["PMI", "OGC API Features"],
                "keywords_type": "theme",
                "terms_of_service": "",
                "url": url.rstrip("/"),
            },
            "license": {"name": "", "url": ""},
            "provider": {"name": "Atlas PMI", "url": url.rstrip("/")},
            "contact": {"name": "Atlas PMI"},
        },
        "resources": resources,
    }


def _credentials(header: str) -> tuple[str | None, str | None]:
    """``(token, user name)`` from an Authorization header (Bearer, or Basic user:token)."""
    scheme, _, value = (header or "").strip().partition(" ")
    if scheme.lower() == "bearer":
        return value.strip() or None, None
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None, None
        user, _, token = decoded.partition(":")
        return token or None, user
    return None, None


def create_app(url: str, store=None):
    """The Flask app answering at ``url`` (its public base URL) from ``store`` (default: the
    configured store, :func:`loaders.store.open_store`)."""
    from flask import Flask, Response, g, request
    from pygeoapi.api import (
        API,
        APIRequest,
        apply_gzip,
        describe_collections,
        get_collection_schema,
        landing_page,
        openapi_,
    )
    from pygeoapi.api import conformance as _conformance
    from pygeoapi.api.itemtypes import (
        get_collection_item,
        get_collection_items,
        get_collection_queryables,
    )
    from pygeoapi.openapi import get_oas

    from loaders.store import open_store
    from ogcapi.provider import READER, Reader

    base = store if store is not None else open_store()
    config = build_config(url)
    api = API(config, get_oas(config, fail_on_invalid_collection=False))
    app = Flask("atlas-ogcapi")
    app.url_map.strict_slashes = False

    def answer(status: int, key: str, **extra: object) -> Response:
        body = {"code": HTTPStatus(status).phrase.replace(" ", ""), "description": i18n.t(key, _lang())}
        response = Response(
            json.dumps({**body, **extra}, ensure_ascii=False), status, mimetype="application/json"
        )
        if status == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="atlas-pmi", Basic realm="atlas-pmi"'
        return response

    @app.before_request
    def _before():
        g.account, g.token_id, g.reason, g.reader_token = None, None, None, None
        token, user = _credentials(request.headers.get("Authorization", ""))
        found = _TOKEN_ID.match(token or "")
        g.token_id = found.group(1) if found else None
        if token is None:
            g.reason = "no token"
            return answer(401, "api.unauthorized")
        account = accounts.book().token_account(token)
        if account is None or (user is not None and user != account.name):
            g.reason = "token refused"
            return answer(401, "api.refused_token")
        g.account = account
        if request.method not in ("GET", "HEAD"):
            g.reason = "write refused"
            return answer(405, "api.read_only")
        scope = account.scope
        view = base if scope is None else base.within(scope)
        g.reader = Reader(account, view, settings().small_count_threshold, set())
        g.reader_token = READER.set(g.reader)
        return None

    @app.teardown_request
    def _teardown(_error=None):
        token = g.pop("reader_token", None)
        if token is not None:
            READER.reset(token)

    @app.after_request
    def _after(response):
        account = g.get("account")
        reader = g.get("reader")
        status = response.status_code
        outcome = "ok" if status < 400 else "denied" if status in (401, 403, 405) else "error"
        detail = {
            "via": "api",
            "method": request.method,
            "path": request.path[:200],
            "query": request.query_string.decode("utf-8", "replace")[:300],
            "status": status,
            "client": (request.remote_addr or "")[:64],
        }
        if g.get("token_id"):
            detail["token"] = g.token_id
        if g.get("reason"):
            detail["reason"] = g.reason
        accounts.book().append(
            {
                "user": account.name if account else "-",
                "role": account.role if account else None,
                "action": accounts.Action.API_REQUEST,
                "outcome": outcome,
                "provinces": sorted(reader.served) if reader else [],
                "detail": detail,
            }
        )
        return response

    def run(function, *args) -> Response:
        api_request = APIRequest.from_flask(request, api.locales)
        fmt = (request.args.get("f") or "").strip()
        if fmt and fmt not in _FORMATS:
            return answer(400, "api.json_only")
        if not fmt:
            api_request._format = "json"  # a browser's Accept: text/html gets JSON all the same
        headers, status, content = function(api, api_request, *args)
        response = Response(apply_gzip(headers, content), status)
        if headers:
            response.headers.update(headers)
        return response

    app.add_url_rule("/", "landing", lambda: run(landing_page))
    app.add_url_rule("/conformance", "conformance", lambda: run(_conformance))
    app.add_url_rule("/openapi", "openapi", lambda: run(openapi_))
    app.add_url_rule("/collections", "collections", lambda: run(describe_collections, None))
    app.add_url_rule(
        "/collections/<collection>", "collection", lambda collection: run(describe_collections, collection)
    )
    app.add_url_rule(
        "/collections/<collection>/queryables",
        "queryables",
        lambda collection: run(get_collection_queryables, collection),
    )
    app.add_url_rule(
        "/collections/<collection>/schema",
        "schema",
        lambda collection: run(get_collection_schema, collection),
    )
    app.add_url_rule(
        "/collections/<collection>/items", "items", lambda collection: run(get_collection_items, collection)
    )
    app.add_url_rule(
        "/collections/<collection>/items/<item>",
        "item",
        lambda collection, item: run(get_collection_item, collection, item),
    )

    @app.route("/<name>")
    def document(name: str):
        """A JSON document of :data:`DOCUMENTS` (the data catalogue)."""
        if name not in DOCUMENTS:
            return answer(404, "api.not_found")
        asked = request.args.get("lang", "")
        lang = asked if asked in i18n.LANGUAGES else _lang()
        document = DOCUMENTS[name](g.reader, lang)
        return Response(json.dumps(document, ensure_ascii=False, default=str), mimetype="application/json")

    @app.errorhandler(404)
    def _missing(_error):
        return answer(404, "api.not_found")

    @app.errorhandler(405)
    def _not_allowed(_error):
        return answer(405, "api.read_only")

    return app


class _Later:
    """A WSGI app set once the server has bound its port (the base URL names the port)."""

    app = None

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


def main(argv: Sequence[str] | None = None) -> int:
    """``atlas serve-api [--host H] [--port P] [--url URL]``: serve until stopped (Ctrl-C)."""
    from werkzeug.serving import make_server

    parser = argparse.ArgumentParser(
        prog="atlas serve-api",
        description="Serve the atlas's aggregates (per area and year) as an OGC API - Features "
        "service for QGIS and partner systems. Every request needs an API token (atlas users "
        "token issue NAME) and is recorded in the audit log.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8600, help="port (default 8600; 0: any free port)")
    parser.add_argument(
        "--url",
        default=None,
        help="the public base URL the links name, behind a reverse proxy "
        "(e.g. https://atlas.example.go.id/api); default http://HOST:PORT",
    )
    args = parser.parse_args(argv)
    later = _Later()
    server = make_server(args.host, args.port, later, threaded=True)
    url = args.url or f"http://{args.host}:{server.server_port}"
    later.app = create_app(url)
    print(f"serving the OGC API at {url} (store: {settings().database_url and 'PostGIS' or 'embedded'})")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
