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
    #: Sign-in: "off" (default, the open demo), "local" (user table) or "oidc" (identity provider).
    auth: str = field(default_factory=lambda: (os.environ.get("ATLAS_AUTH") or "off").strip().lower())
    #: Minutes without activity after which a signed-in session has expired.
    session_minutes: int = field(default_factory=lambda: _env_int("ATLAS_SESSION_MINUTES", 480))


def settings() -> Settings:
    """Current settings (re-read each call, so tests can set the environment)."""
    return Settings()
