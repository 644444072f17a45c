"""Settings read once from environment variables (one frozen dataclass)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "data" / "demo"
DEFAULT_STORE_DIR = ROOT / "data" / "store"
DEFAULT_CACHE_DIR = ROOT / "data" / "cache"
ARCHIVE_URL = "https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/main"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as err:
        raise ValueError(f"environment variable {name} must be a whole number, got {raw!r}") from err


def _env_number(name: str, default: float) -> float:
    """A number of minutes or seconds (``0.1`` allowed, so tests need not wait long)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as err:
        raise ValueError(f"environment variable {name} must be a number, got {raw!r}") from err
    if not value >= 0:
        raise ValueError(f"environment variable {name} must be zero or more, got {raw!r}")
    return int(value) if value.is_integer() else value


def _auth_default() -> str:
    """``ATLAS_AUTH`` as set; unset, sign-in is on (``local``) when the store is a shared database."""
    raw = (os.environ.get("ATLAS_AUTH") or "").strip().lower()
    if raw:
        return raw
    return "local" if (os.environ.get("ATLAS_DATABASE_URL") or "").strip() else "off"


@dataclass(frozen=True)
class Settings:
    """Where data lives and how exports behave; each field has an ``ATLAS_*`` variable."""

    data_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("ATLAS_DATA_DIR") or DEFAULT_STORE_DIR)
    )
    cache_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("ATLAS_CACHE_DIR") or DEFAULT_CACHE_DIR)
    )
    archive_url: str = field(default_factory=lambda: os.environ.get("ATLAS_ARCHIVE_URL") or ARCHIVE_URL)
    #: Counts from 1 to threshold-1 are hidden ("<5") in presentation mode and exports.
    small_count_threshold: int = field(default_factory=lambda: _env_int("ATLAS_SMALL_COUNT_THRESHOLD", 5))
    #: Default language of the interface: "id" (Bahasa Indonesia) or "en".
    language: str = field(default_factory=lambda: os.environ.get("ATLAS_LANGUAGE", "id"))
    #: Sign-in: "off" (the open demo), "local" (user table) or "oidc" (identity provider). Unset:
    #: "off" on the embedded store, "local" with ``ATLAS_DATABASE_URL`` (a shared database is
    #: never open to anyone unless ``ATLAS_AUTH=off`` says so, and then every page says it).
    auth: str = field(default_factory=_auth_default)
    #: Minutes without activity after which a signed-in session has expired.
    session_minutes: float = field(default_factory=lambda: _env_number("ATLAS_SESSION_MINUTES", 480))
    #: Delay after the second failed sign-in of an account or client, doubled at each further one.
    signin_delay_seconds: float = field(default_factory=lambda: _env_number("ATLAS_SIGNIN_DELAY_SECONDS", 1))
    #: Failed sign-ins of one account after which it is locked (for ``signin_lock_seconds``).
    signin_lock_after: int = field(default_factory=lambda: _env_int("ATLAS_SIGNIN_LOCK_AFTER", 5))
    #: Failed sign-ins from one client (any account names) after which the client is locked.
    signin_client_lock_after: int = field(
        default_factory=lambda: _env_int("ATLAS_SIGNIN_CLIENT_LOCK_AFTER", 20)
    )
    #: How long a lock lasts; failures older than this are forgotten.
    signin_lock_seconds: float = field(default_factory=lambda: _env_number("ATLAS_SIGNIN_LOCK_SECONDS", 900))
    #: Header naming the client's address when a reverse proxy sits in front (e.g. ``X-Real-IP``,
    #: which the proxy must set itself); unset: the connection's remote address.
    signin_client_header: str | None = field(
        default_factory=lambda: (os.environ.get("ATLAS_SIGNIN_CLIENT_HEADER") or "").strip() or None
    )
    #: ``postgresql://user:password@host:port/db``: the store lives in that PostGIS database
    #: instead of ``data_dir`` (unset: the embedded GeoParquet store).
    database_url: str | None = field(
        default_factory=lambda: os.environ.get("ATLAS_DATABASE_URL", "").strip() or None
    )


def settings() -> Settings:
    """Current settings (re-read each call, so tests can set the environment)."""
    return Settings()
