"""Issue 27 in headless Chromium: every control works and every way back exists.

One app for the module over real NTB (52) and Banten (36) boundaries (``view_harness``); the demo
is the same app with ``?data=demo``. Each test is one item of the issue, done as a user does it
(keyboard, mouse, clicks on the map), and checks what the user then sees; screenshots go to
``artifacts/``.
"""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urljoin, urlparse

import pytest

import i18n
from tests.browser.harness import CHROMIUM, click_area, settle, wait_for_areas
from tests.browser.view_harness import (
    ARTIFACTS,
    Console,
    close_dialog,
    legends,
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

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
VILLAGE = "52.03.01.2001"  # Tanjung Luar, Kec. Keruak, Kab. Lombok Timur


@pytest.fixture
def page(chrome, view_app):
    context = chrome.new_context(viewport=DESKTOP, timezone_id="Asia/Jakarta", accept_downloads=True)
    page = context.new_page()
    page.console = Console(page)
    open_url(page, f"{view_app}/?data=store")  # a first visit lets the app register its pages
    yield page
    context.close()


def query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"view-{name}.png"))


def year_slider(page):
    """The from–to year slider of the page (wherever it is drawn), once it is there."""
    slider = page.locator('[data-testid="stSlider"]').filter(has_text=i18n.t("dash.years", "id")).first
    slider.wait_for(timeout=60_000)
    return slider


def slider_values(slider) -> list[str]:
    inputs = slider.locator("input[type=range]")
    return [inputs.nth(i).get_attribute("aria-valuetext") for i in range(inputs.count())]


def choose(page, label: str, option: str) -> None:
    """Choose ``option`` in the selectbox labelled ``label`` (main area first)."""
    box = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').filter(has_text=label).first
    box.scroll_into_view_if_needed()  # a list opened while the page scrolls closes at once
    time.sleep(0.5)
    box.locator("button[aria-haspopup=listbox]").click()
    page.get_by_role("option", name=option, exact=True).first.click()
    wait_idle(page)


# ------------------------------------------------------------------ the year range
@pytest.mark.parametrize("path", ["penempatan", "laporan", "perencanaan"])
def test_the_year_range_moves_by_keyboard_and_mouse_and_stays(page, view_app, path):
    """Moved with the keyboard the range reads 2023–2024 after the rerun (it snapped back to
    2024–2024); dragged with the mouse its end moves; the URL keeps it and reopens it."""
    open_url(page, f"{view_app}/{path}?data=store&area=52")
    wait_idle(page)
    slider = year_slider(page)
    assert slider_values(slider) == ["2024", "2024"]
    slider.locator("input[type=range]").first.focus()
    page.keyboard.press("ArrowLeft")
    wait_idle(page)
    time.sleep(1)
    assert slider_values(year_slider(page)) == ["2023", "2024"]
    assert query(page)["year"] == "2023-2024"
    title = legends(page)[0]
    assert "2023–2024" in title, title
    track = year_slider(page).locator("[data-orientation=horizontal]").nth(1).bounding_box()
    y = track["y"] + track["height"] / 2
    page.mouse.move(track["x"] + track["width"] - 1, y)
    page.mouse.down()
    page.mouse.move(track["x"] + 2, y, steps=8)
    page.mouse.up()
    wait_idle(page)
    time.sleep(1)
    assert slider_values(year_slider(page)) == ["2023", "2023"]
    assert query(page)["year"] == "2023"
    shot(page, f"years-{path}")
    no_error(page)
    again = page.context.new_page()
    open_url(again, page.url)
    wait_idle(again)
    assert slider_values(year_slider(again)) == ["2023", "2023"]


