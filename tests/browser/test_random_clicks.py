"""A seeded random walk through the atlas in headless Chromium, bounded in steps and time.

On the demo and on a store of real boundaries (NTB and Banten, ``view_harness``), a user who
clicks at random: page links, selectors, sliders (keyboard), segmented controls, switches, radio
buttons, map clicks, the breadcrumb, the village search, the language, presentation mode. After
every step:

* no Streamlit exception and no error box; no error in the browser's console;
* the map drawn;
* in Indonesian, no English phrase of the translation table on the page;
* the page's URL, opened again in a new tab (a new session), shows the same view (title,
  breadcrumb, every control's value, the legends, the areas drawn).

CI runs a short walk (``ATLAS_RANDOM_STEPS``, default 8 steps per dataset, and at most
``ATLAS_RANDOM_SECONDS``, default 40 s each); a longer one: ``ATLAS_RANDOM_STEPS=300
ATLAS_RANDOM_SECONDS=3600 ATLAS_RANDOM_SEED=7 pytest tests/browser/test_random_clicks.py``. A
failure names the seed and the steps taken, so the walk can be replayed; each failure found
became a test of its own in ``test_view_controls.py``.
"""

from __future__ import annotations

import os
import random
import time
from urllib.parse import urlparse

import pytest

import i18n
from tests.browser.harness import CHROMIUM, click_area, settle
from tests.browser.view_harness import (
    ARTIFACTS,
    MAP_PAGES,
    Console,
    close_dialog,
    english_in,
    english_phrases,
    map_drawn,
    no_error,
    open_url,
    view_of,
    wait_idle,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]

SEED = int(os.environ.get("ATLAS_RANDOM_SEED", "27"))
STEPS = int(os.environ.get("ATLAS_RANDOM_STEPS", "8"))
SECONDS = float(os.environ.get("ATLAS_RANDOM_SECONDS", "40"))
#: Drawn-area codes a map click may pick (from every frame's map), at most this many.
#: (only areas whose centre is in view, away from the map's edges, as a user would click).
AREA_CODES_JS = """() => {
  const m = window.map;
  if (!m || !m._layers) return [];
  const size = m.getSize();
  return Object.values(m._layers).filter(l => l.feature && l.feature.properties && l.feature.properties.code)
    .filter(l => { const p = m.latLngToContainerPoint(l.getCenter());
                   return p.x > 60 && p.y > 40 && p.x < size.x - 60 && p.y < size.y - 40; })
    .map(l => l.feature.properties.code).slice(0, 400);
}"""


def differences(before: dict, after: dict) -> list:
    """What differs between two views (:func:`view_of`), entry by entry."""
    out = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if key == "widgets":
            out += [("widget", x, y) for x, y in zip(a or [], b or [], strict=False) if x != y]
            if len(a or []) != len(b or []):
                out.append(("widgets", len(a or []), len(b or [])))
        elif a != b:
            out.append((key, a, b))
    return out


