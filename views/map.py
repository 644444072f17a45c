"""Peta Wilayah / Area map: Indonesia by province, drill down to villages, official names."""

import streamlit as st

from geo.codes import Level
from ui import Keys, maps, t
from ui import dashboard as dash

dash.page_head("map")

area = maps.resolve_area()
default = maps.shown_level(area)
deeper = [level for level in Level if level >= default]
if st.session_state.get(Keys.MAP_LEVEL) not in deeper:
    st.session_state[Keys.MAP_LEVEL] = default
level = st.sidebar.selectbox(
    t("map.level"), deeper, format_func=lambda lv: t(f"level.{lv.key}"), key=Keys.MAP_LEVEL
)

villages = dash.village_table(area)
if level == Level.VILLAGE:
    selected = maps.choropleth(
        "map",
        lambda lv, codes: dash.village_kinds(codes),
        label=t("map.village_kind"),
        categories=dash.village_kind_categories(),
        level=level,
    )
else:
    selected = maps.choropleth(
        "map",
        lambda lv, codes: dash.villages_within(villages, codes),
        label=t("map.village_count"),
        level=level,
    )
dash.boundary_note(area, villages)
dash.village_panel(selected, dash.load_layers())