def test_planner_on_lombok_timur_2024_is_no_dead_end(page, view_app):
    """Lombok Timur holds no placement or report in 2024: the planner says so, and still shows
    the area selectors, the year range and the map, so another year is one move away."""
    open_url(page, f"{view_app}/perencanaan?data=store&area=52.03&year=2024")
    wait_idle(page)
    shot(page, "planner-lombok-timur-2024")
    no_error(page)
    assert i18n.t("planner.none", "id") in page.locator('[data-testid="stAlert"]').all_inner_texts()[-1]
    main = page.locator('[data-testid="stMain"]')
    assert main.locator('[data-testid="stSelectbox"]').filter(has_text=i18n.t("level.regency", "id")).count()
    assert wait_for_areas(page) > 0, "no map"
    year_slider(page).locator("input[type=range]").first.focus()
    page.keyboard.press("ArrowLeft")
    wait_idle(page)
    assert query(page)["year"] == "2023-2024"
    assert page.get_by_text(i18n.t("planner.ranked", "id"), exact=True).count() == 1


# ------------------------------------------------------------------ going back up
def test_going_up_clears_the_village_and_regencies_can_be_clicked_again(page, view_app):
    open_url(page, f"{view_app}/?data=store&area=52.03")
    wait_idle(page)
    assert click_area(page, "52.03.01")
    wait_idle(page)
    assert query(page)["area"] == "52.03.01"
    assert click_area(page, VILLAGE)
    wait_idle(page)
    assert query(page)["village"] == VILLAGE
    close_dialog(page)
    shot(page, "up-village-chosen")
    choose(page, i18n.t("level.regency", "id"), i18n.t("common.all", "id"))
    shot(page, "up-to-province")
    assert query(page)["area"] == "52" and "village" not in query(page)
    search = page.locator('[data-testid="stSelectbox"]').filter(has_text=i18n.t("dash.search", "id")).first
    assert "Tanjung Luar" not in search.inner_text()
    assert wait_for_areas(page, exactly=10) == 10  # the ten regencies of NTB, not one village
    zoom = next(z for f in page.frames if (z := f.evaluate("() => window.map ? window.map.getZoom() : 0")))
    assert zoom < 10, zoom  # the province whole, not the village's 500 m
    assert click_area(page, "52.03")  # the regency clicked before can be clicked again
    wait_idle(page)
    assert query(page)["area"] == "52.03"
    page.locator(".st-key-atlas-crumbs").get_by_role("button", name="Nusa Tenggara Barat").click()
    wait_idle(page)
    assert query(page)["area"] == "52"
    assert click_area(page, "52.03")
    wait_idle(page)
    assert query(page)["area"] == "52.03"
    no_error(page)


def test_breadcrumb_names_every_level_and_goes_back_up(page, view_app):
    open_url(page, f"{view_app}/?data=store&area=52.03.01&village={VILLAGE}")
    wait_idle(page)
    close_dialog(page)
    crumbs = page.locator(".st-key-atlas-crumbs")
    text = re.sub(r"\s+", " ", crumbs.inner_text())
    assert text == "Indonesia › Nusa Tenggara Barat › Kabupaten Lombok Timur › Keruak › Tanjung Luar", text
    crumbs.get_by_role("button", name="Keruak").click()  # up from the village to its district
    wait_idle(page)
    assert query(page)["area"] == "52.03.01" and "village" not in query(page)
    page.locator(".st-key-atlas-crumbs").get_by_role("button", name="Indonesia").click()
    wait_idle(page)
    assert "area" not in query(page)
    assert wait_for_areas(page, exactly=2) == 2  # both provinces
    no_error(page)


def test_village_search_works_without_a_province(page, view_app):
    open_url(page, f"{view_app}/penempatan?data=store")
    wait_idle(page)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=i18n.t("dash.search", "id")).first
    box.click()
    box.locator("input").fill("Tanjung Luar")
    option = page.get_by_role("option").filter(has_text="Keruak").first
    assert "Kabupaten Lombok Timur" in option.inner_text()
    option.click()
    wait_idle(page)
    assert query(page)["village"] == VILLAGE
    page.get_by_role("dialog").wait_for(timeout=30_000)
    assert "Tanjung Luar" in page.get_by_role("dialog").inner_text()
    no_error(page)


