"""Streamlit glue of the journey page (views/journey.py): the home-again table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import i18n
from geo import journey
from geo.codes import Level
from ui import Keys, lang, t
from ui.dashboard import area_names, download_table

__all__ = ["home_again"]


def home_again(layers: dict[str, pd.DataFrame], area: str | None, years: tuple[int, int]) -> None:
    """The villages with the most returnees and no enterprise or programme, named, with the
    download button; says why when the lists it needs are not loaded."""
    missing = [name for name in ("returns", "enterprises", "programmes") if name not in layers]
    if missing:
        st.info(
            t("journey.home.missing", layers=", ".join(t(f"layer.{name}") for name in missing)),
            icon=":material/block:",
        )
        return
    table = journey.home_again_table(
        layers["returns"], layers["programmes"], layers["enterprises"], years=years, area=area
    )
    if table.empty:
        st.caption(t("journey.home.none"))
        return
    names = area_names(Level.VILLAGE, area)
    districts = area_names(Level.DISTRICT, area[:5] if area else None)
    code = lang()
    shown = pd.DataFrame(
        {
            t("dash.village"): table["code"].map(lambda c: names.get(c, c)),
            t("level.district"): table["code"].str.slice(0, 8).map(lambda c: districts.get(c, c)),
            t("figure.returnees_without_support"): table["unsupported"].map(lambda v: i18n.fmt_int(v, code)),
            t("figure.returns"): table["returned"].map(lambda v: i18n.fmt_int(v, code)),
            t("common.code"): table["code"],
        }
    )
    st.caption(t("journey.home.caption"))
    st.dataframe(shown, hide_index=True, width="stretch")
    download_table(shown, "pulang_tanpa_usaha_program.csv", Keys.JOURNEY_CSV)
