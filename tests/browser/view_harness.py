"""What the view tests (issue 27) and the random-click test share: their store, and how they read
a page in headless Chromium (errors, the console, the view a URL shows, English in Indonesian).

The store holds the real boundaries of Nusa Tenggara Barat (52) and Banten (36), read in place
from ``../shared/data`` and imported as the app imports a boundary file, with the generated
layers of ``tests/export_data.py`` (2023 and 2024), shaped to show three cases the issue met:

* Kabupaten Lombok Timur (52.03) has no placement and no report in 2024 (the planner's dead end);
* Banten's placements record no sector (a donut of nothing but "not recorded");
* Banten's reports hold 2024 only (a trend of one year).

Returns (the journey page) are drawn from the placements: about one in four workers of a
village-year comes home, for a reason, a problem and a route that follow the row.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

import i18n
from geo.layers import LAYERS, RETURN_PROBLEMS, RETURN_REASONS, ROUTES
from tests.browser.harness import drawn_areas, settle

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
PROVINCES = ("36", "52")
LOMBOK_TIMUR = "52.03"

#: Pages with a map, by url path (the title's translation key).
MAP_PAGES = {
    "": "overview.title",
    "penempatan": "placements.title",
    "cakupan": "coverage.title",
    "usaha-purna": "enterprises.title",
    "laporan": "reports.title",
    "perencanaan": "planner.title",
    "perjalanan": "journey.title",
    "peta": "map.title",
}


def build_view_store(root: Path, shared_data: Path):
    """The store of this module's docstring at ``root`` (built once per test session)."""
    from export_data import build_national_store

    store = build_national_store(root, shared_data, provinces=PROVINCES)
    placements = store.read_layer("placements").drop(columns="version")
    reports = store.read_layer("reports").drop(columns="version")
    lombok = placements["village"].str.startswith(LOMBOK_TIMUR + ".") & (placements["year"] == 2024)
    placements = placements[~lombok].copy()
    placements["sector"] = placements["sector"].where(~placements["village"].str.startswith("36."))
    reports = reports[
        ~(reports["village"].str.startswith(LOMBOK_TIMUR + ".") & (reports["year"] == 2024))
        & ~(reports["village"].str.startswith("36.") & (reports["year"] != 2024))
    ]
    for name, frame in (
        ("placements", placements),
        ("reports", reports),
        ("returns", returns_of(placements)),
    ):
        store.write_layer_version(
            name,
            frame.reset_index(drop=True),
            {"source": f"{name}-test.xlsx", "rows": len(frame)},
            replace=True,
        )
    return store


def returns_of(placements: pd.DataFrame, seed: int = 24) -> pd.DataFrame:
    """Returns over ``placements``: a quarter of each row's workers (at least one in two rows),
    back from the row's destination with a reason, a problem for the problem cases, a route."""
    rng = np.random.default_rng(seed)
    rows = placements[rng.random(len(placements)) < 0.5].reset_index(drop=True)
    reason = rng.choice(RETURN_REASONS, size=len(rows))
    frame = pd.DataFrame(
        {
            "village": rows["village"],
            "year": rows["year"],
            "gender": rows["gender"],
            "country": rows["destination"],
            "reason": reason,
            "problem": np.where(reason == "PROBLEM", rng.choice(RETURN_PROBLEMS, size=len(rows)), None),
            "route": rng.choice(ROUTES, size=len(rows), p=[0.8, 0.2]),
            "entry_point": "Soekarno-Hatta",
            "persons": np.maximum(rows["count"].to_numpy() // 4, 1),
        }
    )
    columns = LAYERS["returns"].columns
    frame = frame.groupby(["village", "year", "gender", "country", "reason", "problem", "route", "entry_point"],
                          dropna=False, as_index=False)["persons"].sum()  # fmt: skip
    return pd.DataFrame({c: frame[c] if c in frame else pd.NA for c in columns}).astype(columns)


# ---------------------------------------------------------------------- reading a page
class Console:
    """Errors a page wrote to the browser's console or raised, from every frame.

    Streamlit's frontend first asks for ``/<page>/_stcore/health`` and ``host-config`` (its base
    path probe) and gets a 404 for each before asking ``/_stcore/...``: those two are Streamlit's
    own and are not counted.
    """

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.errors.append(f"page error: {err}"))

    def _console(self, message) -> None:
        if message.type != "error":
            return
        where = str((message.location or {}).get("url", ""))
        if re.search(r"/_stcore/(health|host-config)$", where):
            return
        self.errors.append(f"{message.text} @ {where}")

    def take(self) -> list[str]:
        out, self.errors = self.errors, []
        return out


def no_error(page) -> None:
    """No Streamlit exception, no error box, no traceback on the page."""
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]'
    ).first.inner_text()
    errors = page.locator('[data-testid="stAlertContentError"]')
    assert errors.count() == 0, errors.first.inner_text()
    assert "Traceback" not in page.locator("body").inner_text()


def open_url(page, url: str, timeout: float = 180, selector: str = "h1, [data-testid='atlas-strip']") -> None:
    page.goto(url, timeout=timeout * 1000)
    page.wait_for_selector(selector, timeout=timeout * 1000)
    settle(page, timeout)


def wait_idle(page, timeout: float = 90, *, with_map: bool = True) -> None:
    """The script run finished and (``with_map``) the page's map drawn, or given up after
    ``timeout`` seconds (a test then finds no map)."""
    settle(page, timeout)
    start = time.monotonic()
    while with_map and time.monotonic() < start + timeout and not map_drawn(page):
        time.sleep(0.2)
    settle(page, timeout)