class Walk:
    """One random walk: the page, the seeded choices, and what was done (for the report)."""

    def __init__(self, page, url: str, rng: random.Random):
        self.page, self.url, self.rng = page, url, rng
        self.done: list[str] = []

    # ------------------------------------------------------------------ actions
    def visible(self, selector: str, within: str = "") -> list:
        found = self.page.locator(f"{within} {selector}".strip())
        return [found.nth(i) for i in range(found.count()) if found.nth(i).is_visible()]

    def page_link(self) -> str | None:
        links = [
            a
            for a in self.visible('[data-testid="stSidebar"] a')
            if urlparse(a.get_attribute("href") or "").path.strip("/") in MAP_PAGES
        ]
        if not links:
            return None
        link = self.rng.choice(links)
        text = link.inner_text().strip()
        link.click()
        return f"page link {text!r}"

    #: Selectboxes the walk leaves alone: the dataset (each walk keeps its own) and the basemap
    #: (every choice but "none" needs the internet, which the tests never reach).
    LEFT_ALONE = ("app.dataset", "map.basemap")

    def selectbox(self) -> str | None:
        skip = {i18n.t(key, lang) for key in self.LEFT_ALONE for lang in i18n.LANGUAGES}
        boxes = [
            b
            for b in self.visible('[data-testid="stSelectbox"]')
            if not b.locator("input[disabled]").count()
            and b.locator("label").inner_text().strip() not in skip
        ]
        if not boxes:
            return None
        box = self.rng.choice(boxes)
        label = box.locator("label").inner_text().strip()
        box.scroll_into_view_if_needed()  # a list opened while the page scrolls closes at once
        time.sleep(0.3)
        box.locator("button[aria-haspopup=listbox]").click()
        options = self.page.get_by_role("option")
        try:
            options.first.wait_for(timeout=5_000)
        except Exception:  # noqa: BLE001  (a text field: the search over many villages)
            self.page.keyboard.press("Escape")
            return None
        count = min(options.count(), 30)
        choice = options.nth(self.rng.randrange(count))
        text = choice.inner_text().strip()
        choice.click()
        return f"select {label!r} = {text!r}"

    def slider(self) -> str | None:
        sliders = [
            s for s in self.visible('[data-testid="stSlider"]') if not s.locator("input[disabled]").count()
        ]
        if not sliders:
            return None
        slider = self.rng.choice(sliders)
        thumbs = slider.locator("input[type=range]")
        thumb = thumbs.nth(self.rng.randrange(thumbs.count()))
        key = self.rng.choice(["ArrowLeft", "ArrowRight", "Home", "End", "ArrowLeft"])
        thumb.focus()
        self.page.keyboard.press(key)
        return f"slider {slider.locator('label').inner_text().strip()!r} {key}"

    def buttons(self) -> str | None:
        groups = self.visible('[data-testid="stButtonGroup"] button')
        if not groups:
            return None
        button = self.rng.choice(groups)
        text = button.inner_text().strip()
        button.click()
        return f"segment {text!r}"

    def switch(self) -> str | None:
        switches = [
            s
            for s in self.visible('[data-testid="stCheckbox"], [data-testid="stToggle"]')
            if not s.locator("input[disabled]").count()
        ]
        if not switches:
            return None
        switch = self.rng.choice(switches)
        text = switch.inner_text().strip()
        switch.locator("label").first.click()
        return f"switch {text!r}"

    def radio(self) -> str | None:
        options = [
            o
            for o in self.visible('[data-testid="stRadio"] label')
            if not o.locator("input[disabled]").count()
        ]
        options = [o for o in options if o.locator("input").count()]
        if not options:
            return None
        option = self.rng.choice(options)
        text = option.inner_text().strip()
        option.click()
        return f"radio {text!r}"

    def map_click(self) -> str | None:
        codes: list[str] = []
        for frame in self.page.frames:
            try:
                codes += frame.evaluate(AREA_CODES_JS) or []
            except Exception:  # noqa: BLE001  (a frame still loading or detached)
                continue
        if not codes:
            return None
        code = self.rng.choice(codes)
        return f"map click {code}" if click_area(self.page, code) else None

    def crumb(self) -> str | None:
        crumbs = self.visible(".st-key-atlas-crumbs button")
        if not crumbs:
            return None
        crumb = self.rng.choice(crumbs)
        text = crumb.inner_text().strip()
        crumb.click()
        return f"breadcrumb {text!r}"

    def search(self) -> str | None:
        boxes = [
            b
            for b in self.visible('[data-testid="stSelectbox"]')
            if (
                i18n.t("dash.search", "id") in b.inner_text() or i18n.t("dash.search", "en") in b.inner_text()
            )
            and not b.locator("input[disabled]").count()
        ]
        if not boxes:
            return None
        box = boxes[0]
        box.locator("input").click()
        letters = self.rng.choice(["an", "ja", "su", "ka", "ma", "ra", "wa", "ba"])
        box.locator("input").fill(letters)
        options = self.page.get_by_role("option")
        try:
            options.first.wait_for(timeout=5_000)
        except Exception:  # noqa: BLE001  (nothing found for those letters)
            self.page.keyboard.press("Escape")
            return None
        choice = options.nth(self.rng.randrange(min(options.count(), 10)))
        text = choice.inner_text().strip()
        choice.click()
        return f"search {letters!r} -> {text!r}"

    def language(self) -> str | None:
        boxes = self.visible('[data-testid="stSidebar"] [data-testid="stSelectbox"]')
        box = next((b for b in boxes if "Bahasa" in b.inner_text() or "Language" in b.inner_text()), None)
        if box is None:
            return None
        current = box.locator("input").input_value()
        box.scroll_into_view_if_needed()  # a list opened while the sidebar scrolls closes at once
        time.sleep(0.3)
        box.locator("button[aria-haspopup=listbox]").click()
        target = "English" if "Indonesia" in current else "Bahasa Indonesia"
        self.page.get_by_role("option", name=target).click()
        return f"language {target}"

    def presentation(self) -> str | None:
        exit_button = self.page.get_by_role("button", name=i18n.t("export.present.exit", "id"))
        if not exit_button.count():
            exit_button = self.page.get_by_role("button", name=i18n.t("export.present.exit", "en"))
        if exit_button.count():
            exit_button.first.click()
            return "leave presentation"
        for lang in ("id", "en"):
            switch = self.page.locator('[data-testid="stSidebar"]').get_by_text(
                i18n.t("export.present.switch", lang)
            )
            if switch.count() and switch.first.is_visible():
                switch.first.click()
                return "presentation on"
        return None

    ACTIONS = (
        ("page_link", 3),
        ("selectbox", 5),
        ("slider", 4),
        ("buttons", 2),
        ("switch", 2),
        ("radio", 1),
        ("map_click", 4),
        ("crumb", 2),
        ("search", 2),
        ("language", 1),
        ("presentation", 1),
    )

    def step(self) -> str:
        """One random action the page offers (closing the village panel first, as a user would)."""
        close_dialog(self.page)
        names = [name for name, weight in self.ACTIONS for _ in range(weight)]
        for _ in range(12):
            done = getattr(self, self.rng.choice(names))()
            if done:
                self.done.append(done)
                return done
        return "nothing to do"

    # ------------------------------------------------------------------ checks
    def check(self, console: Console, phrases: set[str]) -> None:
        page = self.page
        wait_idle(page)
        where = f"seed {SEED}, after {self.done}"
        no_error(page)
        errors = console.take()
        assert errors == [], f"console errors {errors} ({where})"
        assert map_drawn(page) > 0, f"no map drawn at {page.url} ({where})"
        if page.evaluate("document.documentElement.lang") == "id":
            found = english_in(page, phrases)
            assert not found, f"English in the Indonesian interface: {found} at {page.url} ({where})"
        before = view_of(page)
        again = page.context.new_page()
        try:
            open_url(again, page.url)
            wait_idle(again)
            close_dialog(again)
            after = view_of(again)
        finally:
            again.close()
        assert after == before, (
            f"reloading {page.url} shows another view: {differences(before, after)} ({where})"
        )


