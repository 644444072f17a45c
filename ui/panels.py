"""The village panel: everything the layers hold about the clicked village, as small tables."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

import i18n
from geo.data_coverage import coverage_of, layer_level
from geo.journey import village_returns
from geo.journey_charts import reason_label
from geo.metrics import village_profile
from ui import lang, md_text, t

#: Panel sections in display order: (profile key, layer it comes from, title key, column labels).
SECTIONS = (
    (
        "placements",
        "placements",
        "panel.placements",
        {"year": "common.year", "count": "dash.count", "women": "panel.women"},
    ),
    (
        "destinations",
        "placements",
        "panel.destinations",
        {"destination": "dash.destination", "count": "dash.count"},
    ),
    (
        "programmes",
        "programmes",
        "panel.programmes",
        {
            "programme": "panel.type",
            "start_year": "panel.start_year",
            "members": "dash.members",
            "active": "panel.active",
        },
    ),
    (
        "enterprises",
        "enterprises",
        "panel.enterprises",
        {
            "enterprise_type": "panel.type",
            "start_year": "panel.start_year",
            "members": "dash.members",
            "kur_credit": "enterprises.kur",
            "cooperative": "panel.cooperative",
            "count": "dash.count",
        },
    ),
    (
        "reports",
        "reports",
        "panel.reports",
        {"year": "common.year", "count": "dash.count", "persons": "panel.persons"},
    ),
    ("channels", "reports", "panel.channels", {"channel": "dash.channel", "count": "dash.count"}),
    ("population", "population", "panel.population", {"year": "common.year", "residents": "panel.residents"}),
    (
        "returns",
        "returns",
        "panel.returns",
        {
            "year": "common.year",
            "persons": "figure.returns",
            "problem": "figure.problem_returns",
            "deported": "figure.deported",
            "died": "figure.died",
        },
    ),
    (
        "return_reasons",
        "returns",
        "panel.return_reasons",
        {"reason": "data.field.reason", "persons": "panel.persons"},
    ),
    (
        "service_points",
        "service_points",
        "panel.service_points",
        {
            "type": "panel.type",
            "name": "common.name",
            "located": "panel.located",
            "year_opened": "data.field.year_opened",
            "year_closed": "data.field.year_closed",
        },
    ),
)


def _display(frame: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """Translate headers, yes/no and programme names; format numbers the reader's way."""
    code = lang()
    out = frame.copy()
    for col in out.columns:
        if col == "programme":
            out[col] = out[col].map(lambda v: t(f"programme.{v}") if f"programme.{v}" in i18n.TABLE else v)
        elif col == "reason":
            out[col] = out[col].map(lambda v: reason_label(v, code))
        elif col == "type":  # a service point's type
            out[col] = out[col].map(lambda v: t(f"service.{v}") if f"service.{v}" in i18n.TABLE else v)
        elif col == "located":  # the flag: its own coordinates, or the village's point
            out[col] = out[col].map(
                lambda v: t(f"panel.located.{v}") if f"panel.located.{v}" in i18n.TABLE else "–"
            )
        elif col == "name":
            out[col] = out[col].map(lambda v: "–" if pd.isna(v) else str(v))
        elif col in ("year_opened", "year_closed"):
            out[col] = out[col].map(lambda v: "–" if pd.isna(v) else str(int(v)))
        elif col in ("active", "kur_credit", "cooperative"):
            out[col] = out[col].map(lambda v: "–" if pd.isna(v) else t("common.yes") if v else t("common.no"))
        elif col in ("year", "start_year"):
            out[col] = out[col].map(lambda v: "–" if pd.isna(v) else str(int(v)))
        elif pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(lambda v: i18n.fmt_int(v, code))
    return out.rename(columns={c: t(k) for c, k in labels.items()})


def village_panel(code: str, name: str, place: str, layers: Mapping[str, pd.DataFrame]) -> None:
    """Render the panel of village ``code`` (``place``: district, regency) from all loaded layers."""
    st.subheader(t("panel.title", name=md_text(name)))
    st.caption(f"{md_text(place)} · {t('common.code')} {md_text(code)}")
    profile = {**village_profile(code, layers), **village_returns(code, layers)}
    columns = st.columns(2, gap="medium")
    for i, (key, layer, title, labels) in enumerate(SECTIONS):
        with columns[i % 2]:
            st.markdown(f"**{t(title)}**")
            if layer not in layers or layers[layer].empty:
                st.caption(t("panel.not_loaded"))
            elif coverage_of(layers[layer], layer_level(layer)).status([code])[0] == 0:
                st.caption(t("panel.not_covered"))  # no file speaks for this village: no data, not none
            elif key not in profile or profile[key].empty:
                st.caption(t("panel.none"))
            else:
                st.dataframe(_display(profile[key], labels), hide_index=True, width="stretch")