def national_drawn(page) -> int:
    for frame in page.frames:
        try:
            state = frame.evaluate("() => window.atlasNational ? window.atlasNational.state : null")
        except Exception:  # noqa: BLE001  (a frame still loading or detached)
            continue
        if state and state.get("ready"):
            return int(state.get("drawn") or 0)
    return 0


def map_drawn(page) -> int:
    """Areas drawn on the page's maps (province maps, presentation map, or the national view)."""
    return drawn_areas(page) or national_drawn(page)


def close_dialog(page) -> None:
    """Close the village panel when it is open (as a user would, with its button)."""
    dialog = page.get_by_role("dialog")
    if dialog.count() and dialog.first.is_visible():
        dialog.first.locator('[data-testid="stBaseButton-secondary"]').last.click()
        dialog.first.wait_for(state="hidden", timeout=30_000)
        settle(page)


#: The view a page shows, read from the page (what a reload of its URL must show again).
VIEW_JS = """() => {
  const text = e => (e ? e.innerText.replace(/\\s+/g, ' ').trim() : '');
  const out = {};
  const h1 = document.querySelector('h1, .atlas-present-title');
  out.title = text(h1);
  const crumbs = document.querySelector('.st-key-atlas-crumbs');
  out.crumbs = text(crumbs);
  const widgets = [];
  document.querySelectorAll('[data-testid="stSelectbox"]').forEach(e => {
    const input = e.querySelector('input');
    widgets.push(['select', text(e.querySelector('label')), input ? input.value : '']);
  });
  document.querySelectorAll('[data-testid="stSlider"]').forEach(e => {
    widgets.push(['slider', text(e.querySelector('label')),
      Array.from(e.querySelectorAll('input[type=range]')).map(i => i.getAttribute('aria-valuetext')).join('–')]);
  });
  document.querySelectorAll('[data-testid="stCheckbox"], [data-testid="stToggle"]').forEach(e => {
    const input = e.querySelector('input');
    widgets.push(['check', text(e), input ? String(input.checked) : '']);
  });
  document.querySelectorAll('[data-testid="stRadio"]').forEach(e => {
    const on = e.querySelector('input:checked');
    widgets.push(['radio', text(e.querySelector('label')), on ? text(on.closest('label')) : '']);
  });
  document.querySelectorAll('[data-testid="stButtonGroup"]').forEach(e => {
    widgets.push(['buttons', text(e.closest('[data-testid="stElementContainer"]').querySelector('label')),
      Array.from(e.querySelectorAll('button[aria-checked="true"], button[kind$="Active"]')).map(text).join('|')]);
  });
  document.querySelectorAll('[data-testid="stMultiSelect"]').forEach(e => {
    widgets.push(['multi', text(e.querySelector('label')),
      Array.from(e.querySelectorAll('[data-baseweb="tag"]')).map(text).join('|')]);
  });
  out.widgets = widgets;
  return out;
}"""

#: The first map legend of the page (its title and rows), from whichever frame draws it.
LEGEND_JS = """() => {
  const box = document.querySelector('.atlas-legend');
  return box ? box.innerText.replace(/\\s+/g, ' ').trim() : null;
}"""


def legends(page) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            text = frame.evaluate(LEGEND_JS)
        except Exception:  # noqa: BLE001  (a frame still loading or detached)
            continue
        if text:
            found.append(text)
    return sorted(found)


def view_of(page) -> dict:
    """The view of ``page``: its title, breadcrumb, every control's value, the maps' legends and
    the number of areas drawn."""
    view = page.evaluate(VIEW_JS)
    view["legends"] = legends(page)
    view["areas"] = map_drawn(page)
    return view


# ---------------------------------------------------------------------- English in Indonesian
def english_phrases() -> set[str]:
    """Phrases of the English translations that no Indonesian text shares: the fixed parts of
    every English text (placeholders cut out) of two words or more, lower case."""
    # the Indonesian texts as words, the way the page's text is read (a phrase of "MRC/BP PIPA"
    # is "mrc bp pipa" on both sides)
    indonesian = " ".join(re.findall(r"[A-Za-z][A-Za-z_'-]+", " ".join(e["id"] for e in i18n.TABLE.values())))
    indonesian = indonesian.lower()
    phrases = set()
    for entry in i18n.TABLE.values():
        english = entry["en"]
        if english == entry["id"]:
            continue
        for part in re.split(r"\{\w+\}|[.:;()·—–,!?\n]", english):
            words = re.findall(r"[A-Za-z][A-Za-z_'-]+", part)
            if len(words) >= 2:
                phrase = " ".join(words).lower()
                if phrase not in indonesian:
                    phrases.add(phrase)
    return phrases


#: The visible text of a page and its frames, icon ligatures left out (Material icons are words).
TEXT_JS = """() => {
  const skip = Array.from(document.querySelectorAll('[data-testid="stIconMaterial"], .material-icons, .material-symbols-rounded'));
  const kept = skip.map(e => [e, e.textContent]);
  kept.forEach(([e]) => { e.textContent = ''; });
  const text = document.body ? document.body.innerText : '';
  kept.forEach(([e, t]) => { e.textContent = t; });
  return text;
}"""


def english_in(page, phrases: set[str]) -> list[str]:
    """The English phrases of ``phrases`` the page shows (its text and its frames' text)."""
    texts = []
    for frame in page.frames:
        try:
            texts.append(frame.evaluate(TEXT_JS) or "")
        except Exception:  # noqa: BLE001  (a frame still loading or detached)
            continue
    text = " ".join(re.findall(r"[A-Za-z][A-Za-z_'-]+", " ".join(texts))).lower()
    return sorted(p for p in phrases if re.search(r"\b" + re.escape(p) + r"\b", text))