@pytest.mark.parametrize(
    ("dataset", "first"),
    [("demo", None), ("store", None), ("store", "perjalanan")],  # the journey page each run too
)
def test_random_walk(chrome, view_app, dataset, first):
    rng = random.Random(f"{SEED}:{dataset}" + (f":{first}" if first else ""))
    context = chrome.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    console = Console(page)
    phrases = english_phrases()
    start = first if first is not None else rng.choice([p for p in MAP_PAGES])
    open_url(page, f"{view_app}/?data={dataset}")
    open_url(page, f"{view_app}/{start}?data={dataset}")
    walk = Walk(page, view_app, rng)
    walk.check(console, phrases)
    deadline = time.monotonic() + SECONDS
    steps = 0
    try:
        while steps < STEPS and time.monotonic() < deadline:
            walk.step()
            settle(page)
            walk.check(console, phrases)
            steps += 1
    except AssertionError:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"random-{dataset}-{first or 'any'}-{SEED}-failed.png"))
        raise
    finally:
        print(f"random walk on {dataset} from {start}, seed {SEED}: {steps} steps clean: {walk.done}")
        context.close()
    assert steps >= 1


def test_english_phrases_leave_out_what_indonesian_writes_alike():
    """Found by the walk (seed 27, Cakupan on the demo): "MRC / BP PIPA", a programme's name in
    Indonesian, was taken for the English phrase "mrc bp pipa" of a message that writes it
    "MRC/BP PIPA"; English of the table is still found."""
    phrases = english_phrases()
    assert "mrc bp pipa" not in phrases
    assert "the journey" in phrases  # page.journey in English, "Perjalanan PMI" in Indonesian
