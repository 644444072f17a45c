"""Katalog Data / Data catalogue: every layer and every figure with its metadata (Satu Data MS-Ind)
and what the store holds of it, as the user may see it; the same document as JSON and XLSX."""

import json

import streamlit as st

import ui
from exports.files import catalogue_sheet
from exports.sheets import xlsx_bytes
from geo import catalogue
from geo.catalogue import ELEMENTS
from geo.codes import Level
from ui import Keys, auth, md_text, t
from ui.catalogue import catalogue_of, page_as_of
from ui.reads import area_names

ui.demo_banner()
st.title(t("catalogue.title"))
st.caption(t("catalogue.intro"))
page_as_of("catalogue")

lang = ui.lang()
document = catalogue_of(lang)
labels = {element["key"]: element["label"] for element in document["elements"]}
provinces = area_names(Level.PROVINCE)


def details(entry: dict) -> None:
    """Every written element of one entry, one line each (texts escaped: shown as written)."""
    lines = [
        f"- **{md_text(labels[key])}**: {md_text(entry['metadata'][key])}"
        for key in ELEMENTS
        if key in entry["metadata"] and key != "name"
    ]
    st.markdown("\n".join(lines))


files = st.container(horizontal=True)
text = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
files.download_button(
    t("catalogue.download.json"),
    text,
    f"atlas-pmi_katalog_{lang}.json",
    "application/json",
    icon=":material/download:",
    key=Keys.CATALOGUE_JSON,
    on_click=auth.record_download,
    args=(f"atlas-pmi_katalog_{lang}.json", text),
)
book = xlsx_bytes([catalogue_sheet(document)], lang)
files.download_button(
    t("catalogue.download.xlsx"),
    book,
    f"atlas-pmi_katalog_{lang}.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
    key=Keys.CATALOGUE_XLSX,
    on_click=auth.record_download,
    args=(f"atlas-pmi_katalog_{lang}.xlsx", book),
)

for section, kind in (("catalogue.layers", "layers"), ("catalogue.figures", "figures")):
    st.subheader(t(section))
    entries = document[kind]
    st.dataframe(catalogue.summary_table(document, kind, provinces), hide_index=True, width="stretch")
    for entry in entries:
        with st.expander(entry["metadata"]["name"]):
            details(entry)