# ------------------------------------------------------------------ links keep the view
def test_sidebar_links_keep_area_year_and_view(page, view_app):
    open_url(page, f"{view_app}/penempatan?data=store&area=52.03&year=2023-2024&classes=4")
    wait_idle(page)
    link = page.locator(".st-key-atlas-nav a").filter(has_text=i18n.t("page.coverage", "id")).first
    href = link.get_attribute("href")
    linked = parse_qs(urlparse(href).query)
    assert linked["area"] == ["52.03"] and linked["year"] == ["2023-2024"] and linked["classes"] == ["4"], (
        href
    )
    link.click()
    page.wait_for_function("() => location.pathname.endsWith('/cakupan')", timeout=60_000)
    wait_idle(page)
    assert page.locator("h1").first.inner_text() == i18n.t("coverage.title", "id")
    assert "Kabupaten Lombok Timur" in page.locator(".st-key-atlas-crumbs").inner_text()
    assert query(page)["area"] == "52.03"
    assert any("2024" in legend for legend in legends(page))
    copied = page.context.new_page()  # the link copied from the sidebar reopens the view
    open_url(copied, urljoin(view_app + "/", href))
    wait_idle(copied)
    assert "Kabupaten Lombok Timur" in copied.locator(".st-key-atlas-crumbs").inner_text()


def test_every_control_survives_a_reload(page, view_app):
    """A view changed by many controls reads the same after its URL is opened again."""
    open_url(page, f"{view_app}/laporan?data=store&area=36")
    wait_idle(page)
    page.get_by_role("radio", name=i18n.t("reports.measure.per_100", "id")).click()
    wait_idle(page)
    page.locator('[data-testid="stSidebar"]').get_by_text(i18n.t("reports.show_hotspots", "id")).click()
    wait_idle(page)
    before = view_of(page)
    again = page.context.new_page()
    open_url(again, page.url)
    wait_idle(again)
    shot(again, "reloaded")
    assert view_of(again) == before


# ------------------------------------------------------------------ presentation mode
def test_presentation_names_areas_and_its_source_line_is_readable(page, view_app):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_url(page, f"{view_app}/penempatan?data=store&area=52&present=1")
    wait_idle(page)
    time.sleep(1)
    shot(page, "present-1280")
    frame = next(f for f in page.frames if f.locator(".atlas-label").count())
    assert frame.locator(".atlas-label").count() >= 5  # regency names on the map
    source = frame.locator("#atlas-source")
    size = source.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 13, size
    credit = frame.locator(".leaflet-control-attribution").bounding_box()
    line = source.bounding_box()
    assert line["y"] >= credit["y"] + credit["height"] - 1, (line, credit)  # below, not under it
    notes = page.locator('[data-testid="atlas-coverage-note"]').count()
    assert notes >= 1  # this view's layers cover different regencies from year to year
    assert line["y"] + line["height"] <= 720 + 1, (line, notes)  # on the screen under every note
    legend = frame.locator(".atlas-legend").bounding_box()  # above both, covering neither
    assert legend["y"] + legend["height"] <= credit["y"] + 1, (legend, credit)
    assert "Batas" in frame.locator(".leaflet-control-attribution").inner_text()
    no_error(page)


def test_presentation_on_a_phone(page, view_app):
    page.set_viewport_size(PHONE)
    open_url(page, f"{view_app}/penempatan?data=store&area=52&present=1")
    wait_idle(page)
    time.sleep(1)
    shot(page, "present-390")
    strip = page.locator('[data-testid="atlas-strip"]')
    for box in [f.bounding_box() for f in strip.locator(".atlas-fig").all()]:
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, box
    frame = next(f for f in page.frames if f.locator("#atlas-source").count())
    source = frame.locator("#atlas-source").bounding_box()
    area = frame.locator(".leaflet-container").bounding_box()
    assert source["y"] >= area["y"] + area["height"] - 1  # below the map, not over it
    assert source["width"] >= 300  # a line of words, not one word a line
    assert map_drawn(page) > 5


