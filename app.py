"""Atlas PMI entry point: page frame, navigation, language and dataset pickers. Nothing else."""

from pathlib import Path

import streamlit as st

import i18n
import ui
from loaders.store import FormatError
from ui import Keys, auth, controls, t

HERE = Path(__file__).parent

# The favicon is the app's own file: a material icon name would be fetched from a public font host.
st.set_page_config(
    page_title="Atlas PMI", page_icon=str(HERE / "static" / "icons" / "favicon.png"), layout="wide"
)
ui.compact_frame()

# Shareable language: ?lang=en opens the English interface.
if Keys.LANG not in st.session_state:
    st.session_state[Keys.LANG] = st.query_params.get("lang", ui.lang())
try:
    if Keys.DATASET not in st.session_state:
        st.session_state[Keys.DATASET] = st.query_params.get("data", ui.default_dataset())
except FormatError as err:  # a store of another release that cannot be opened: why, and the command
    st.error(err.message(ui.lang()))
    st.stop()

# (file, translation key of the title, icon, url path); the first is the default page.
PAGES = [
    ("views/overview.py", "page.overview", ":material/dashboard:", ""),
    ("views/placements.py", "page.placements", ":material/flight_takeoff:", "penempatan"),
    ("views/coverage.py", "page.coverage", ":material/diversity_3:", "cakupan"),
    ("views/enterprises.py", "page.enterprises", ":material/storefront:", "usaha-purna"),
    ("views/reports.py", "page.reports", ":material/report:", "laporan"),
    ("views/journey.py", "page.journey", ":material/route:", "perjalanan"),
    ("views/planner.py", "page.planner", ":material/checklist:", "perencanaan"),
    ("views/export.py", "page.export", ":material/ios_share:", "ekspor"),
    ("views/data.py", "page.data", ":material/upload_file:", "data"),
    ("views/map.py", "page.map", ":material/map:", "peta"),
    ("views/catalogue.py", "page.catalogue", ":material/menu_book:", "katalog"),
]

pages = [
    st.Page(HERE / path, title=t(title), icon=icon, url_path=url, default=(i == 0))
    for i, (path, title, icon, url) in enumerate(PAGES)
]
current = auth.gate(pages)  # sign-in first when ATLAS_AUTH is on; the pages the role may open
ui.html_lang()
ui.page_links(pages)  # links that keep the view (area, year, ...) in their URL

with st.sidebar:
    st.selectbox(
        t("app.language"),
        i18n.LANGUAGES,
        key=Keys.LANG,
        format_func=lambda code: {"id": "Bahasa Indonesia", "en": "English"}[code],
        on_change=auth.guarded(ui.keep_language_in_url),
    )
    controls.view_widget(
        st.selectbox,
        f"{Keys.DATASET}.choice",
        ui.dataset(),
        on_change=auth.guarded(ui.choose_dataset),
        default="index",
        options=list(ui.DATASETS),
        label=t("app.dataset"),
        format_func=lambda name: t(f"app.dataset.{name}"),
    )

try:
    current.run()
except FormatError as err:
    st.error(err.message(ui.lang()))

st.caption(t("app.attribution"))