# ------------------------------------------------------------------ a phone
def test_phone_reaches_area_year_and_measure_without_the_sidebar(page, view_app):
    page.set_viewport_size(PHONE)
    open_url(page, f"{view_app}/penempatan?data=store&area=52.03")
    wait_idle(page)
    shot(page, "phone-penempatan")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert not sidebar.is_visible() or sidebar.bounding_box()["x"] < 0  # collapsed
    main = page.locator('[data-testid="stMain"]')
    for label in (i18n.t("level.province", "id"), i18n.t("level.regency", "id")):
        assert main.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.is_visible()
    assert year_slider(page).is_visible()
    assert main.get_by_role("radio", name=i18n.t("measure.share_women", "id")).is_visible()
    year_slider(page).locator("input[type=range]").first.focus()
    page.keyboard.press("ArrowLeft")
    wait_idle(page)
    assert query(page)["year"] == "2023-2024"
    frame = page.locator("iframe").first.bounding_box()
    assert frame["width"] >= PHONE["width"] - 40  # the map over the screen's width


def test_phone_cards_are_compact_above_a_full_width_map(page, view_app):
    page.set_viewport_size(PHONE)
    open_url(page, f"{view_app}/?data=store&area=52.03")
    wait_idle(page)
    shot(page, "phone-ringkasan")
    cards = page.locator(".st-key-atlas-cards [data-testid='stMetric']")
    assert cards.count() == 6
    boxes = [c.bounding_box() for c in cards.all()]
    rows = sorted({round(b["y"]) for b in boxes})
    assert len(rows) == 2, rows  # three a row
    top, bottom = min(b["y"] for b in boxes), max(b["y"] + b["height"] for b in boxes)
    assert bottom - top < 300, (top, bottom)
    frame = page.locator("iframe").first.bounding_box()
    assert frame["y"] > bottom and frame["width"] >= PHONE["width"] - 40


# ------------------------------------------------------------------ smaller things
def test_data_page_shows_no_none_and_local_times(page, view_app):
    open_url(page, f"{view_app}/data?data=store")
    page.get_by_role("tab", name=i18n.t("data.tab.log", "id")).click()
    settle(page)
    table = page.locator('[data-testid="stDataFrame"]:visible').first
    table.wait_for(timeout=30_000)
    shot(page, "data-log")
    text = table.locator("table").first.text_content()  # the grid's own text (its cells are drawn)
    assert "None" not in text and "+00:00" not in text, text
    assert re.search(r"\d{1,2} Desember \d{4}, \d{2}\.\d{2} WIB", text), text


def test_html_lang_is_the_interface_language(page, view_app):
    open_url(page, f"{view_app}/?data=store&lang=id")
    assert page.evaluate("document.documentElement.lang") == "id"
    open_url(page, f"{view_app}/?data=store&lang=en")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_side_by_side_maps_credit_the_boundary_source(page, view_app):
    open_url(page, f"{view_app}/penempatan?data=store&area=52&measure=change")
    wait_idle(page)
    time.sleep(1)
    credits = []
    for frame in page.frames:
        try:
            credits += frame.locator(".leaflet-control-attribution").all_inner_texts()
        except Exception:  # noqa: BLE001  (a detached frame)
            continue
    assert len(credits) >= 3, credits  # the main map and the two side by side
    for credit in credits:
        assert credit.startswith(i18n.t("map.attribution", "id", source="")), credits


def test_planner_legend_writes_the_table_decimals_and_fits(page, view_app):
    open_url(page, f"{view_app}/perencanaan?data=store&area=36.04")
    wait_idle(page)
    frame = next(f for f in page.frames if f.locator(".atlas-legend").count())
    rows = frame.locator(".atlas-legend > div").all_inner_texts()
    numbers = [n for row in rows for n in re.findall(r"\d+(?:[.,]\d+)?", row) if "," in n or "." in n]
    assert numbers and all(re.fullmatch(r"\d+,\d", n) for n in numbers), rows  # one decimal, as the table
    legend = frame.locator(".atlas-legend").bounding_box()
    for row in frame.locator(".atlas-legend > div").all():
        box = row.bounding_box()
        assert box["y"] + box["height"] <= legend["y"] + legend["height"] + 0.5, rows[-1]
        assert box["x"] + box["width"] <= legend["x"] + legend["width"] + 0.5, rows[-1]
    map_box = frame.locator(".leaflet-container").bounding_box()
    assert legend["y"] >= map_box["y"] and legend["y"] + legend["height"] <= map_box["y"] + map_box["height"]


def test_downloads_are_named_in_english_in_english(page, view_app):
    open_url(page, f"{view_app}/perencanaan?data=store&area=36.04&lang=en")
    wait_idle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name=i18n.t("dash.download_csv", "en")).first.click()
    assert download.value.suggested_filename == "village_priority.csv"


def test_no_console_error_when_planner_weights_change(page, view_app):
    page.set_viewport_size(PHONE)
    for url in (f"{view_app}/perencanaan?data=store", f"{view_app}/perencanaan?data=store&area=52.03"):
        page.console.take()
        open_url(page, url)
        wait_idle(page)
        expand = page.locator('[data-testid="stExpandSidebarButton"]')
        if expand.count() and expand.first.is_visible():  # the sidebar is collapsed on a phone
            expand.first.click()
        sliders = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
        for i in range(min(sliders.count(), 4)):
            sliders.nth(i).locator("input[type=range]").first.focus()
            page.keyboard.press("ArrowRight")
            wait_idle(page)
        assert page.console.take() == []


def test_headline_cards_say_which_area(page, view_app):
    open_url(page, f"{view_app}/?data=store&area=52.03&year=2024")
    wait_idle(page)
    cards = page.locator(".st-key-atlas-cards")
    assert "Kabupaten Lombok Timur, Nusa Tenggara Barat · 2024" in cards.inner_text()


def test_seven_classes_on_three_areas_says_so(page, view_app):
    open_url(page, f"{view_app}/?data=demo")
    wait_idle(page)
    slider = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]').filter(
        has_text=i18n.t("dash.classes", "id")
    )
    slider.locator("input[type=range]").first.focus()
    page.keyboard.press("End")
    wait_idle(page)
    note = i18n.t("map.fewer_classes", "id", asked=7, k=3, n=3)
    assert page.get_by_text(note).count() == 1


def test_one_year_trend_is_one_bar_of_that_year(page, view_app):
    open_url(page, f"{view_app}/?data=store&area=36")
    wait_idle(page)
    title = i18n.t("overview.reports_trend", "id")
    chart = page.locator('[data-testid="stPlotlyChart"]').filter(has_text=title).first
    chart.scroll_into_view_if_needed()
    ticks = [t.text_content() for t in chart.locator(".xtick text").all()]
    assert ticks == ["2024"], ticks
    assert chart.locator(".point, .scatterlayer .points path").count() <= 1  # one bar, no line


def test_sector_donut_of_nothing_recorded_is_a_note(page, view_app):
    open_url(page, f"{view_app}/penempatan?data=store&area=36")
    wait_idle(page)
    chart = page.locator('[data-testid="stPlotlyChart"]').filter(has_text=i18n.t("placements.sectors", "id"))
    chart.first.scroll_into_view_if_needed()
    text = chart.first.inner_text()
    assert i18n.t("chart.none_recorded", "id") in text, text
    assert "100" not in text


def test_a_language_switch_relabels_every_control(page, view_app):
    """Found by the random walk (seed 7): after switching to English, selectboxes still showed
    their choice in Indonesian ("Semua", "Demo (data karangan)", "Tanpa peta dasar (luring)")."""
    open_url(page, f"{view_app}/perencanaan?data=demo&area=99")
    wait_idle(page)
    box = (
        page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Bahasa").first
    )
    box.locator("button[aria-haspopup=listbox]").click()
    page.get_by_role("option", name="English").click()
    wait_idle(page)
    shown = {w[1]: w[2] for w in view_of(page)["widgets"] if w[0] == "select"}
    assert shown[i18n.t("level.regency", "en")] == i18n.t("common.all", "en"), shown
    assert shown[i18n.t("app.dataset", "en")] == i18n.t("app.dataset.demo", "en"), shown
    assert shown[i18n.t("map.basemap", "en")] == i18n.t("map.basemap.none", "en"), shown
    again = page.context.new_page()
    open_url(again, page.url)
    wait_idle(again)
    assert view_of(again) == view_of(page)


def test_data_preview_match_table_shows_no_none(page, view_app, tmp_path):
    """An unmatched row's village, district and regency read "–" in the preview, not "None"."""
    csv = tmp_path / "penempatan.csv"
    csv.write_text(
        "Kode Desa,Desa/Kelurahan,Tahun,Jumlah\n52.03.01.2001,Tanjung Luar,2024,7\n,Desa Yang Tidak Ada,2024,3\n",
        encoding="utf-8",
    )
    open_url(page, f"{view_app}/data?data=store")
    page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(str(csv))
    page.get_by_text(i18n.t("data.matches", "id"), exact=True).wait_for(timeout=120_000)
    settle(page)
    shot(page, "data-preview")
    tables = page.locator('[data-testid="stDataFrame"]:visible')
    texts = [tables.nth(i).locator("table").first.text_content() for i in range(tables.count())]
    matches = next(t for t in texts if "Desa Yang Tidak Ada" in t or "–" in t)
    assert all("None" not in t for t in texts), texts
    assert "–" in matches, matches


def test_presentation_keeps_the_classes_of_its_link(page, view_app):
    """Found by the random walk (seed 7): presentation mode took the number of classes from the
    session's slider, so its link (``classes=6``) reopened with five."""
    open_url(page, f"{view_app}/penempatan?data=store&area=52&classes=6&present=1")
    wait_idle(page)
    legend = legends(page)[0]
    entries = legend.split(", 2024", 1)[1].replace(i18n.t("common.no_data", "id"), "")
    classes = re.findall(r"\d[\d.]*(?: – \d[\d.]*)?", entries)  # "0" is a class of its own
    assert len(classes) == 6, legend


# ------------------------------------------------------------------ the journey page (#24)
def test_journey_page_has_the_view_bar_and_its_controls_keep_the_view(page, view_app):
    """Perjalanan PMI joined after the view bar: it shows the breadcrumb, area and year at the
    top like every map page, its own controls (map subject, flow map, number of flows) live in
    the URL, so a reload shows the same view, and its sidebar links carry the view on."""
    open_url(page, f"{view_app}/perjalanan?data=store&area=52.03&year=2023")
    wait_idle(page)
    no_error(page)
    assert "Kabupaten Lombok Timur" in page.locator(".st-key-atlas-crumbs").inner_text()
    bar = page.locator(".st-key-atlas-viewbar")
    year = bar.locator('[data-testid="stSelectbox"]').filter(has_text=i18n.t("dash.year", "id")).first
    assert year.locator("input").input_value() == "2023"
    assert "Kabupaten Lombok Timur" in page.locator(".st-key-atlas-cards").inner_text()
    page.locator(
        '[data-testid="stButtonGroup"] button', has_text=i18n.t("journey.map.broker", "id")
    ).first.click()
    wait_idle(page)
    page.locator(
        '[data-testid="stButtonGroup"] button', has_text=i18n.t("journey.flow_map.problem", "id")
    ).first.click()
    wait_idle(page)
    assert query(page)["subject"] == "broker" and query(page)["flow"] == "problem", page.url
    assert any("2023" in legend for legend in legends(page))
    shot(page, "journey-broker")
    before = view_of(page)
    again = page.context.new_page()
    open_url(again, page.url)
    wait_idle(again)
    assert view_of(again) == before
    link = page.locator(".st-key-atlas-nav a").filter(has_text=i18n.t("page.placements", "id")).first
    linked = parse_qs(urlparse(link.get_attribute("href")).query)
    assert linked["area"] == ["52.03"] and linked["year"] == ["2023"], linked
    assert "subject" not in linked  # the page's own choice stays on its page


def test_journey_page_on_a_phone(page, view_app):
    """On a phone the journey's area and year are at the top, without opening the sidebar."""
    page.set_viewport_size(PHONE)
    open_url(page, f"{view_app}/perjalanan?data=store&area=36")
    wait_idle(page)
    shot(page, "phone-perjalanan")
    no_error(page)
    main = page.locator('[data-testid="stMain"]')
    for label in (i18n.t("level.province", "id"), i18n.t("level.regency", "id"), i18n.t("dash.year", "id")):
        assert main.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.is_visible(), label
    frame = page.locator("iframe").first.bounding_box()
    assert frame["width"] >= PHONE["width"] - 40
